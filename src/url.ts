// URLs: resolving the constructor's argument, and the origin that messages carry.

/** The base URL a relative URL resolves against: the document's, else the worker's location, else none. */
export function baseURL(): string | undefined {
  try {
    return typeof document != 'undefined' ? document.baseURI : location.href;
  } catch (error) {
    // No document and no `location` (Node), or a `location` that throws on any use (Deno without --location).
    return undefined;
  }
}

/** "Encoding-parse a URL": the serialized absolute URL, or null on failure. */
export function parseURL(input: string, base: string | undefined): string | null {
  try {
    return new URL(input, base).href;
  } catch (error) {
    return null;
  }
}

/** The serialization of the origin of an absolute URL ("null" for opaque origins). */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch (error) {
    return 'null';
  }
}

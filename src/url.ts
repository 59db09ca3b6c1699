// URLs: resolving the constructor's argument, and the origin that messages carry.

/** The base URL a relative URL resolves against: the document's, else the worker's location, else none. */
export function baseURL(): string | undefined {
  try {
    if (typeof document !== 'undefined' && document && document.baseURI) return document.baseURI;
    if (typeof location !== 'undefined' && location && location.href) return location.href;
  } catch (error) {
    // Deno without --location throws on any use of `location`.
  }
  return undefined;
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

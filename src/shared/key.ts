// Which instances may share a connection: those whose request and policy are the same. The key is a string made of
// the URL, the credentials mode and every option that shapes what a tab sees, or, where an option cannot be compared
// (a function, a Blob, a FormData), of the explicit `name` the caller gives instead of the options.

/** Options left out of the options' part: withCredentials has its own part; the others belong to one instance. */
const OWN = /^(withCredentials|signal|name)$/;

/** A canonical text for a value, or null when two such values cannot be told equal (functions, Blobs...). */
function canonical(value: unknown): string | null {
  if (value == null || typeof value !== 'object') {
    return typeof value === 'function' ? null : JSON.stringify(value === undefined ? null : value);
  }
  const pairs: string[] = [];
  const tag = Object.prototype.toString.call(value);
  let out: string | null;
  if (tag === '[object Array]') {
    for (let i = 0; i < (value as unknown[]).length; i++) {
      if ((out = canonical((value as unknown[])[i])) === null) return null;
      pairs.push(out);
    }
    return '[' + pairs.join() + ']';
  }
  // URLSearchParams: its serialization is its body.
  if (tag === '[object URLSearchParams]') return JSON.stringify('?' + value);
  const headers = value as { forEach?: unknown; get?: unknown };
  if (typeof headers.forEach === 'function' && typeof headers.get === 'function') {
    // A Headers object (its names are lowercase already).
    (value as Headers).forEach(function (text, name) {
      pairs.push(JSON.stringify(name) + ':' + JSON.stringify(text));
    });
  } else if (tag === '[object Object]') {
    for (const name in value as object) {
      if (!Object.prototype.hasOwnProperty.call(value, name)) continue;
      if ((out = canonical((value as { [name: string]: unknown })[name])) === null) return null;
      pairs.push(JSON.stringify(name) + ':' + out);
    }
  } else {
    return null;
  }
  return '{' + pairs.sort().join() + '}';
}

/**
 * The key of the stream that an instance with these arguments reads (the name of its lock and of its channel), or
 * null when it cannot be shared: an option cannot be compared and no `name` is given.
 */
export function streamKey(url: string, withCredentials: boolean, init: { [name: string]: unknown }): string | null {
  const name = init.name;
  let options: string | null = '';
  if (name !== undefined) {
    options = 'name ' + JSON.stringify(name);
  } else {
    const pairs: string[] = [];
    for (const option in init) {
      if (OWN.test(option) || init[option] == null || !Object.prototype.hasOwnProperty.call(init, option)) continue;
      const text = canonical(init[option]);
      if (text === null) return null;
      pairs.push(option + '=' + text);
    }
    options = pairs.sort().join('&');
  }
  return 'whatwg-eventsource ' + (withCredentials ? 'credentials ' : 'anonymous ') + url + ' ' + options;
}

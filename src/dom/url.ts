// URLs where the URL constructor is missing (IE): an <a> element resolves a URL against the document's base URL,
// and its parts give the origin. A failure is what has no scheme, or is HTTP(S) without a host.

function anchor(input: string): HTMLAnchorElement | null {
  const a = document.createElement('a');
  a.href = input;
  // IE fills in the parts of a relative href only once it is given the resolved one.
  a.href = a.href;
  // An invalid URL gives the scheme ':'.
  return /^[a-z][a-z\d+.-]*:$/i.test(a.protocol) && (a.host || !/^https?:$/.test(a.protocol)) ? a : null;
}

export function anchorParseURL(input: string): string | null {
  const a = anchor(input);
  return a && a.href;
}

export function anchorOriginOf(url: string): string {
  const a = anchor(url);
  if (!a || !/^https?:$/.test(a.protocol)) return 'null';
  // IE reports the default port ("80", "443"), which an origin leaves out.
  const port = a.port && a.port !== (a.protocol === 'http:' ? '80' : '443') ? ':' + a.port : '';
  return a.protocol + '//' + a.hostname + port;
}

// The XMLHttpRequest transport, for engines whose fetch() cannot stream a body: IE 10/11, legacy Edge, old Safari
// and Android, React Native. It reads responseText as it grows (readyState 3 and progress events), from where it
// last stopped. https://xhr.spec.whatwg.org/
import type { Transport } from './types';

export const xhrTransport: Transport = function (request, handlers) {
  const xhr = new XMLHttpRequest();
  // 0: waiting for the headers, 1: reading the body, 2: ended or aborted.
  let phase = 0;
  let seen = 0;
  // IE 9-era engines cannot read responseText before the response is complete: they long-poll (see end()).
  let buffered = false;

  function read(done: boolean): void {
    let text: string;
    try {
      text = xhr.responseText;
    } catch (error) {
      buffered = true;
      return;
    }
    // An engine that decodes all it has each time (jsdom, some old WebViews) ends the text with U+FFFD while a
    // character's bytes are still arriving: that one waits for the next read.
    let end = text.length;
    if (!done && text.charCodeAt(end - 1) === 0xfffd) end--;
    if (end > seen) {
      const piece = text.slice(seen, end);
      seen = end;
      handlers.chunk(piece);
    }
  }

  function change(): void {
    const readyState = xhr.readyState;
    // HEADERS_RECEIVED, with a status: a network error (status 0) is only known when the request is DONE.
    if (phase === 0 && readyState > 1 && xhr.status) {
      phase = 1;
      handlers.response(xhr.status, xhr.getResponseHeader('Content-Type'), xhr.responseURL || '', xhr);
    }
    if (phase === 1 && readyState > 2) read(readyState === 4);
    if (phase !== 2 && readyState === 4) {
      const ok = phase === 1;
      phase = 2;
      handlers.end(ok ? undefined : new Error('XMLHttpRequest network error'), ok && buffered);
    }
  }

  xhr.open(request.method || 'GET', request.url, true);
  xhr.withCredentials = request.withCredentials;
  const headers = request.headers;
  for (const name in headers) xhr.setRequestHeader(name, headers[name]);
  // Event streams are always UTF-8, whatever the Content-Type says.
  if (xhr.overrideMimeType) xhr.overrideMimeType('text/plain; charset=utf-8');
  // IE 9 has no progress events on XHR at all: such an engine can only long-poll.
  if (!('onprogress' in xhr)) buffered = true;
  xhr.onreadystatechange = xhr.onprogress = change;
  xhr.send(request.body);

  return function abort(): void {
    if (phase === 2) return;
    phase = 2;
    xhr.onreadystatechange = xhr.onprogress = null;
    xhr.abort();
  };
};

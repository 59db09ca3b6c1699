// The XMLHttpRequest transport, for engines whose fetch() cannot stream a body: IE 10/11, legacy Edge, old Safari
// and Android, React Native. It reads responseText as it grows (readyState 3 and progress events), from where it
// last stopped. https://xhr.spec.whatwg.org/
import { RECONNECT_AT_ONCE, REPLACE, type Transport } from './types';

// NON-SPEC: responseText holds the whole response, so once a connection has read this many characters it is
// replaced at the next event boundary (end(undefined, REPLACE)) by a new request with the last event ID, with no event to
// mark it. What followed the boundary in that piece of text is left to the new response (a server that resumes
// from Last-Event-ID sends it again).
export const XHR_TEXT_LIMIT = 4194304;
// A blank line: two line endings, a CRLF counting as one.
const EVENT_BOUNDARY = /(?:\r\n|\n|\r(?!\n))(?:\r\n|\n|\r)/g;

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
      let piece = text.slice(seen, end);
      let boundary = -1;
      if (end > XHR_TEXT_LIMIT) {
        EVENT_BOUNDARY.lastIndex = 0;
        while (EVENT_BOUNDARY.exec(piece)) boundary = EVENT_BOUNDARY.lastIndex;
        if (boundary >= 0) piece = piece.slice(0, boundary);
      }
      seen = end;
      handlers.chunk(piece);
      if (boundary >= 0 && phase === 1) {
        stop();
        handlers.end(undefined, REPLACE);
      }
    }
  }

  function change(): void {
    const readyState = xhr.readyState;
    // HEADERS_RECEIVED, with a status: a network error (status 0) is only known when the request is DONE.
    if (phase === 0 && readyState > 1 && xhr.status) {
      phase = 1;
      handlers.response(xhr.status, xhr.getResponseHeader('Content-Type'), xhr.responseURL, xhr);
    }
    if (phase === 1 && readyState > 2) read(readyState === 4);
    if (phase !== 2 && readyState === 4) {
      const ok = phase === 1;
      phase = 2;
      handlers.end(ok ? undefined : new Error('network error'), ok && buffered ? RECONNECT_AT_ONCE : 0);
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

  // (What abort() fires finds phase 2, and is ignored.)
  function stop(): void {
    phase = 2;
    xhr.abort();
  }

  return function abort(): void {
    if (phase !== 2) stop();
  };
};

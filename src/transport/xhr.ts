// The XMLHttpRequest transport, for engines whose fetch() cannot stream a body: IE 10/11, legacy Edge, old Safari
// and Android, React Native. It reads responseText as it grows (readyState 3 and progress events), from where it
// last stopped. https://xhr.spec.whatwg.org/
import type { Transport } from './types';

// NON-SPEC: responseText holds the whole response, so once a connection has read this many characters its request
// is replaced at the next event boundary by a new one, sent with the request's headers as they are then (the
// current Last-Event-ID). The event source sees one connection: the new response announces nothing (the source is
// OPEN already), and the stream goes on. What followed the boundary in that piece of text is left to the new response (a server that resumes
// from Last-Event-ID sends it again).
export const XHR_TEXT_LIMIT = 4194304;
// A blank line: two line endings, a CRLF counting as one.
const EVENT_BOUNDARY = /(?:\r\n|\n|\r(?!\n))(?:\r\n|\n|\r)/g;

export const xhrTransport: Transport = function (request, handlers) {
  let xhr: XMLHttpRequest;
  // 0: waiting for the headers, 1: reading the body, 2: ended or aborted.
  let phase: number;
  let seen: number;
  // IE 9-era engines cannot read responseText before the response is complete: they long-poll (see change()).
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
      // (The chunk's events may have aborted the request: phase 2.)
      if (boundary >= 0 && phase === 1) {
        stop();
        send();
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
      handlers.end(ok ? undefined : new Error('network error'), ok && buffered);
    }
  }

  function send(): void {
    const current = (xhr = new XMLHttpRequest());
    phase = seen = 0;
    xhr.open(request.method || 'GET', request.url, true);
    xhr.withCredentials = request.withCredentials;
    const headers = request.headers();
    for (const name in headers) xhr.setRequestHeader(name, headers[name]);
    // Event streams are always UTF-8, whatever the Content-Type says.
    if (xhr.overrideMimeType) xhr.overrideMimeType('text/plain; charset=utf-8');
    // IE 9 has no progress events on XHR at all: such an engine can only long-poll.
    if (!('onprogress' in xhr)) buffered = true;
    // A replaced request's late events are ignored.
    xhr.onreadystatechange = xhr.onprogress = function () {
      if (current === xhr) change();
    };
    xhr.send(request.body as XMLHttpRequestBodyInit | null | undefined);
  }

  // (What abort() fires finds phase 2, and is ignored.)
  function stop(): void {
    phase = 2;
    xhr.abort();
  }

  send();
  return function abort(): void {
    if (phase !== 2) stop();
  };
};

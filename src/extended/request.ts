// The request decorator of the extended class: it wraps the transport the event source chose, and for each
// connection sends the request the options ask for (headers, method and body, the last event ID in the query),
// bounds a silent connection (inactivityTimeout), and reads the start of a failed response's body for the error
// event. It keeps no reconnection timer, last event ID or origin: the event source's are the only ones. When it
// ends a connection itself it says why in the instance's `cause`, then ends the body as a transport would.
import { isEventStream } from '../http';
import type { ResponseDetails, Transport, TransportHandlers, TransportRequest } from '../transport/types';
import { createUtf8StreamDecoder } from '../utf8';
import { parseRetryAfter, setQueryParameter } from './http';
import type { Cause, Instance } from './instance';
import { normalizeHeaders } from './options';
import type { ErrorDetails, ErrorReason, HeaderRecord } from './types';

/** How much of a failed response's body an error event carries (characters), and how long it is waited for (ms). */
export const ERROR_BODY_SIZE = 4096;
export const ERROR_BODY_WAIT = 1000;

function noop(): void {}

function header(details: ResponseDetails | undefined, name: string): string | null {
  try {
    if (details && details.headers) return details.headers.get(name);
    if (details && details.getResponseHeader) return details.getResponseHeader(name);
  } catch (error) {
    // An XMLHttpRequest may refuse to show a header.
  }
  return null;
}

function because(reason: ErrorReason, error?: unknown): ErrorDetails {
  return { reason: reason, error: error, willReconnect: false, attempt: 0 };
}

export function decorate(instance: Instance, inner: Transport): Transport {
  const o = instance.options;
  return function (request: TransportRequest, handlers: TransportHandlers): () => void {
    // An AbortSignal that was aborted before the constructor: closed before any request.
    if (o.signal && o.signal.aborted) {
      instance.close();
      return noop;
    }
    let finished = false;
    let abortRequest: (() => void) | null = null;
    // The wait for a headers function's turn, then for the body of a failed response.
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stall: ReturnType<typeof setTimeout> | undefined;
    // A failed response whose body is being read for the error event, and its status etc.
    let failure: Cause | null = null;
    let failed: [number, string | null, string | undefined] | undefined;
    let text = '';
    let decode: ((bytes: Uint8Array) => string) | undefined;

    function stop(): void {
      finished = true;
      clearTimeout(timer);
      clearTimeout(stall);
      if (instance.resume === resume) instance.resume = null;
      const abortNow = abortRequest;
      abortRequest = null;
      if (abortNow) abortNow();
    }

    // Ends the connection for `cause`, as a transport ends a body: the event source then asks the policy.
    function lose(cause: Cause): void {
      stop();
      instance.cause = cause;
      handlers.end(cause.details.error);
    }

    // Connecting or open: the connection predates the network change, so it is replaced.
    function resume(): void {
      if (!failure) lose({ details: because('resume'), now: true });
    }
    instance.resume = resume;

    function armStall(): void {
      const timeout = o.inactivityTimeout;
      if (!timeout) return;
      clearTimeout(stall);
      stall = setTimeout(function () {
        if (failure) return finishBody();
        const error = new Error('no data received for ' + timeout + ' ms');
        error.name = 'TimeoutError';
        lose({ details: because('timeout', error) });
      }, timeout);
    }

    function start(): void {
      armStall();
      const headers = o.headers;
      if (typeof headers !== 'function') return send(headers);
      let value: unknown;
      try {
        value = headers();
      } catch (error) {
        return lose({ details: because('headers', error) });
      }
      if (value && typeof (value as PromiseLike<unknown>).then === 'function') {
        (value as PromiseLike<unknown>).then(
          function (result) {
            if (!finished) send(result, true);
          },
          function (error) {
            if (!finished) lose({ details: because('headers', error) });
          },
        );
      } else send(value, true);
    }

    function send(given: unknown, dynamic?: boolean): void {
      // The headers function may have closed the source.
      if (finished) return;
      let own: HeaderRecord;
      try {
        own = dynamic ? normalizeHeaders(given, 'the headers function returned a value that') : (given as HeaderRecord);
      } catch (error) {
        return lose({ details: because('headers', error), fail: true });
      }
      abortRequest = inner(
        {
          // Read at each HTTP request, as `headers()` is called: the last event ID as of then.
          get url(): string {
            const id = instance.state.lastEventIdString;
            return id && o.lastEventIdIn !== 'header' ? setQueryParameter(request.url, o.lastEventIdParam, id) : request.url;
          },
          withCredentials: request.withCredentials,
          fetch: request.fetch,
          method: o.method,
          body: o.body,
          headers: function () {
            const headers = request.headers();
            if (o.lastEventIdIn === 'query') delete headers['Last-Event-ID'];
            for (const name in own) {
              const lower = name.toLowerCase();
              for (const existing in headers) if (existing.toLowerCase() === lower) delete headers[existing];
              headers[name] = own[name];
            }
            return headers;
          },
        },
        { response: response, chunk: chunk, end: end },
      );
    }

    function response(status: number, contentType: string | null, url: string | undefined, details?: ResponseDetails): void {
      if (finished) return;
      armStall();
      if (status === 200 && isEventStream(contentType)) {
        instance.opened = { status: status, statusText: (details && details.statusText) || '', contentType: contentType };
        return handlers.response(status, contentType, url);
      }
      // A failed response: its body is read, up to ERROR_BODY_SIZE characters or ERROR_BODY_WAIT ms, before the
      // event source hears of it.
      failed = [status, contentType, url];
      failure = {
        details: {
          reason: 'response',
          status: status,
          statusText: (details && details.statusText) || '',
          contentType: contentType,
          body: '',
          willReconnect: false,
          attempt: 0,
        },
      };
      // (reconnectOnStatus never holds 200: readOptions refuses it.)
      if (o.reconnectOnStatus.indexOf(status) >= 0) failure.retryAfter = parseRetryAfter(header(details, 'Retry-After'), new Date().getTime());
      timer = setTimeout(finishBody, ERROR_BODY_WAIT);
    }

    function chunk(data: Uint8Array | string): void {
      if (finished) return;
      armStall();
      if (!failure) return handlers.chunk(data);
      if (typeof data !== 'string') {
        try {
          data = (decode || (decode = createUtf8StreamDecoder()))(data);
        } catch (error) {
          data = '';
        }
      }
      text += data;
      if (text.length >= ERROR_BODY_SIZE) finishBody();
    }

    // The failed response, with its body, goes to the event source, which asks the policy (and then aborts this).
    function finishBody(): void {
      const cause = failure!;
      cause.details.body = text.length > ERROR_BODY_SIZE ? text.slice(0, ERROR_BODY_SIZE) : text;
      instance.cause = cause;
      handlers.response(failed![0], failed![1], failed![2]);
    }

    function end(error?: unknown, polled?: boolean): void {
      if (finished) return;
      if (failure) return finishBody();
      stop();
      handlers.end(error, polled);
    }

    // A headers function is called in a task of its own, never inside the constructor (where it could not yet
    // see the variable that the new instance will be assigned to).
    if (typeof o.headers === 'function') timer = setTimeout(start, 0);
    else start();
    return stop;
  };
}

// The options of the extended class: read once, in the constructor, checked, with their defaults. Pure.
import { FAILED, failedToConstruct, MAX_DELAY } from '../event-source';
import { toWellFormed, wellFormedByteString } from './http';
import type { HeaderRecord, HeadersOption, RequestBody } from './types';

/** The default of maxEventSize, in characters. */
export const DEFAULT_MAX_EVENT_SIZE = 8388608;
// https://fetch.spec.whatwg.org/#concept-method and #concept-header-name: tokens.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** The options, checked and with their defaults. */
export interface Options {
  headers: HeaderRecord | (() => unknown);
  method: string | undefined;
  body: RequestBody | null | undefined;
  lastEventId: string;
  lastEventIdIn: 'header' | 'query' | 'both';
  lastEventIdParam: string;
  backoff: { multiplier: number; max: number; jitter: number } | null;
  maxRetries: number;
  reconnectOnStatus: number[];
  reconnectOnEnd: boolean;
  inactivityTimeout: number;
  reconnectOnResume: boolean;
  signal: AbortSignal | undefined;
  maxEventSize: number;
}

function rangeError(message: string): RangeError {
  return new RangeError(FAILED + message);
}

/** A number option: undefined gives the default; Infinity only where allowed. */
function number(init: { [name: string]: unknown }, name: string, fallback: number, min: number, infinite?: boolean): number {
  const value = init[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'number') throw failedToConstruct(name + ' must be a number');
  if (!(value >= min) || (value === Infinity && !infinite)) {
    throw rangeError(name + ' must be a ' + (infinite ? '' : 'finite ') + 'number at least ' + min + ', not ' + value);
  }
  return value;
}

function boolean(init: { [name: string]: unknown }, name: string, fallback: boolean): boolean {
  const value = init[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw failedToConstruct(name + ' must be true or false');
  return value;
}

/** Header names and values, checked, with the values as byte strings. `what` names the culprit in errors. */
export function normalizeHeaders(value: unknown, what: string): HeaderRecord {
  const headers: HeaderRecord = {};
  if (value == null) return headers;
  if (typeof value !== 'object') throw new TypeError(what + ' must be an object of header names to values, or a Headers object');
  function add(text: unknown, name: string): void {
    if (!TOKEN.test(name)) throw new TypeError(what + ": '" + name + "' is not a valid header name");
    if (typeof text !== 'string') throw new TypeError(what + ': the value of ' + name + ' must be a string, not ' + typeof text);
    if (/[\0\r\n]/.test(text)) throw new TypeError(what + ': the value of ' + name + ' contains NUL, CR or LF');
    headers[name] = wellFormedByteString(text);
  }
  const list = value as HeadersOption;
  if (typeof list.forEach === 'function' && typeof list.get === 'function') {
    (list as { forEach(callback: (value: string, name: string) => void): void }).forEach(add);
  } else {
    for (const name in list) if (Object.prototype.hasOwnProperty.call(list, name)) add((list as HeaderRecord)[name], name);
  }
  return headers;
}

/** Reads and checks the options of the extended class: a TypeError or RangeError says what is wrong. */
export function readOptions(init: { [name: string]: unknown }): Options {
  let headers = init.headers as Options['headers'];
  if (typeof headers !== 'function') headers = normalizeHeaders(headers, FAILED + 'headers');

  let method = init.method as string | undefined;
  if (method !== undefined) {
    if (typeof method !== 'string' || !TOKEN.test(method)) throw failedToConstruct('method must be a method name such as POST');
    const upper = method.toUpperCase();
    if (/^(CONNECT|TRACE|TRACK)$/.test(upper)) throw failedToConstruct('method ' + method + ' is forbidden');
    if (/^(DELETE|GET|HEAD|OPTIONS|POST|PUT)$/.test(upper)) method = upper;
  }
  const body = init.body;
  if (body != null) {
    if (
      typeof body !== 'string' &&
      !/^\[object (Blob|File|FormData|URLSearchParams|ArrayBuffer)\]$/.test(Object.prototype.toString.call(body)) &&
      !(typeof ArrayBuffer === 'function' && ArrayBuffer.isView && ArrayBuffer.isView(body))
    ) {
      throw failedToConstruct(
        'body must be a string, URLSearchParams, FormData, Blob, ArrayBuffer or typed array (JSON.stringify an object; ' +
          'a stream cannot be sent again when reconnecting)',
      );
    }
    if (method === undefined || method === 'GET' || method === 'HEAD') throw failedToConstruct("a body needs a method such as 'POST'");
  }

  const lastEventId = init.lastEventId === undefined ? '' : init.lastEventId;
  if (typeof lastEventId !== 'string') throw failedToConstruct('lastEventId must be a string');
  if (/[\0\r\n]/.test(lastEventId)) throw failedToConstruct('lastEventId cannot contain NUL, CR or LF');
  // (Sent as UTF-8: a lone surrogate becomes U+FFFD, as it would have in a stream.)
  const lastEventIdIn = init.lastEventIdIn === undefined ? 'header' : init.lastEventIdIn;
  if (lastEventIdIn !== 'header' && lastEventIdIn !== 'query' && lastEventIdIn !== 'both') {
    throw failedToConstruct("lastEventIdIn must be 'header', 'query' or 'both'");
  }
  const lastEventIdParam = init.lastEventIdParam === undefined ? 'lastEventId' : init.lastEventIdParam;
  if (typeof lastEventIdParam !== 'string' || !lastEventIdParam) throw failedToConstruct('lastEventIdParam must be a non-empty string');

  let backoff: Options['backoff'] = null;
  const backoffOption = init.backoff;
  if (backoffOption && typeof backoffOption === 'object') {
    const b = backoffOption as { [name: string]: unknown };
    backoff = { multiplier: number(b, 'multiplier', 2, 1), max: number(b, 'max', 30000, 0, true), jitter: number(b, 'jitter', 0.5, 0) };
    if (backoff.jitter > 1) throw rangeError('backoff.jitter must be between 0 and 1');
  } else if (boolean(init, 'backoff', false)) {
    backoff = { multiplier: 2, max: 30000, jitter: 0.5 };
  }

  const maxRetries = number(init, 'maxRetries', Infinity, 0, true);
  if (maxRetries !== Infinity && maxRetries % 1) throw rangeError('maxRetries must be a whole number');
  const statuses = init.reconnectOnStatus === undefined ? [] : init.reconnectOnStatus;
  if (!Array.isArray(statuses)) throw failedToConstruct('reconnectOnStatus must be an array of HTTP statuses');
  for (let i = 0; i < statuses.length; i++) {
    const status = statuses[i];
    if (typeof status !== 'number' || status % 1 || status < 100 || status > 599 || status === 200) {
      throw rangeError('reconnectOnStatus: ' + status + ' is not an HTTP status other than 200');
    }
  }

  const signal = init.signal as AbortSignal | undefined;
  if (signal !== undefined && !(signal && typeof signal.aborted === 'boolean' && typeof signal.addEventListener === 'function')) {
    throw failedToConstruct('signal must be an AbortSignal');
  }
  const inactivityTimeout = number(init, 'inactivityTimeout', 0, 0, true);
  // (The event source reads it; the checks here say more.)
  number(init, 'reconnectionTime', 3000, 0);

  return {
    headers: headers,
    method: method,
    body: body as Options['body'],
    lastEventId: toWellFormed(lastEventId),
    lastEventIdIn: lastEventIdIn,
    lastEventIdParam: lastEventIdParam,
    backoff: backoff,
    maxRetries: maxRetries,
    reconnectOnStatus: statuses.slice(),
    reconnectOnEnd: boolean(init, 'reconnectOnEnd', true),
    // 0 and Infinity: off.
    inactivityTimeout: inactivityTimeout === Infinity ? 0 : Math.min(inactivityTimeout, MAX_DELAY),
    reconnectOnResume: boolean(init, 'reconnectOnResume', false),
    signal: signal,
    maxEventSize: number(init, 'maxEventSize', DEFAULT_MAX_EVENT_SIZE, 1, true),
  };
}


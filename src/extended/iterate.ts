// `for await (const event of source)`: every message event the source dispatches from then on (the very objects
// its listeners get), of any type, queued until read. It ends when the source closes, and throws when it failed.
import { CLOSED } from '../event-source';
import { instanceOf, type Sink } from './instance';
import type { ErrorDetails, EventSourceFailure } from './types';

/** An iterator's result (IteratorResult is not in the ES5 library). */
interface Step {
  value: MessageEvent | undefined;
  done: boolean;
}

function describe(details: ErrorDetails): string {
  const error = details.error as { message?: unknown } | undefined;
  const cause = error && typeof error.message === 'string' ? ': ' + error.message : '';
  switch (details.reason) {
    case 'response':
      return details.status !== 200
        ? 'HTTP ' + details.status + (details.statusText ? ' ' + details.statusText : '')
        : 'the Content-Type ' + (details.contentType || '(none)') + ' is not text/event-stream';
    case 'network':
      return 'network error' + cause;
    case 'headers':
      return 'the headers option failed' + cause;
    case 'size':
      return 'an event was larger than maxEventSize';
    default:
      return details.reason + cause;
  }
}

/** Copies the details' own enumerable properties onto the target (an Error, an open or error event). */
export function assign(target: object, details: object): void {
  for (const name in details) (target as { [name: string]: unknown })[name] = (details as { [name: string]: unknown })[name];
}

function failureOf(details: ErrorDetails): EventSourceFailure {
  const error = new Error('EventSource failed: ' + describe(details)) as EventSourceFailure;
  assign(error, details);
  error.cause = details.error;
  return error;
}

const asyncIteratorSymbol: symbol | undefined = typeof Symbol === 'function' ? (Symbol as unknown as { asyncIterator?: symbol }).asyncIterator : undefined;

/** The key of the async iterator method, where the engine has one. */
export { asyncIteratorSymbol };

/** The async iterator of a source. */
export function iterate(source: { close(): void }): { next(): Promise<Step>; return(): Promise<Step> } {
  const instance = instanceOf(source);
  const queue: MessageEvent[] = [];
  const waiting: Array<[(result: Step) => void, (error: unknown) => void]> = [];
  let ended = !instance || instance.state.readyState === CLOSED;
  let failure: EventSourceFailure | null = ended && instance && instance.failure ? failureOf(instance.failure) : null;

  function settle(): void {
    while (waiting.length) {
      const next = waiting.shift()!;
      if (failure) next[1](failure);
      else next[0]({ value: undefined, done: true });
      failure = null;
    }
  }
  const sink: Sink = {
    push: function (event) {
      const next = waiting.shift();
      if (next) next[0]({ value: event, done: false });
      else queue.push(event);
    },
    end: function () {
      ended = true;
      failure = instance!.failure ? failureOf(instance!.failure) : null;
      settle();
    },
  };
  if (!ended) instance!.sinks.push(sink);

  const iterator = {
    next: function (): Promise<Step> {
      if (queue.length) return Promise.resolve({ value: queue.shift()!, done: false });
      if (ended) {
        const error = failure;
        failure = null;
        return error ? Promise.reject(error) : Promise.resolve({ value: undefined, done: true });
      }
      return new Promise(function (resolve, reject) {
        waiting.push([resolve, reject]);
      });
    },
    // `break` out of a for await loop closes the source.
    return: function (): Promise<Step> {
      ended = true;
      failure = null;
      queue.length = 0;
      if (instance) {
        const index = instance.sinks.indexOf(sink);
        if (index >= 0) instance.sinks.splice(index, 1);
      }
      source.close();
      settle();
      return Promise.resolve({ value: undefined, done: true });
    },
  };
  (iterator as unknown as { [key: string]: unknown })[asyncIteratorSymbol as unknown as string] = function (this: unknown) {
    return this;
  };
  return iterator;
}

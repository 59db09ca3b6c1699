// The SharedEventSource interface: an EventSource (the extended options included) whose instances in every tab of
// the origin read one connection per stream. The instance knows nothing of tabs: its hub (hub.ts) tells it what
// the shared connection dispatches, and it dispatches that as its own EventSource would.
import { failedToConstruct, FAILED } from '../event-source';
import type { ExtendedEventSource, ExtendedEventSourceInit } from '../extended';
import { platform } from '../platform';
import { baseURL } from '../url';
import { check } from './connection';
import type { Hub, Member } from './hub';
import { streamKey } from './key';
import { hubFor, sharing } from './registry';

export interface SharedEventSourceInit extends ExtendedEventSourceInit {
  /**
   * The name of the stream, for options that cannot be compared (a `headers` or `fetch` function, a Blob or FormData
   * body): instances with the same URL, credentials mode and name share one connection, made with the options of
   * the instance that opens it. Without a name, such an instance has a connection of its own.
   */
  name?: string;
}

type EventMap<Events> = { [K in keyof Events]: string };

/** A SharedEventSource: the interface of the extended EventSource. */
export interface SharedEventSource<Events extends EventMap<Events> = {}> extends ExtendedEventSource<Events> {}

export interface SharedEventSourceConstructor {
  new <Events extends EventMap<Events> = {}>(url: string | { toString(): string }, eventSourceInitDict?: SharedEventSourceInit): SharedEventSource<Events>;
  readonly prototype: SharedEventSource;
  readonly CONNECTING: 0;
  readonly OPEN: 1;
  readonly CLOSED: 2;
}

const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 2;

interface Step {
  value: MessageEvent | undefined;
  done: boolean;
}

interface Sink {
  push(event: MessageEvent): void;
  end(failure: Error | null): void;
}

interface Slots {
  readyState: 0 | 1 | 2;
  url: string;
  withCredentials: boolean;
  lastEventId: string;
  handlers: { [type: string]: Function | object | null | undefined };
  hub: Hub;
  sinks: Sink[] | null;
  failure: Error | null;
  close(): void;
}

const SLOTS = '__sharedEventSource';

// On any other object this returns undefined, and reading from that throws WebIDL's TypeError.
function slots(target: unknown): Slots {
  return (target as { [SLOTS]: Slots })[SLOTS];
}

function failureOf(details: { [name: string]: unknown }): Error {
  const error = new Error(FAILED + 'failed (' + details.reason + ')') as Error & { [name: string]: unknown };
  for (const name in details) error[name] = details[name];
  error.cause = details.error;
  return error;
}

function SharedEventSourceImpl(this: unknown, url: unknown, eventSourceInitDict?: SharedEventSourceInit): SharedEventSource {
  if (!(this instanceof SharedEventSourceImpl)) throw failedToConstruct("use the 'new' operator");
  if (!arguments.length) throw failedToConstruct('a URL is required');
  const input = ''.concat(url as string);
  const init = (eventSourceInitDict == null ? {} : eventSourceInitDict) as { [name: string]: unknown };
  if (typeof init !== 'object' && typeof init !== 'function') throw failedToConstruct('options must be an object');
  if (init.name !== undefined && typeof init.name !== 'string') throw failedToConstruct('name must be a string');
  const dom = platform.dom;
  if (!dom) throw failedToConstruct('no EventTarget here: needs whatwg-eventsource/polyfill');
  // Where the shims stand in for EventTarget (the legacy module, maybe loaded after this one), the prototype gets
  // their methods as its own, as EventSource.prototype does.
  const prototype = SharedEventSourceImpl.prototype as { [name: string]: unknown };
  if (!dom.EventTarget && prototype.dispatchEvent !== dom.methods.dispatchEvent) {
    prototype.removeEventListener = dom.methods.removeEventListener;
    prototype.dispatchEvent = dom.methods.dispatchEvent;
  }
  const ev = (dom.EventTarget ? Reflect.construct(dom.EventTarget, [], (this as object).constructor) : this) as SharedEventSource;
  const absolute = platform.parseURL(input, baseURL());
  if (!absolute) {
    const message = FAILED + "invalid URL '" + input + "'";
    throw typeof DOMException === 'function' ? new DOMException(message, 'SyntaxError') : new SyntaxError(message);
  }
  const withCredentials = !!init.withCredentials;
  // (Where the browser cannot share, every instance is alone: no key.)
  const key = sharing() ? streamKey(absolute, withCredentials, init) : null;
  // A hub that opens its connection at once (an instance alone) checks the options as it does; a shared one may
  // never open it in this tab, so they are checked here.
  if (key !== null) check(absolute, init);
  const hub = hubFor(key, absolute, init);
  const dispatchEvent = dom.methods.dispatchEvent;
  const signal = init.signal as AbortSignal | undefined;
  // A member that joins a stream already open gets its `open` in a task of its own, and nothing before it.
  let joined = hub.readyState() !== OPEN;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const state: Slots = {
    readyState: CONNECTING,
    url: absolute,
    withCredentials: withCredentials,
    lastEventId: hub.lastEventId(),
    handlers: {},
    hub: hub,
    sinks: typeof Symbol === 'function' && (Symbol as unknown as { asyncIterator?: symbol }).asyncIterator ? [] : null,
    failure: null,
    close: function () {
      shut(null);
    },
  };
  Object.defineProperty(ev, SLOTS, { value: state });

  function fire(event: Event): void {
    dispatchEvent.call(ev, event);
  }

  // CLOSED, out of the stream, the iterators ended (with the failure, if any).
  function shut(failure: Error | null): void {
    if (state.readyState === CLOSED && !state.sinks) return;
    state.readyState = CLOSED;
    clearTimeout(timer);
    hub.remove(member);
    if (signal) signal.removeEventListener('abort', state.close);
    const sinks = state.sinks;
    state.sinks = null;
    state.failure = failure;
    if (sinks) for (let i = 0; i < sinks.length; i++) sinks[i].end(failure);
  }

  const member: Member = {
    open: function () {
      if (joined && state.readyState === CONNECTING) {
        state.readyState = OPEN;
        fire(dom.createEvent('open'));
      }
    },
    message: function (type, data, origin, lastEventId) {
      if (!joined || state.readyState === CLOSED) return;
      state.lastEventId = lastEventId;
      const event = dom.createMessageEvent(type, data, origin, lastEventId);
      const sinks = state.sinks;
      if (sinks) for (let i = 0; i < sinks.length; i++) sinks[i].push(event);
      fire(event);
    },
    error: function (readyState, details) {
      if (state.readyState === CLOSED || (!joined && readyState !== CLOSED)) return;
      if (readyState === CLOSED) shut(failureOf(details));
      else state.readyState = CONNECTING;
      const event = dom.createEvent('error') as Event & { [name: string]: unknown };
      for (const name in details) event[name] = details[name];
      fire(event);
    },
  };

  if (!joined) {
    timer = setTimeout(function () {
      joined = true;
      if (hub.readyState() === OPEN) member.open();
    }, 0);
  }
  try {
    hub.add(member);
  } catch (error) {
    // An instance alone: its connection refused the options.
    shut(null);
    throw error;
  }
  hub.listen('message');
  if (signal) {
    if (signal.aborted) shut(null);
    else signal.addEventListener('abort', state.close);
  }
  return ev;
}

// The async iterator of an instance: every message event it dispatches from then on, queued until read.
function iterate(source: unknown): { next(): Promise<Step>; return(): Promise<Step> } {
  const state = slots(source);
  const queue: MessageEvent[] = [];
  const waiting: Array<[(step: Step) => void, (error: unknown) => void]> = [];
  let ended = !state.sinks;
  let failure = ended ? state.failure : null;
  const done: Step = { value: undefined, done: true };

  function settle(): void {
    while (waiting.length) {
      const next = waiting.shift()!;
      if (failure) next[1](failure);
      else next[0](done);
      failure = null;
    }
  }
  if (!ended) {
    state.sinks!.push({
      push: function (event) {
        const next = waiting.shift();
        if (next) next[0]({ value: event, done: false });
        else queue.push(event);
      },
      end: function (error) {
        ended = true;
        failure = error;
        if (!queue.length) settle();
      },
    });
  }
  const iterator = {
    next: function (): Promise<Step> {
      if (queue.length) return Promise.resolve({ value: queue.shift(), done: false });
      if (!ended) {
        return new Promise<Step>(function (resolve, reject) {
          waiting.push([resolve, reject]);
        });
      }
      const error = failure;
      failure = null;
      return error ? Promise.reject(error) : Promise.resolve(done);
    },
    // `break` out of a for await loop closes the source.
    return: function (): Promise<Step> {
      queue.length = 0;
      failure = null;
      state.close();
      ended = true;
      settle();
      return Promise.resolve(done);
    },
  };
  (iterator as unknown as { [key: string]: unknown })[asyncIterator as unknown as string] = function (this: unknown) {
    return this;
  };
  return iterator;
}

const asyncIterator: symbol | undefined = typeof Symbol === 'function' ? (Symbol as unknown as { asyncIterator?: symbol }).asyncIterator : undefined;

export const SharedEventSource = /*#__PURE__*/ (function (): SharedEventSourceConstructor {
  const dom = platform.dom;
  const Base = dom && dom.EventTarget;
  const prototype = SharedEventSourceImpl.prototype as { [name: string]: unknown };
  if (Base) {
    Object.setPrototypeOf!(prototype, Base.prototype);
    Object.setPrototypeOf!(SharedEventSourceImpl, Base);
  }

  // As WebIDL defines them: attributes and operations enumerable and configurable, constants enumerable only.
  function define(name: string | symbol, descriptor: PropertyDescriptor, constant?: boolean): void {
    descriptor.enumerable = typeof name === 'string';
    descriptor.configurable = !constant;
    Object.defineProperty(prototype, name as string, descriptor);
    if (constant) Object.defineProperty(SharedEventSourceImpl, name as string, descriptor);
  }
  const constants = ['CONNECTING', 'OPEN', 'CLOSED'];
  for (let i = 0; i < 3; i++) define(constants[i], { value: i }, true);

  function defineAttribute(name: 'url' | 'withCredentials' | 'readyState' | 'lastEventId'): void {
    define(name, {
      get: function (this: unknown) {
        return slots(this)[name];
      },
    });
  }
  defineAttribute('url');
  defineAttribute('withCredentials');
  defineAttribute('readyState');
  defineAttribute('lastEventId');

  // Event handler attributes, as the core's: the first non-null value adds the type's listener, null removes it.
  function defineEventHandler(type: string): void {
    function listener(this: unknown, event: Event): void {
      const handler = slots(this).handlers[type];
      if (typeof handler == 'function' && handler.call(this, event) === false) event.preventDefault();
    }
    define('on' + type, {
      get: function (this: unknown) {
        return slots(this).handlers[type] || null;
      },
      set: function (this: EventTarget, value: unknown) {
        const handlers = slots(this).handlers;
        const methods = platform.dom!.methods;
        // [LegacyTreatNonObjectAsNull]: any object is kept, callable or not; the rest is null.
        const handler = Object(value) === value ? (value as object) : null;
        if (!handler) methods.removeEventListener.call(this, type, listener);
        else if (!handlers[type]) methods.addEventListener.call(this, type, listener);
        handlers[type] = handler;
      },
    });
  }
  defineEventHandler('open');
  defineEventHandler('message');
  defineEventHandler('error');

  define('close', {
    value: function close(this: unknown) {
      slots(this).close();
    },
    writable: true,
  });

  // A connection for one instance relays the event types its listeners ask for (src/shared/connection.ts).
  define('addEventListener', {
    value: function addEventListener(this: unknown, type: string, callback: unknown, options?: unknown) {
      platform.dom!.methods.addEventListener.call(this as EventTarget, type, callback as EventListener, options as boolean);
      const state = slots(this);
      if (state) state.hub.listen('' + type);
    },
    writable: true,
  });

  if (asyncIterator) {
    define(asyncIterator, {
      value: function (this: unknown) {
        return iterate(this);
      },
      writable: true,
    });
  }
  if (typeof Symbol === 'function') define(Symbol.toStringTag, { value: 'EventSource' });

  return SharedEventSourceImpl as unknown as SharedEventSourceConstructor;
})();

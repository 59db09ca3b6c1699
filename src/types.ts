// The public types of every class of the package: written so that they compile with the DOM library and without it
// (Node's types, `--lib es2022 --types node`), and so that, where the DOM library is present, an instance is
// assignable to its `EventSource`. Listeners are typed as the DOM library types EventSource's: `open` and `error`
// get an `Event`, `message` and every other type a `MessageEvent`.
import type { EventSourceInit } from './event-source';

/** A `MessageEvent` whose `data` has the type `Data` (always text: use string types). */
export type MessageEventOf<Data extends string = string> = Omit<MessageEvent, 'data'> & { readonly data: Data };

/** The options of `addEventListener` (the DOM's `AddEventListenerOptions`, which Node's types keep to themselves). */
export interface ListenerOptions {
  capture?: boolean;
  once?: boolean;
  passive?: boolean;
  signal?: AbortSignal;
}

/** A listener of events `E` on a source `This`: a function, or an object with `handleEvent`. */
export type Listener<This, E> = ((this: This, event: E) => unknown) | { handleEvent(event: E): unknown };

/** An event handler attribute's value. */
export type EventHandler<E> = ((event: E) => unknown) | null;

/** What listeners of each event type get, by default. */
export interface EventSourceEventMap {
  open: Event;
  error: Event;
  message: MessageEventOf;
}

/**
 * The members of an EventSource whose listeners get `EventMap[type]` (a `MessageEvent` for types not in it) and
 * whose handlers and listeners are called with `this` a `This`. Other classes (the extended one, a shared one)
 * reuse it with their own map.
 */
export interface EventSourceOf<EventMap extends { open: Event; error: Event; message: Event }, This = unknown> extends EventTarget {
  readonly url: string;
  readonly withCredentials: boolean;
  readonly readyState: 0 | 1 | 2;
  readonly CONNECTING: 0;
  readonly OPEN: 1;
  readonly CLOSED: 2;
  // The event handler attributes take handlers of the map's events; read, they are handlers of any Event. So an
  // instance is assignable to the DOM library's `EventSource`, whose handlers take any `Event` and
  // `this: EventSource`. (No `this` parameter, which TypeScript would compare strictly; a function assigned to
  // `source.onmessage` still gets `this` typed as `source`.)
  get onopen(): EventHandler<Event>;
  set onopen(handler: EventHandler<EventMap['open']>);
  get onmessage(): EventHandler<Event>;
  set onmessage(handler: EventHandler<EventMap['message']>);
  get onerror(): EventHandler<Event>;
  set onerror(handler: EventHandler<EventMap['error']>);
  close(): void;
  addEventListener<K extends keyof EventMap & string>(type: K, listener: Listener<This, EventMap[K]> | null, options?: boolean | ListenerOptions): void;
  addEventListener(type: string, listener: Listener<This, MessageEventOf> | null, options?: boolean | ListenerOptions): void;
  removeEventListener<K extends keyof EventMap & string>(type: K, listener: Listener<This, EventMap[K]> | null, options?: boolean | Pick<ListenerOptions, 'capture'>): void;
  removeEventListener(type: string, listener: Listener<This, MessageEventOf> | null, options?: boolean | Pick<ListenerOptions, 'capture'>): void;
}

/** An instance of the package's `EventSource`. */
export interface EventSource extends EventSourceOf<EventSourceEventMap, EventSource> {}

/** The package's `EventSource` class. */
export interface EventSourceConstructor {
  new (url: string | { toString(): string }, eventSourceInitDict?: EventSourceInit): EventSource;
  readonly prototype: EventSource;
  readonly CONNECTING: 0;
  readonly OPEN: 1;
  readonly CLOSED: 2;
}

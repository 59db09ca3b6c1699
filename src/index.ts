// The ponyfill entry: named exports only, no side effects.
export { EventSource } from './event-source';
export type { EventSourceInit } from './event-source';
export type { EventSourceConstructor, EventSourceEventMap, EventSourceOf, Listener, ListenerOptions, MessageEventOf } from './types';
export { createParser } from './parse';
export type { EventStreamMessage, EventStreamParser, ParserCallbacks } from './parse';

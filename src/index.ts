// The ponyfill entry: named exports only, no side effects.
export { EventSource } from './event-source';
export type { EventSourceConstructor, EventSourceInit } from './event-source';
export { createParser } from './parse';
export type { EventStreamMessage, EventStreamParser, ParserCallbacks } from './parse';

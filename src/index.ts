// The ponyfill entry: named exports only, no side effects.
export { createParser } from './parse';
export type { EventStreamMessage, EventStreamParser, ParserCallbacks } from './parse';

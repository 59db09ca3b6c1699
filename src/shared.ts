// `import { SharedEventSource } from 'whatwg-eventsource/shared'`: one connection per stream for every tab of the
// origin (src/shared/). No side effects: the page lifecycle listeners are added with the first instance.
export { SharedEventSource } from './shared/shared-event-source';
export type { SharedEventSourceConstructor, SharedEventSourceInit } from './shared/shared-event-source';
export type { ErrorDetails, ErrorEventWithDetails, ErrorReason, EventSourceFailure, MessageEventOf } from './extended';

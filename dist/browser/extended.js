export { e as createParser } from './shared.js';
export { D as DEFAULT_MAX_EVENT_SIZE, c as ERROR_BODY_SIZE, d as ERROR_BODY_WAIT, E as EventSource, e as ExtendedEventSource } from './shared2.js';

export { E as EventSource, e as createParser } from './shared.js';

export { E as EventSource, c as createParser } from './shared.js';

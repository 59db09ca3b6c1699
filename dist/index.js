export { E as EventSource, d as createParser } from './shared.js';

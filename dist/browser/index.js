export { E as EventSource, b as createParser } from './shared.js';

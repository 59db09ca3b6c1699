// `import 'whatwg-eventsource/polyfill'`: the legacy add-on, then the global EventSource where it is missing. The
// global and the ponyfill's named export are one class.
import './legacy';
import { install } from './install';

install();

// `import 'whatwg-eventsource/polyfill'`: the legacy add-on, then the global EventSource where it is missing. The
// global and the ponyfill's named export are one class.
import './legacy';
import { install } from './install';
import { installUtf8Fallback } from './utf8-fallback';

// Engines without TextDecoder (legacy Edge) can still feed bytes to createParser. Not in the script tag, for its
// size: there, such engines feed text (the XMLHttpRequest transport only gives text anyway).
installUtf8Fallback();
install();

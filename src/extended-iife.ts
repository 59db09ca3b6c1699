// The script tag with the extensions (dist/eventsource.extended.iife.min.js): the script-tag build plus
// src/extended.ts, which plugs the extensions into the same class. Use it instead of dist/eventsource.iife.min.js,
// not with it. Where the browser has its own EventSource the global stays the browser's, which knows none of the
// options: construct `WhatwgEventSource.EventSource` to use them.
import './extended';
import './iife';

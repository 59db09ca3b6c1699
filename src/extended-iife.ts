// The script tag with the extensions (dist/eventsource.extended.iife.min.js): the script-tag build plus
// src/extended.ts. Use it instead of dist/eventsource.iife.min.js, not with it. Where the browser has its own
// EventSource the global stays the browser's, which knows none of the options: construct
// `WhatwgEventSource.EventSource` to use them.
import './legacy';
import { EventSource } from './extended';
import { global, install } from './install';
import { createParser } from './parse';

if (!global.WhatwgEventSource) global.WhatwgEventSource = { EventSource: EventSource, createParser: createParser };
install();

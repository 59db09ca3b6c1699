// The script tag with SharedEventSource (dist/eventsource.shared.iife.min.js): the extended script tag, plus
// WhatwgEventSource.SharedEventSource. Use it instead of the other script tags, not with them. As they do, it
// installs the global EventSource only where the browser has none.
import './extended-iife';
import { global } from './install';
import { SharedEventSource } from './shared';

(global.WhatwgEventSource as { SharedEventSource?: unknown }).SharedEventSource = SharedEventSource;

// The script tag with the extended class (dist/eventsource.extended.iife.min.js): the script tag, plus the
// extended class as WhatwgEventSource.ExtendedEventSource. Use it instead of dist/eventsource.iife.min.js, not with
// it. The global EventSource, where it is installed, is the plain class, as with the plain script tag.
import './iife';
import { ExtendedEventSource } from './extended/index';
import { global } from './install';

(global.WhatwgEventSource as { ExtendedEventSource?: unknown }).ExtendedEventSource = ExtendedEventSource;

// The script-tag build: the ponyfill with the legacy add-on, installed where EventSource is missing, and exposed
// as WhatwgEventSource. Included twice, the second copy finds both globals in place and changes nothing.
import './legacy';
import { EventSource } from './event-source';
import { global, install } from './install';
import { createParser } from './parse';

if (!global.WhatwgEventSource) global.WhatwgEventSource = { EventSource: EventSource, createParser: createParser };
install();

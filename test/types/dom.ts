// Compiled by test/types.test.ts with the DOM library only: the package's classes and instances are assignable to
// the DOM's EventSource, so code typed for the native one takes them.
import { EventSource as Ponyfill } from 'whatwg-eventsource';
import { EventSource as Extended } from 'whatwg-eventsource/extended';
import { SharedEventSource } from 'whatwg-eventsource/shared';

const Native: typeof EventSource = Ponyfill;
const NativeToo: typeof EventSource = Extended;
const NativeShared: typeof EventSource = SharedEventSource;
const native: EventSource = new Ponyfill('https://example.com/');
const nativeToo: EventSource = new Extended<{ price: `${number}` }>('https://example.com/');
native.addEventListener('message', (event: MessageEvent) => event.data);
nativeToo.onmessage = (event: MessageEvent<string>) => event.data;
const nativeShared: EventSource = new SharedEventSource<{ price: `${number}` }>('https://example.com/', { name: 'prices' });
nativeShared.addEventListener('price', (event: MessageEvent) => event.data);
nativeShared.onerror = (event: Event) => event.type;
new Ponyfill('https://example.com/').addEventListener('price', (event: MessageEvent) => event.data);

export { Native, NativeToo, NativeShared };

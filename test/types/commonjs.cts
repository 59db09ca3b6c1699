// Compiled by test/types.test.ts under node16 and nodenext: a CommonJS module (the .d.cts files).
import { EventSource } from 'whatwg-eventsource';
import { EventSource as Extended, type ErrorEventWithDetails } from 'whatwg-eventsource/extended';
import { SharedEventSource } from 'whatwg-eventsource/shared';

const source = new EventSource('https://example.com/');
source.addEventListener('price', (event) => event.data);
const extended = new Extended<{ price: `${number}` }>('https://example.com/', { maxRetries: 3 });
extended.addEventListener('price', (event) => {
  const price: `${number}` = event.data;
  return price;
});
extended.onerror = (event: ErrorEventWithDetails) => event.reason;

const shared = new SharedEventSource<{ price: `${number}` }>('https://example.com/');
shared.addEventListener('price', (event) => {
  const price: `${number}` = event.data;
  return price;
});

export = { source, extended, shared };

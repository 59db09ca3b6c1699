// Compiled by test/types.test.ts, never run: what a TypeScript user of 'whatwg-eventsource/shared' writes. Each
// `@ts-expect-error` below must be an error.
import { SharedEventSource, type SharedEventSourceInit } from 'whatwg-eventsource/shared';
import { ExtendedEventSource } from 'whatwg-eventsource/extended';

type Events = { price: `${number}`; status: 'up' | 'down' };

const init: SharedEventSourceInit = { withCredentials: true, name: 'prices', headers: () => ({ Authorization: 'x' }), backoff: true };
const source = new SharedEventSource<Events>('https://example.com/stream', init);
const typed: SharedEventSource<Events> = source;
// A SharedEventSource is an extended one.
const extended: ExtendedEventSource<Events> = source;
const Extended: typeof ExtendedEventSource = SharedEventSource;

source.addEventListener('price', function (event) {
  const price: `${number}` = event.data;
  return [price, this === typed, event.lastEventId, event.origin];
});
source.addEventListener('status', (event) => {
  // @ts-expect-error: a status is 'up' or 'down'
  const sideways: 'sideways' = event.data;
  return sideways;
});
source.addEventListener('open', (event) => [event.status, event.contentType]);
source.addEventListener('error', (event) => [event.reason, event.willReconnect, event.status]);
source.onmessage = (event) => event.data.toUpperCase();
const state: 0 | 1 | 2 = source.readyState;
const id: string = source.lastEventId;
// @ts-expect-error: the name is a string
new SharedEventSource('/s', { name: 5 });
// @ts-expect-error: an option the extended class does not have
new SharedEventSource('/s', { retries: 5 });

async function read(): Promise<void> {
  for await (const event of source) {
    const data: `${number}` | 'up' | 'down' | string = event.data;
    console.log(event.type, data, state, id, SharedEventSource.CLOSED);
  }
}

export { read, extended, Extended };

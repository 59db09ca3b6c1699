// Compiled by test/shared/types.test.ts (tsc, strict, our .d.ts checked too), never run: what a TypeScript user
// of 'whatwg-eventsource/shared' writes. Each @ts-expect-error must be an error.
import { SharedEventSource, type SharedEventSourceInit } from '../../../dist/shared-event-source.js';

type Events = { price: `${number}`; status: 'up' | 'down' };

const init: SharedEventSourceInit = { withCredentials: true, name: 'prices', headers: () => ({ Authorization: 'x' }), backoff: true };
const source = new SharedEventSource<Events>('https://example.com/stream', init);
source.addEventListener('price', (event) => {
  const price: `${number}` = event.data;
  return [price, event.lastEventId, event.origin];
});
source.addEventListener('status', (event) => {
  // @ts-expect-error: a status is 'up' or 'down'
  const sideways: 'sideways' = event.data;
  return sideways;
});
source.addEventListener('error', (event) => [event.reason, event.willReconnect, event.status]);
source.onmessage = (event) => event.data.toUpperCase();
const state: 0 | 1 | 2 = source.readyState;
const id: string = source.lastEventId;
// @ts-expect-error: the name is a string
new SharedEventSource('/s', { name: 5 });
async function read(): Promise<void> {
  for await (const event of source) console.log(event.type, event.data, state, id, SharedEventSource.CLOSED);
}
void read;
// (Assignability to the DOM lib's EventSource comes with the extended class's types of issue #12: add
// `const plain: EventSource = new SharedEventSource('/s');` here when they land.)

// Compiled by test/types.test.ts, never run: what a TypeScript user of 'whatwg-eventsource' writes. Each `@ts-expect-error`
// below must be an error.
import { EventSource, createParser, type EventSourceInit, type MessageEventOf } from 'whatwg-eventsource';

const init: EventSourceInit = { withCredentials: true, reconnectionTime: 5000 };
const source = new EventSource('https://example.com/updates', init);

// Listeners get a MessageEvent for message and custom types, an Event for open and error, as with the DOM's.
source.addEventListener('price', (event) => {
  const data: string = event.data;
  return [data, event.lastEventId, event.origin];
});
source.addEventListener('message', function (event) {
  const self: EventSource = this;
  return [self, event.data];
});
source.addEventListener('open', (event) => {
  // @ts-expect-error: an open event has no data
  return event.data;
});
source.addEventListener('error', (event: Event) => event.type);
source.addEventListener('price', (event: Event) => event.type);
source.addEventListener('price', { handleEvent: (event) => event.data });
source.removeEventListener('price', (event) => event.data);
source.onmessage = (event) => {
  const data: string = event.data;
  return data;
};
source.onopen = (event) => event.type;
source.onerror = () => (source.readyState === EventSource.CLOSED ? 'failed' : 'reconnecting');
const state: 0 | 1 | 2 = source.readyState;
const message: MessageEventOf = undefined as unknown as MessageEventOf;
// @ts-expect-error: the plain class has no lastEventId
source.lastEventId;
// @ts-expect-error: nor other options
new EventSource('https://example.com/', { maxRetries: 0 });
// @ts-expect-error: read-only
source.url = 'x';
const parser = createParser({ onEvent: (m) => m.data });
parser.feed('data: x\n\n');
source.close();

export { message, state };

source.onmessage = function (event) {
  const self: EventSource = this;
  return [self.url, event.data];
};

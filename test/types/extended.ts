// Compiled by test/types.test.ts, never run: what a TypeScript user of 'whatwg-eventsource/extended' writes. Each `@ts-expect-error`
// below must be an error.
import { EventSource, type ErrorEventWithDetails, type ExtendedEventSource, type ExtendedEventSourceInit } from 'whatwg-eventsource/extended';
import { EventSource as Ponyfill } from 'whatwg-eventsource';

type Events = { price: `${number}`; status: 'up' | 'down' };

const init: ExtendedEventSourceInit = {
  headers: async () => ({ Authorization: 'Bearer x' }),
  method: 'POST',
  body: JSON.stringify({ prompt: 'hi' }),
  lastEventIdIn: 'query',
  backoff: { max: 60000 },
  reconnectOnStatus: [429, 503],
  signal: new AbortController().signal,
};
const source = new EventSource<Events>('https://example.com/stream', init);
const typed: ExtendedEventSource<Events> = source;

source.addEventListener('price', function (event) {
  const price: `${number}` = event.data;
  const self: ExtendedEventSource<Events> = this;
  return [price, self === typed, event.lastEventId, event.origin];
});
source.addEventListener('status', (event) => {
  // @ts-expect-error: a status is 'up' or 'down'
  const sideways: 'sideways' = event.data;
  return sideways;
});
source.addEventListener('error', (event) => {
  const details: [boolean, number | undefined, string | undefined, unknown] = [event.willReconnect, event.status, event.body, event.error];
  const reason: 'end' | 'network' | 'response' | 'timeout' | 'headers' | 'size' | 'resume' = event.reason;
  return [details, reason];
});
source.addEventListener('open', (event) => [event.status, event.statusText, event.contentType]);
source.addEventListener('anything', (event: Event) => event.type);
source.addEventListener('anything', (event) => {
  const data: string = event.data;
  return data;
});
source.onmessage = (event) => {
  const data: string = event.data;
  return data;
};
source.onerror = (event: ErrorEventWithDetails) => event.reconnectDelay;
const id: string = source.lastEventId;
// @ts-expect-error: read-only
source.lastEventId = id;
// @ts-expect-error: not a place for the last event ID
new EventSource('https://example.com/', { lastEventIdIn: 'cookie' });
// @ts-expect-error: event maps map types to strings (data is text)
new EventSource<{ price: number }>('https://example.com/');

async function read(): Promise<string[]> {
  const seen: string[] = [];
  for await (const event of source) {
    const type: string = event.type;
    const data: `${number}` | 'up' | 'down' | string = event.data;
    // @ts-expect-error: data is text
    const number: number = event.data;
    seen.push(type + data + number);
  }
  return seen;
}

// No map: plain strings. An instance is an instance of the plain class too.
const plain = new EventSource('https://example.com/');
plain.addEventListener('message', (event) => {
  const data: string = event.data;
  return data;
});
const same: InstanceType<typeof Ponyfill> = plain;

export { read, same };

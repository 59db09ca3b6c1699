// The ponyfill without src/extended.ts loaded: the request options of the extensions are refused with a TypeError
// that names the import (ignored, they would make another request than the caller meant); the others, like any
// dictionary member the interface does not know, are ignored as WebIDL says.
import { expect, it } from 'vitest';
import { EventSource } from '../../src/index';

it('headers, method or body without the extensions: a TypeError naming the import', () => {
  for (const init of [{ headers: { Authorization: 'x' } }, { headers: () => ({}) }, { method: 'POST' }, { body: 'x' }]) {
    expect(() => new EventSource('http://example.test/', init as never)).toThrow(
      "EventSource: headers, method, body need whatwg-eventsource/extended",
    );
  }
});

it('other options are ignored, and the instance has no lastEventId', () => {
  const fetch = () => new Promise<Response>(() => {});
  const es = new EventSource('http://example.test/', { fetch, lastEventId: '5', maxRetries: 0 } as never);
  expect('lastEventId' in es).toBe(false);
  es.close();
});

// An EventSource that sends an Authorization header, in Node. A browser's EventSource cannot send headers; this
// one takes a `fetch` option, called for the first request and for every reconnection, so it can also fetch a
// fresh token each time.
//
//   node examples/node-auth.mjs                  starts the demo server in-process and reads its /sse/private
//   node examples/node-auth.mjs <url> [token]    any server (the token may also come from $TOKEN); Ctrl-C stops
import { EventSource } from '../dist/index.js';

/** A fetch for the EventSource that adds `Authorization: Bearer <token>` to each request. */
function withBearerToken(getToken) {
  return (input, init) => {
    // init.headers holds the EventSource's own headers (Accept, and Last-Event-ID on reconnection): keep them.
    const headers = new Headers(init.headers);
    headers.set('Authorization', 'Bearer ' + getToken());
    return fetch(input, { ...init, headers });
  };
}

/** Prints what a source does; resolves when it has closed, by itself (a failure) or after `limit` messages. */
function follow(label, url, options, limit = Infinity) {
  return new Promise((resolve) => {
    const source = new EventSource(url, options);
    let received = 0;
    const print = (text) => console.log(label + ': ' + text);
    const done = () => {
      process.off('SIGINT', done);
      source.close();
      resolve(received);
    };
    source.onopen = () => print('open');
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        // A 401 (or any status but 200) fails the connection for good: EventSource does not retry it.
        print('error, readyState CLOSED: refused, and not retried');
        done();
      } else {
        print('error, readyState CONNECTING: reconnecting');
      }
    };
    const show = (event) => {
      print(event.type + (event.lastEventId ? ' #' + event.lastEventId : '') + ': ' + event.data);
      if (++received >= limit) done();
    };
    source.addEventListener('welcome', show);
    source.addEventListener('message', show);
    process.once('SIGINT', done);
  });
}

const [url, token = process.env.TOKEN] = process.argv.slice(2);

if (url) {
  if (!token) console.error('no token given (second argument or $TOKEN): connecting without one');
  await follow('private', url, token ? { fetch: withBearerToken(() => token) } : undefined);
} else {
  const { startDemoServer, DEMO_TOKEN } = await import('./demo/server.mjs');
  const demo = await startDemoServer({ port: 0 });
  const privateUrl = demo.url('/sse/private?interval=200');
  console.log('demo server at ' + demo.origin + ', reading ' + privateUrl);
  await follow('without a token', privateUrl);
  const received = await follow('with a token', privateUrl, { fetch: withBearerToken(() => DEMO_TOKEN) }, 3);
  console.log('closed after ' + received + ' events');
  await demo.close();
}

// The parser on its own: a sample event stream, cut into awkward chunks, parsed and printed.
// Run with `npm start`.
import { createParser } from '../dist/index.js';

const stream = [
  ': a comment, ignored by everyone but onComment\n',
  'retry: 5000\n',
  'event: greeting\nid: 1\ndata: hello\n\n',
  'data: a message\ndata: on two lines\n\n',
  'id: 日本\r\ndata: CRLF line endings and a non-ASCII id\r\n\r\n',
  'data: this event never ends, so it is discarded',
].join('');

const parser = createParser({
  onEvent: (message) => console.log('event  ', JSON.stringify(message)),
  onId: (id) => console.log('id     ', JSON.stringify(id)),
  onRetry: (ms) => console.log('retry  ', ms, 'ms'),
  onComment: (text) => console.log('comment', JSON.stringify(text)),
});

// Feed UTF-8 bytes seven at a time: chunk boundaries fall inside lines, CRLF pairs and multi-byte characters.
const bytes = new TextEncoder().encode(stream);
for (let i = 0; i < bytes.length; i += 7) parser.feed(bytes.subarray(i, i + 7));
parser.end();

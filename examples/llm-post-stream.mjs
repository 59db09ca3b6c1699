// A streamed chat completion: a POST whose response is an event stream of `data: {json}` events ending with
// `data: [DONE]`, the format of OpenAI-compatible APIs. EventSource can only GET, so this reads the response body
// with fetch and feeds it to this package's parser, which does the event-stream part (UTF-8 split across chunks,
// CR/LF, multi-line data, comments) exactly as an EventSource would.
//
//   node examples/llm-post-stream.mjs ["prompt"]          against a mock server started in-process
//   node examples/llm-post-stream.mjs <url> ["prompt"]    against an OpenAI-compatible .../chat/completions URL,
//                                                         with $API_KEY and $MODEL
import { realpathSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createParser } from '../dist/index.js';

/**
 * POSTs the request and calls onDelta(text) for each piece of the answer as it arrives.
 * Resolves to { text, finishReason, events } once the stream says [DONE] or ends.
 */
export async function streamChatCompletion(url, request, { apiKey, onDelta, signal } = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'text/event-stream',
      ...(apiKey ? { Authorization: 'Bearer ' + apiKey } : {}),
    },
    body: JSON.stringify({ ...request, stream: true }),
    signal,
  });
  if (!response.ok || !response.body) {
    throw new Error('HTTP ' + response.status + ' ' + response.statusText + ': ' + (await response.text()).slice(0, 500));
  }

  const result = { text: '', finishReason: null, events: 0 };
  let finished = false;
  let failure = null;
  const parser = createParser({
    onEvent(message) {
      result.events++;
      if (message.data === '[DONE]') {
        finished = true;
        return;
      }
      let chunk;
      try {
        chunk = JSON.parse(message.data);
      } catch {
        return; // not JSON: not a completion chunk
      }
      // Some APIs report a failure in the middle of the stream, as an `error` event or an `error` member.
      if (message.type === 'error' || chunk.error) {
        failure = new Error('the API reported an error: ' + JSON.stringify(chunk.error || chunk));
        return;
      }
      const choice = chunk.choices && chunk.choices[0];
      if (!choice) return;
      const delta = choice.delta && choice.delta.content;
      if (delta) {
        result.text += delta;
        if (onDelta) onDelta(delta);
      }
      if (choice.finish_reason) result.finishReason = choice.finish_reason;
    },
  });

  // (With a TransformStream of events, this loop is `for await (const message of body.pipeThrough(...))`; the
  // callback parser above works on every runtime with fetch.)
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.feed(value);
    if (finished || failure) {
      // Stop reading, but never wait for the cancellation.
      reader.cancel().catch(() => {});
      break;
    }
  }
  parser.end();
  if (failure) throw failure;
  return result;
}

// ---- the mock: an in-process server that streams an answer the way a chat completion API does ----------------

export async function startMockServer() {
  const server = createServer((req, res) => {
    if (req.method !== 'POST') return void res.writeHead(405, { Allow: 'POST' }).end();
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      let request;
      try {
        request = JSON.parse(body);
      } catch {
        return void res.writeHead(400, { 'Content-Type': 'application/json' }).end('{"error":"the body is not JSON"}');
      }
      const prompt = (request.messages || []).map((m) => m.content).pop() || '';
      const answer =
        'You asked: "' + prompt + '". This answer is streamed as one event per word, and the bytes are cut at ' +
        'odd places on purpose (even inside "naïve", "—" and "日本語"): the parser puts them back together.';
      const words = answer.match(/\S+\s*/g);
      const events = [': a comment, as some APIs send to keep the connection alive\n\n'];
      words.forEach((word, i) => {
        const choice = { index: 0, delta: i === 0 ? { role: 'assistant', content: word } : { content: word }, finish_reason: null };
        events.push('data: ' + JSON.stringify({ id: 'mock-1', object: 'chat.completion.chunk', model: request.model, choices: [choice] }) + '\n\n');
      });
      events.push('data: ' + JSON.stringify({ id: 'mock-1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] }) + '\n\n');
      events.push('data: [DONE]\n\n');

      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
      // Write the bytes in pieces of 1 to 40 bytes, a few milliseconds apart: like a network, not like lines.
      const bytes = Buffer.from(events.join(''), 'utf8');
      let offset = 0;
      let step = 0;
      const next = () => {
        if (res.destroyed) return;
        if (offset >= bytes.length) return void res.end();
        const size = 1 + ((step++ * 17) % 40);
        res.write(bytes.subarray(offset, offset + size));
        offset += size;
        setTimeout(next, 3);
      };
      next();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: 'http://127.0.0.1:' + server.address().port + '/v1/chat/completions',
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        if (server.closeAllConnections) server.closeAllConnections();
      }),
  };
}

// ---- run -------------------------------------------------------------------------------------------------------

async function main() {
  const args = process.argv.slice(2);
  const url = args[0] && /^https?:\/\//.test(args[0]) ? args.shift() : null;
  const prompt = args.join(' ') || 'What is an event stream?';
  const mock = url ? null : await startMockServer();
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());

  console.log((mock ? 'mock server ' + mock.url : url) + '\n> ' + prompt + '\n');
  try {
    const result = await streamChatCompletion(
      url || mock.url,
      { model: process.env.MODEL || 'mock-model', messages: [{ role: 'user', content: prompt }] },
      { apiKey: process.env.API_KEY, onDelta: (text) => process.stdout.write(text), signal: controller.signal },
    );
    console.log('\n\n[' + result.events + ' events, finish_reason: ' + result.finishReason + ']');
  } catch (error) {
    if (controller.signal.aborted) console.log('\n[stopped]');
    else {
      const cause = error && error.cause ? ' (' + (error.cause.code || error.cause.message) + ')' : '';
      console.error('\n' + (error && error.message ? error.message : error) + cause);
      process.exitCode = 1;
    }
  } finally {
    if (mock) await mock.close();
  }
}

// Run when started as a script; imported (by a test, say), it only exports.
if (process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url))) main();

// The types of 'whatwg-eventsource/shared' (dist/shared-event-source.d.ts), as a TypeScript user compiles them
// (test/shared/types/consumer.ts).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

it('a consumer of SharedEventSource compiles (typed events, error details, options, for await), each @ts-expect-error an error', () => {
  const args = ['--noEmit', '--strict', '--skipLibCheck', 'false', '--target', 'ES2020', '--lib', 'ES2020,DOM,DOM.Iterable', '--module', 'ESNext',
    '--moduleResolution', 'Bundler', '--types', 'node', join(__dirname, 'types', 'consumer.ts')];
  let output = '';
  try {
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), ...args], { cwd: root, encoding: 'utf8' });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout);
  }
  expect(output).toBe('');
}, 120000);

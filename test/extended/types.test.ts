// The types of 'whatwg-eventsource/extended' (dist/extended.d.ts), as a TypeScript user compiles them: typed
// listeners and data from an event map, error details, options, and `for await` (test/extended/types/consumer.ts).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

it('a consumer that uses every typed feature compiles, and each @ts-expect-error is an error', () => {
  const args = ['--noEmit', '--strict', '--skipLibCheck', 'false', '--target', 'ES2020', '--lib', 'ES2020,DOM,DOM.Iterable', '--module', 'ESNext',
    '--moduleResolution', 'Bundler', '--types', 'node', join(__dirname, 'types', 'consumer.ts'),
    // tsc keeps what it checked (the hash of every file, and the errors) and checks again only what changed: 9 s to 2.
    '--incremental', '--tsBuildInfoFile', join(root, 'node_modules', '.cache', 'whatwg-eventsource', 'types.tsbuildinfo')];
  let output = '';
  try {
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), ...args], { cwd: root, encoding: 'utf8' });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout);
  }
  expect(output).toBe('');
}, 120000);

// The declaration files as TypeScript users compile them (src/types.ts, src/extended/types.ts, the shared entry's):
// small consumer projects under node16, nodenext and bundler resolution, strict, with and without the DOM library
// (`--lib es2022 --types node`), importing the package by its name, plus the README's TypeScript-able snippets
// verbatim. One `tsc -b` compiles them all (test/types/*: the consumers; each @ts-expect-error must be an error).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const root = join(__dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'whatwg-eventsource-types-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// What the README's snippets use without defining it.
const PRELUDE =
  'declare const url: string;\ndeclare function getFreshToken(): Promise<string>;\ndeclare const response: { body: ReadableStream<Uint8Array> };\n';

/** The README's js and ts code blocks that import from the package, with the ones that follow them (which use
 *  their `source`) appended, as one module each. */
function readmeSnippets(readme: string): string[] {
  const blocks = [...readme.matchAll(/```(js|ts)\n([\s\S]*?)```/g)].map((match) => match[2]);
  const modules: string[] = [];
  for (const block of blocks) {
    if (/from 'whatwg-eventsource(\/extended|\/shared)?'/.test(block)) modules.push(block);
    else if (modules.length && /\bsource\./.test(block) && !/const source/.test(block)) modules[modules.length - 1] += '\n' + block;
    else if (/new EventSource</.test(block)) modules.push("import { EventSource } from 'whatwg-eventsource/extended';\n" + block);
  }
  return modules;
}

it('every entry\'s declarations compile in strict consumers: node16, nodenext, bundler; with and without the DOM library', () => {
  const sources = join(dir, 'src');
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  mkdirSync(sources);
  symlinkSync(root, join(dir, 'node_modules', 'whatwg-eventsource'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  for (const file of readdirSync(join(__dirname, 'types'))) writeFileSync(join(sources, file), readFileSync(join(__dirname, 'types', file)));
  const snippets = readmeSnippets(readFileSync(join(root, 'README.md'), 'utf8'));
  snippets.forEach((code, i) => writeFileSync(join(sources, 'readme-' + i + '.ts'), PRELUDE + code + '\nexport {};\n'));

  const references: Array<{ path: string }> = [];
  for (const [module, resolution] of [['node16', 'node16'], ['nodenext', 'nodenext'], ['esnext', 'bundler']]) {
    for (const dom of [true, false]) {
      const name = resolution + (dom ? '-dom' : '-node');
      const files = readdirSync(sources).filter((file) => (dom || file !== 'dom.ts') && (resolution !== 'bundler' || !file.endsWith('.cts')));
      mkdirSync(join(dir, name));
      writeFileSync(
        join(dir, name, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            noEmit: true,
            strict: true,
            skipLibCheck: false,
            target: 'es2022',
            module,
            moduleResolution: resolution,
            lib: dom ? ['es2022', 'dom', 'dom.iterable'] : ['es2022'],
            types: dom ? [] : ['node'],
            typeRoots: [join(root, 'node_modules', '@types')],
          },
          files: files.map((file) => '../src/' + file),
        }),
      );
      references.push({ path: name });
    }
  }
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ files: [], references }));
  let output = '';
  try {
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', join(dir, 'tsconfig.json')], { cwd: dir, encoding: 'utf8' });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout);
  }
  expect(snippets.length).toBeGreaterThanOrEqual(3);
  expect(output).toBe('');
  // (A hang guard only: alone it takes about 15 s; with the rest of npm test on two loaded cores it took 154 s.)
}, 900000);

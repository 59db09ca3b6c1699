// The declaration files as TypeScript users compile them (src/types.ts, src/extended/types.ts, the shared entry's):
// small consumer projects under node16, nodenext and bundler resolution, strict, with and without the DOM library
// (`--lib es2022 --types node`), importing the package by its name, plus the README's TypeScript-able snippets
// verbatim. One `tsc -b` compiles them all (test/types/*: the consumers; each @ts-expect-error must be an error).
//
// Cost: TypeScript's own lib files are not checked (skipDefaultLibCheck: the package declares no globals, so
// nothing of it can make an error appear in them), while @types/node and the package's declarations are
// (skipLibCheck stays false). The projects are incremental and live in one directory per checkout that outlives the
// run, written only where their text changed. tsc -b looks only at a project's own files to tell whether it is up
// to date, not at what they import, so every project also compiles inputs.ts, which holds a hash of what else the
// programs read: the package's declarations and package.json files, and package-lock.json (TypeScript, @types/node).
// When nothing has changed, tsc -b finds every project up to date (some 0.4 CPU-s instead of 13); when something
// has, it compiles again and checks what the changed files reach. Errors are kept in the build info, so a failing
// project fails again.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(__dirname, '..');
// Outside the repository, as a consumer's project would be (nothing of root/node_modules above it).
const dir = join(tmpdir(), 'whatwg-eventsource-types-' + createHash('sha256').update(root).digest('hex').slice(0, 12));

/** The files under `dir` (recursively) whose names end with `suffix`. */
function find(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? find(join(dir, entry.name), suffix) : entry.name.endsWith(suffix) ? [join(dir, entry.name)] : [],
  );
}

/** Writes `text` to `file` unless it holds it already (tsc -b goes by the files' times). */
function write(file: string, text: string | Buffer) {
  if (existsSync(file) && readFileSync(file).equals(Buffer.from(text))) return;
  writeFileSync(file, text);
}

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
  mkdirSync(sources, { recursive: true });
  if (!existsSync(join(dir, 'node_modules', 'whatwg-eventsource'))) symlinkSync(root, join(dir, 'node_modules', 'whatwg-eventsource'), 'dir');
  write(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  const wanted = new Map<string, string | Buffer>();
  for (const file of readdirSync(join(__dirname, 'types'))) wanted.set(file, readFileSync(join(__dirname, 'types', file)));
  const snippets = readmeSnippets(readFileSync(join(root, 'README.md'), 'utf8'));
  snippets.forEach((code, i) => wanted.set('readme-' + i + '.ts', PRELUDE + code + '\nexport {};\n'));
  const read = [
    ...[...find(join(root, 'dist'), '.d.ts'), ...find(join(root, 'dist'), '.d.cts')].sort(),
    ...['', 'polyfill', 'stream', 'extended', 'shared'].map((entry) => join(root, entry, 'package.json')).filter((file) => existsSync(file)),
    join(root, 'package-lock.json'),
  ];
  const hash = createHash('sha256');
  for (const file of read) hash.update(file + '\0').update(readFileSync(file)).update('\0');
  wanted.set('inputs.ts', '// A hash of the files these programs read besides the consumers (see test/types.test.ts).\nexport const inputs = ' + JSON.stringify(hash.digest('hex')) + ';\n');
  for (const file of readdirSync(sources)) if (!wanted.has(file)) rmSync(join(sources, file));
  for (const [file, text] of wanted) write(join(sources, file), text);

  const references: Array<{ path: string }> = [];
  for (const [module, resolution] of [['node16', 'node16'], ['nodenext', 'nodenext'], ['esnext', 'bundler']]) {
    for (const dom of [true, false]) {
      const name = resolution + (dom ? '-dom' : '-node');
      const files = [...wanted.keys()].sort().filter((file) => (dom || file !== 'dom.ts') && (resolution !== 'bundler' || !file.endsWith('.cts')));
      mkdirSync(join(dir, name), { recursive: true });
      write(
        join(dir, name, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            noEmit: true,
            incremental: true,
            strict: true,
            skipLibCheck: false,
            skipDefaultLibCheck: true,
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
  write(join(dir, 'tsconfig.json'), JSON.stringify({ files: [], references }));
  let output = '';
  try {
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', join(dir, 'tsconfig.json')], { cwd: dir, encoding: 'utf8' });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout);
  }
  expect(snippets.length).toBeGreaterThanOrEqual(3);
  expect(output).toBe('');
  // (A hang guard only: from nothing it takes about 9 CPU-s, 13 before skipDefaultLibCheck; with the rest of npm test
  // on two loaded cores a full check took 154 s.)
}, 900000);

import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

// DIST_DIR lets the dist test build into a scratch folder and compare it with the committed dist/.
const dir = process.env.DIST_DIR || 'dist';

// One ES5 codebase, feature-detected at run time, so every format is built from the same source.
// The seven builds below compile the same files with the same options (they differ only in which of them they
// bundle), so they share one TypeScript program instead of making one each: the plugin compiles and type-checks
// every file of src/ when the first build starts (a type error fails it, and so `rollup -c`), and each build then
// takes the emitted files. The plugin keeps its program between builds only in watch mode, so it is told it is in
// watch mode, and its program is closed when the last build has ended. (A fresh build: 12 CPU-s instead of 20.)
const compiler = typescript({ tsconfig: './tsconfig.json', include: ['src/**/*.ts'], noEmitOnError: true });
let open = 0;
const ts = () => {
  open++;
  return {
    ...compiler,
    buildStart(options) {
      const meta = { ...this.meta, watchMode: true };
      return compiler.buildStart.call(new Proxy(this, { get: (context, key) => (key === 'meta' ? meta : context[key]) }), options);
    },
    buildEnd(error) {
      if (--open === 0 || error) compiler.closeWatcher();
    },
    closeWatcher: undefined,
    watchChange: undefined,
  };
};

// Browsers' builds (the script tags and dist/browser/, which the "browser" export condition selects) leave out
// what only pays in Node: messages are plain MessageEvents (src/dom/message-plain.ts) and TextDecoder decodes in
// its own streaming mode (src/utf8-native-plain.ts). Node's builds keep the tuned modules.
const forBrowsers = () => ({
  name: 'for-browsers',
  resolveId: (source, importer) =>
    (source === './message' || source === './utf8-native') && importer && /[\\/]src[\\/]/.test(importer)
      ? new URL('src/' + (source === './message' ? 'dom/message' : 'utf8-native') + '-plain.ts', import.meta.url).pathname
      : null,
});

// ES5 output that old Safari also parses; the only minified files are the script tags'. A script tag is one closed
// bundle, so the names of properties that only its own objects carry can be shortened too (about 50 B gzip): the
// platform seams, the DOM bindings, the transports' handlers, the event handler slots, the instance's slots, the
// members of a Policy and the shim's stop flag. None of them is a name of anything the platform or a user reads;
// some are also names of DOM properties (EventTarget, createEvent, response), so terser's list of those is off.
// pure_getters (-17 B): no property read of the code has a side effect that the result's absence would lose (the
// reads that may throw, such as responseText in IE 9, are used). hoist_vars (one `var` per function) saves 26 B in
// the plain script tag and costs 31 B in the extended one, so only the plain one gets it.
const INTERNAL_PROPERTIES =
  /^(dom|EventTarget|parseURL|originOf|xhr|methods|createEvent|createMessageEvent|handlers|response|chunk|_stop|lastEventIdString|skipWait|transport|wait|dispatching)$/;
const minify = (compress) =>
  terser({
    ecma: 5,
    safari10: true,
    compress: { passes: 2, pure_getters: true, ...compress },
    mangle: { properties: { regex: INTERNAL_PROPERTIES, builtins: true } },
  });

// `whatwg-eventsource/shared` (src/shared.ts), built with the entries above so that it imports the extended class
// from dist/extended.js instead of carrying a copy. Its files are named shared-event-source.* because shared.js is
// the name of the chunk the entries have in common.
const sharedEntry = { 'shared-event-source': 'src/shared.ts' };

export default [
  // The ponyfill and the polyfill: the polyfill imports the ponyfill's code (the shared chunk), so the global and
  // the named export are one class.
  {
    input: { index: 'src/index.ts', polyfill: 'src/polyfill.ts', extended: 'src/extended/index.ts', ...sharedEntry },
    output: [
      { dir, format: 'es', entryFileNames: '[name].js', chunkFileNames: 'shared.js' },
      { dir, format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'shared.cjs' },
    ],
    plugins: [ts()],
  },
  // The same entries for browsers' bundlers (the "browser" export condition): ES modules, without the Node tuning.
  {
    input: { index: 'src/index.ts', polyfill: 'src/polyfill.ts', extended: 'src/extended/index.ts', ...sharedEntry },
    output: { dir: dir + '/browser', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'shared.js' },
    plugins: [forBrowsers(), ts()],
  },
  { input: 'src/stream.ts', output: { file: dir + '/browser/stream.js', format: 'es' }, plugins: [forBrowsers(), ts()] },
  // The stream parser for fetch users: self-contained, so that it costs only the parser.
  {
    input: 'src/stream.ts',
    output: [
      { file: dir + '/stream.js', format: 'es' },
      { file: dir + '/stream.cjs', format: 'cjs' },
    ],
    plugins: [ts()],
  },
  // The script tag: everything in one ES5 file that installs itself.
  {
    input: 'src/iife.ts',
    output: [
      { file: dir + '/eventsource.iife.js', format: 'iife' },
      { file: dir + '/eventsource.iife.min.js', format: 'iife', plugins: [minify({ hoist_vars: true })] },
    ],
    plugins: [forBrowsers(), ts()],
  },
  // The script tag with the extended class (src/extended/).
  {
    input: 'src/extended-iife.ts',
    output: [
      { file: dir + '/eventsource.extended.iife.js', format: 'iife' },
      { file: dir + '/eventsource.extended.iife.min.js', format: 'iife', plugins: [minify()] },
    ],
    plugins: [forBrowsers(), ts()],
  },
  // The script tag with SharedEventSource (src/shared-iife.ts): the extended script tag and the shared class.
  {
    input: 'src/shared-iife.ts',
    output: [
      { file: dir + '/eventsource.shared.iife.js', format: 'iife' },
      { file: dir + '/eventsource.shared.iife.min.js', format: 'iife', plugins: [minify()] },
    ],
    plugins: [forBrowsers(), ts()],
  },
  ...['index', 'polyfill', 'stream', 'extended', 'shared'].map((name) => ({
    input: 'src/' + (name === 'extended' ? 'extended/index' : name) + '.ts',
    output: [
      { file: dir + '/' + (name === 'shared' ? 'shared-event-source' : name) + '.d.ts', format: 'es' },
      { file: dir + '/' + (name === 'shared' ? 'shared-event-source' : name) + '.d.cts', format: 'es' },
    ],
    plugins: [dts()],
  })),
];

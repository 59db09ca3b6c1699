import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

// DIST_DIR lets the dist test build into a scratch folder and compare it with the committed dist/.
const dir = process.env.DIST_DIR || 'dist';

// One ES5 codebase, feature-detected at run time, so every format is built from the same source.
const ts = () => typescript({ tsconfig: './tsconfig.json', include: ['src/**/*.ts'], noEmitOnError: true });

export default [
  {
    input: 'src/index.ts',
    output: [
      { file: dir + '/index.js', format: 'es' },
      { file: dir + '/index.cjs', format: 'cjs' },
    ],
    plugins: [ts()],
  },
  {
    input: 'src/index.ts',
    output: [
      { file: dir + '/index.d.ts', format: 'es' },
      { file: dir + '/index.d.cts', format: 'es' },
    ],
    plugins: [dts()],
  },
];

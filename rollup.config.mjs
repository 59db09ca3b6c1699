import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

// One ES5 codebase, feature-detected at run time, so every format is built from the same source.
const ts = () => typescript({ tsconfig: './tsconfig.json', include: ['src/**/*.ts'], noEmitOnError: true });

export default [
  {
    input: 'src/index.ts',
    output: [
      { file: 'dist/index.js', format: 'es' },
      { file: 'dist/index.cjs', format: 'cjs' },
    ],
    plugins: [ts()],
  },
  {
    input: 'src/index.ts',
    output: [
      { file: 'dist/index.d.ts', format: 'es' },
      { file: 'dist/index.d.cts', format: 'es' },
    ],
    plugins: [dts()],
  },
];

// Child processes for the example tests: every one is tracked, and killAll() (in afterEach) ends what a failed test
// left running, so no test leaves a process behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const root = join(__dirname, '..', '..');

const running = new Set<ChildProcess>();

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Started {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the output so far once `pattern` matches stdout (or stderr), rejects after `ms`. */
  waitFor(pattern: RegExp, ms?: number, stream?: 'stdout' | 'stderr'): Promise<RegExpExecArray>;
  /** Resolves when the process has exited; kills it with SIGKILL and rejects after `ms`. */
  exited(ms?: number): Promise<Finished>;
}

/** Starts `node <args>` in the repository root. */
export function start(args: string[], options: { env?: NodeJS.ProcessEnv } = {}): Started {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exit = new Promise<Finished>((resolve) =>
    child.on('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal, stdout, stderr });
    }),
  );
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    // The deadlines only stop a process that would otherwise hang (no test may depend on the machine's speed).
    waitFor(pattern, ms = 60000, stream = 'stdout') {
      return new Promise((resolve, reject) => {
        const source = stream === 'stdout' ? child.stdout! : child.stderr!;
        const check = () => {
          const match = pattern.exec(stream === 'stdout' ? stdout : stderr);
          if (!match) return false;
          clearTimeout(timer);
          source.off('data', check);
          // The data listener that collects the output may run after this one: read it on the next turn.
          setImmediate(() => resolve(match));
          return true;
        };
        const timer = setTimeout(() => {
          source.off('data', check);
          reject(new Error('no ' + pattern + ' after ' + ms + ' ms; stdout: ' + stdout + '\nstderr: ' + stderr));
        }, ms);
        if (!check()) source.on('data', check);
      });
    },
    exited(ms = 60000) {
      let timer: ReturnType<typeof setTimeout>;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error('still running after ' + ms + ' ms; stdout: ' + stdout + '\nstderr: ' + stderr));
        }, ms);
      });
      return Promise.race([exit, timeout]).finally(() => clearTimeout(timer));
    },
  };
}

/** Runs `node <args>` to its end (SIGKILL and a rejection after `ms`). */
export function run(args: string[], options: { env?: NodeJS.ProcessEnv; ms?: number } = {}): Promise<Finished> {
  return start(args, options).exited(options.ms);
}

/** Kills whatever is still running: for afterEach. */
export async function killAll(): Promise<void> {
  const left = [...running];
  for (const child of left) child.kill('SIGKILL');
  await Promise.all(left.map((child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('close', resolve)))));
}

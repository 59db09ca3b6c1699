// The election of the tab that holds a stream's connection: one exclusive Web Lock per stream, asked for in turn,
// or taken (`steal`) from a holder that does not answer. The browser gives the lock to the next tab in the queue as
// soon as the holder gives it back or its page goes away (closed, navigated, crashed).
import type { Sharing } from './hub';

export interface Election {
  /** Asks for the lock: in turn, or (steal) at once. A request made before is withdrawn. */
  request(steal?: boolean): void;
  /** Gives the lock back, or withdraws the request. */
  stop(): void;
}

function noop(): void {}

/**
 * `granted`: this tab holds the lock; `lost`: another tab took it (this one did not answer); `refused`: the browser
 * will not give locks here (an opaque origin, a sandboxed frame).
 */
export function createElection(locks: Sharing['locks'], name: string, granted: () => void, lost: () => void, refused: () => void): Election {
  let controller: AbortController | null = null;
  let release: (() => void) | null = null;
  let holding = false;
  // Bumped by stop() and by each request, so that a lock granted to an earlier one is given back at once.
  let generation = 0;

  function request(steal?: boolean): void {
    const mine = ++generation;
    if (controller) controller.abort();
    // (A steal cannot have a signal: it is granted at once.)
    controller = steal ? null : new AbortController();
    locks
      .request(name, steal ? ({ steal: true } as unknown as { signal: AbortSignal }) : { signal: controller!.signal }, function () {
        if (mine !== generation) return;
        holding = true;
        granted();
        return new Promise<void>(function (resolve) {
          release = resolve;
        });
      })
      .then(noop, function () {
        if (mine !== generation) return;
        if (!holding) return refused();
        holding = false;
        release = null;
        lost();
      });
  }

  return {
    request: request,
    stop: function () {
      generation++;
      if (controller) controller.abort();
      if (release) release();
      controller = release = null;
      holding = false;
    },
  };
}

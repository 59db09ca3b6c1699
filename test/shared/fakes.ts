// Fakes for the sharing tests in Node: a Web Locks manager (exclusive locks, granted in the order asked, `signal`
// and `steal` as the Web Locks API has them) for one process, standing for one browser profile.
type Callback = () => unknown;

interface Request {
  name: string;
  callback: Callback;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  /** Rejects a held lock's request when it is stolen. */
  held?: boolean;
}

function abortError(): Error {
  const error = new Error('aborted');
  error.name = 'AbortError';
  return error;
}

export function fakeLocks() {
  const queue: Request[] = [];
  const holders: { [name: string]: Request | undefined } = {};

  function grant(name: string): void {
    if (holders[name]) return;
    const index = queue.findIndex((r) => r.name === name);
    if (index < 0) return;
    const request = queue.splice(index, 1)[0];
    holders[name] = request;
    request.held = true;
    // Granted in a task of its own, as a browser does.
    setTimeout(() => {
      if (holders[name] !== request) return;
      Promise.resolve()
        .then(request.callback)
        .then(
          (value) => finish(request, () => request.resolve(value)),
          (error) => finish(request, () => request.reject(error)),
        );
    }, 0);
  }
  function finish(request: Request, settle: () => void): void {
    if (holders[request.name] === request) {
      holders[request.name] = undefined;
      settle();
      grant(request.name);
    }
  }

  return {
    holders,
    request(name: string, options: { signal?: AbortSignal; steal?: boolean }, callback: Callback): Promise<unknown> {
      return new Promise((resolve, reject) => {
        const request: Request = { name, callback, resolve, reject };
        if (options.steal) {
          const previous = holders[name];
          if (previous) {
            holders[name] = undefined;
            previous.reject(abortError());
          }
          queue.unshift(request);
          return grant(name);
        }
        if (options.signal) {
          if (options.signal.aborted) return reject(abortError());
          options.signal.addEventListener('abort', () => {
            const index = queue.indexOf(request);
            if (index >= 0) {
              queue.splice(index, 1);
              reject(abortError());
            }
          });
        }
        queue.push(request);
        grant(name);
      });
    },
  };
}

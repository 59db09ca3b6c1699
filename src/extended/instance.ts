// What the parts of the extended class share about one instance: a record kept beside the core's slots.
import { slots, type State } from '../event-source';
import type { Options } from './options';
import type { ErrorDetails, OpenDetails } from './types';

/** Why the request decorator ended a connection, which the core only sees as the end or the error of a body. */
export interface Cause {
  details: ErrorDetails;
  /** 'response': the least wait that `Retry-After` asked for, in ms. */
  retryAfter?: number;
  /** Fail the connection whatever the options say (headers that are not headers). */
  fail?: boolean;
  /** Reconnect at once, and not as a retry (reconnectOnResume). */
  now?: boolean;
}

/** The end of an async iteration: it is given each message event, then the end. */
export interface Sink {
  push(event: MessageEvent): void;
  end(): void;
}

export interface Instance {
  options: Options;
  state: State;
  /** Reconnections in a row since the last announced connection. */
  attempts: number;
  /** Set by the request decorator just before it ends a connection: the reason the core cannot know. */
  cause: Cause | null;
  /** The details of the `error` event the core is about to dispatch. */
  pending: ErrorDetails | null;
  /** The response of the connection about to be announced, for its `open` event. */
  opened: OpenDetails | null;
  /** The details of the failure that closed the source (not of a clean one-shot end). */
  failure: ErrorDetails | null;
  /** The async iterators reading the source. */
  sinks: Sink[];
  /** The current request's, for reconnectOnResume: replaces it. Null between requests. */
  resume: (() => void) | null;
  /** Responses and chunks received so far, on every connection (reconnectOnResume: did anything arrive?). */
  chunks: number;
  /** Closes the source (its close() method). */
  close(): void;
  /** Lets go of what the instance holds outside itself (signal and window listeners) and ends the iterations. */
  release(): void;
}

type ExtendedState = State & { extended?: Instance };

/** The record of an extended instance; undefined for a plain one. Throws on anything that is not an EventSource. */
export function instanceOf(source: unknown): Instance | undefined {
  return (slots(source) as ExtendedState).extended;
}

/** Makes the record of a new extended instance (or of a subclass's) and keeps it in the instance's slots. */
export function attach(state: State, options: Options, close: () => void, release: () => void): Instance {
  const instance: Instance = {
    options: options,
    state: state,
    attempts: 0,
    cause: null,
    pending: null,
    opened: null,
    failure: null,
    sinks: [],
    resume: null,
    chunks: 0,
    close: close,
    release: release,
  };
  (state as ExtendedState).extended = instance;
  return instance;
}

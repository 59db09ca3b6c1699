// The DOM pieces the event source is built from, taken from the platform where it can construct them all. Engines
// that cannot get the shims of dom/shim.ts instead, through platform.ts.
import { messageEventFactory } from './message';

export interface DomBindings {
  /** The base of EventSource.prototype, whose constructor makes instances; null: instances are plain objects. */
  EventTarget: typeof EventTarget | null;
  /** addEventListener, removeEventListener and dispatchEvent, called on instances. */
  methods: Pick<EventTarget, 'addEventListener' | 'removeEventListener' | 'dispatchEvent'>;
  createEvent(type: string): Event;
  createMessageEvent(type: string, data: string, origin: string, lastEventId: string): MessageEvent;
}

function constructible(Ctor: unknown, args: unknown[]): boolean {
  try {
    return typeof Ctor === 'function' && !!Reflect.construct(Ctor, args);
  } catch (error) {
    return false;
  }
}

/** The platform's own EventTarget, Event and MessageEvent, where all three can be constructed; else null. */
export function nativeDom(): DomBindings | null {
  if (
    typeof Reflect !== 'object' ||
    !constructible(typeof EventTarget !== 'undefined' && EventTarget, []) ||
    !constructible(typeof Event !== 'undefined' && Event, ['x']) ||
    !constructible(typeof MessageEvent !== 'undefined' && MessageEvent, ['x'])
  ) {
    return null;
  }
  return {
    EventTarget: EventTarget,
    methods: EventTarget.prototype,
    createEvent: function (type) {
      return new Event(type);
    },
    createMessageEvent: messageEventFactory(),
  };
}

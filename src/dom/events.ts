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

/** The platform's own EventTarget, Event and MessageEvent, where all three can be constructed; else null. */
export function nativeDom(): DomBindings | null {
  try {
    // Old engines have some of these as interface objects that cannot be constructed; the core needs Reflect too.
    new EventTarget();
    new Event('x');
    new MessageEvent('x');
    if (typeof Reflect != 'object') return null;
  } catch (error) {
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

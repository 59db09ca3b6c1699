// The DOM pieces the event source needs, taken from the platform. Engines without a constructible EventTarget,
// Event or MessageEvent get small shims instead (the legacy build); this module is the one seam for that choice.

export interface DomBindings {
  /** The base of EventSource.prototype, and the constructor that makes instances (null: plain objects). */
  EventTarget: typeof EventTarget;
  construct: ((prototypeOwner: Function) => EventTarget) | null;
  createEvent(type: string): Event;
  createMessageEvent(type: string, data: string, origin: string, lastEventId: string): MessageEvent;
}

function constructible(Ctor: unknown, args: unknown[]): boolean {
  try {
    return typeof Ctor === 'function' && !!Reflect.construct(Ctor as Function, args);
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
    construct: function (owner) {
      return Reflect.construct(EventTarget, [], owner);
    },
    createEvent: function (type) {
      return new Event(type);
    },
    createMessageEvent: function (type, data, origin, lastEventId) {
      return new MessageEvent(type, { data: data, origin: origin, lastEventId: lastEventId });
    },
  };
}

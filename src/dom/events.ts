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
    createMessageEvent: messageEventFactory(),
  };
}

// Node's MessageEvent constructor checks every member of its init dictionary (ports, source, ...) in JavaScript:
// 384 ns of the 475 ns that creating and dispatching one message cost, most of an EventSource's time per event.
// So a message is an Event made with Event's own constructor and a prototype that inherits MessageEvent.prototype
// and answers data, origin, lastEventId, source and ports itself: `instanceof MessageEvent` holds, `constructor`
// is MessageEvent, dispatchEvent takes it as the Event it is. Only calling MessageEvent.prototype's own getters on
// it, as a brand check, tells it apart.
const NO_PORTS: ReadonlyArray<never> = Object.freeze ? Object.freeze([]) : [];

function messageEventFactory(): DomBindings['createMessageEvent'] {
  if (typeof Symbol !== 'function') {
    return function (type, data, origin, lastEventId) {
      return new MessageEvent(type, { data: data, origin: origin, lastEventId: lastEventId });
    };
  }
  function Message(): void {}
  const prototype = (Message.prototype = Object.create(MessageEvent.prototype));
  // A symbol-keyed field: added as fast as any property, and invisible to keys, for-in and JSON.
  const FIELDS = Symbol() as unknown as '_m';
  function field(name: string, value: (event: { _m: MessageFields }) => unknown): void {
    Object.defineProperty(prototype, name, {
      get: function (this: { _m: MessageFields }) {
        return value(this);
      },
      enumerable: true,
      configurable: true,
    });
  }
  field('data', function (event) {
    return event[FIELDS].data;
  });
  field('origin', function (event) {
    return event[FIELDS].origin;
  });
  field('lastEventId', function (event) {
    return event[FIELDS].lastEventId;
  });
  field('source', function () {
    return null;
  });
  field('ports', function () {
    return NO_PORTS;
  });
  return function (type, data, origin, lastEventId) {
    const event = Reflect.construct(Event, [type], Message);
    event[FIELDS] = { data: data, origin: origin, lastEventId: lastEventId };
    return event;
  };
}

interface MessageFields {
  data: string;
  origin: string;
  lastEventId: string;
}

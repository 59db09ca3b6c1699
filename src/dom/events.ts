// The DOM pieces the event source is built from, taken from the platform where it can construct them all. Engines
// that cannot get the shims of dom/shim.ts instead, through platform.ts.

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

// Node's MessageEvent constructor checks every member of its init dictionary (ports, source, ...) in JavaScript:
// 384 ns of the 475 ns that creating and dispatching one message cost, most of an EventSource's time per event.
// So a message is an Event made with Event's own constructor and a prototype that inherits MessageEvent.prototype
// and answers data, origin, lastEventId, source and ports itself: `instanceof MessageEvent` holds, `constructor`
// is MessageEvent, dispatchEvent takes it as the Event it is. Only calling MessageEvent.prototype's own getters on
// it, as a brand check, tells it apart.
function messageEventFactory(): DomBindings['createMessageEvent'] {
  function Message(): void {}
  const prototype = (Message.prototype = Object.create(MessageEvent.prototype));
  // A symbol-keyed field, where there are symbols: added as fast as any property, invisible to keys and JSON.
  const FIELDS = (typeof Symbol === 'function' ? Symbol() : '__message') as unknown as '_m';
  const ports = Object.freeze([]);
  const names = ['data', 'origin', 'lastEventId', 'source', 'ports'];
  function field(i: number): void {
    Object.defineProperty(prototype, names[i], {
      get: function (this: { _m: unknown[] }) {
        return this[FIELDS][i];
      },
      enumerable: true,
      configurable: true,
    });
  }
  for (let i = 0; i < names.length; i++) field(i);
  return function (type, data, origin, lastEventId) {
    const event = Reflect.construct(Event, [type], Message);
    event[FIELDS] = [data, origin, lastEventId, null, ports];
    return event;
  };
}

// The smallest EventTarget, Event and MessageEvent for engines that cannot construct their own (IE 10/11, Safari
// before 14, legacy Edge). The listener rules follow https://dom.spec.whatwg.org/#interface-eventtarget: order of
// addition, one entry per (type, callback, capture), handleEvent objects, once, removal during a dispatch, and
// exceptions reported rather than thrown to the dispatcher.
import type { DomBindings } from './events';

/** [callback, capture, once, removed] */
type Listener = [EventListenerOrEventListenerObject, boolean, boolean, boolean?];

interface ShimEvent {
  type: string;
  target: unknown;
  currentTarget: unknown;
  eventPhase: number;
  defaultPrevented: boolean;
  _stop?: boolean;
}

// Listeners live in one non-enumerable property of the target, keyed by '$' + type, so that types named
// __proto__, constructor or toString are types like any other.
const LISTENERS = '__listeners';

function listenersOf(target: object, type: string): Listener[] {
  let all = (target as { [LISTENERS]?: { [key: string]: Listener[] } })[LISTENERS];
  if (!all) Object.defineProperty(target, LISTENERS, { value: (all = {}) });
  return all['$' + type] || (all['$' + type] = []);
}

/** The index of (callback, capture) in the list, or -1. `options` is a boolean (capture) or a dictionary. */
function find(list: Listener[], callback: unknown, options: unknown): number {
  const capture = !!(options && typeof options === 'object' ? (options as EventListenerOptions).capture : options);
  for (let i = 0; i < list.length; i++) if (list[i][0] === callback && list[i][1] === capture) return i;
  return capture ? -2 : -1;
}

// https://html.spec.whatwg.org/multipage/webappapis.html#report-the-exception: in a task of its own, where the page's
// error handlers see it, and never back into the dispatcher. A host without timers (a bare script engine) has no
// task to throw it in: its console gets it.
function reportException(error: unknown): void {
  if (typeof setTimeout == 'function') {
    setTimeout(function () {
      throw error;
    }, 0);
  } else if (typeof console == 'object') console.error(error);
}

/** The EventTarget methods, for an object whose prototype cannot be the platform's EventTarget.prototype. */
export const eventTargetMethods = {
  addEventListener: function (this: object, type: string, callback: unknown, options?: unknown): void {
    // https://dom.spec.whatwg.org/#add-an-event-listener: 2. If listener's callback is null, then return.
    if (callback == null) return;
    const list = listenersOf(this, type);
    const i = find(list, callback, options);
    // -1: not there, without capture; -2: not there, with capture.
    if (i < 0) list.push([callback as EventListener, i < -1, !!(options && (options as AddEventListenerOptions).once)]);
  },
  removeEventListener: function (this: object, type: string, callback: unknown, options?: unknown): void {
    const list = listenersOf(this, type);
    const i = find(list, callback, options);
    if (i >= 0) list.splice(i, 1)[0][3] = true;
  },
  dispatchEvent: function (this: object, event: ShimEvent): boolean {
    // Native events have read-only target and currentTarget; the shim's are plain objects.
    event.target = event.currentTarget = this;
    event.eventPhase = 2;
    // A copy: listeners added during the dispatch wait for the next one; removed ones are flagged and skipped.
    const listeners = listenersOf(this, event.type).slice();
    // https://dom.spec.whatwg.org/#concept-event-dispatch: at the target, the capture listeners are invoked first
    // (phase "capturing"), then the others ("bubbling"), as Firefox and WebKit do.
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < listeners.length && !event._stop; i++) {
        const listener = listeners[i];
        const callback = listener[0];
        if (listener[3] || listener[1] === !!pass) continue;
        if (listener[2]) eventTargetMethods.removeEventListener.call(this, event.type, callback, listener[1]);
        try {
          // https://dom.spec.whatwg.org/#concept-event-listener-inner-invoke: an object's handleEvent that is not
          // callable throws a TypeError, reported as any other.
          if (typeof callback === 'function') callback.call(this, event as unknown as Event);
          else callback.handleEvent(event as unknown as Event);
        } catch (error) {
          reportException(error);
        }
      }
    }
    event.currentTarget = null;
    event.eventPhase = 0;
    return !event.defaultPrevented;
  },
};

function ShimEventImpl(this: { [key: string]: unknown }, type: string): void {
  this.type = type;
  this.timeStamp = +new Date();
}
ShimEventImpl.prototype = {
  target: null,
  currentTarget: null,
  eventPhase: 0,
  bubbles: false,
  cancelable: false,
  defaultPrevented: false,
  isTrusted: false,
  // Events of an event source are not cancelable: preventDefault() changes nothing.
  preventDefault: function () {},
  stopPropagation: function () {},
  stopImmediatePropagation: function (this: ShimEvent) {
    this._stop = true;
  },
};

/** DOM bindings built on the shims: instances are plain objects whose prototype carries eventTargetMethods. */
export function shimDom(): DomBindings {
  function createEvent(type: string): Event {
    return new (ShimEventImpl as unknown as new (type: string) => Event)(type);
  }
  return {
    EventTarget: null,
    methods: eventTargetMethods as unknown as DomBindings['methods'],
    createEvent: createEvent,
    createMessageEvent: function (type, data, origin, lastEventId) {
      const event = createEvent(type) as unknown as { [key: string]: unknown };
      event.data = data;
      event.origin = origin;
      event.lastEventId = lastEventId;
      event.source = null;
      event.ports = [];
      return event as unknown as MessageEvent;
    },
  };
}

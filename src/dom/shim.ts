// The smallest EventTarget, Event and MessageEvent for engines that cannot construct their own (IE 10/11, Safari
// before 14, legacy Edge). The listener rules follow https://dom.spec.whatwg.org/#interface-eventtarget: order of
// addition, one entry per (type, callback, capture), handleEvent objects, once, removal during a dispatch, and
// exceptions reported rather than thrown to the dispatcher.
import type { DomBindings } from './events';

interface Listener {
  callback: EventListenerOrEventListenerObject;
  capture: boolean;
  once: boolean;
  removed?: boolean;
}

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

function listenersOf(target: object, type: string, create?: boolean): Listener[] | undefined {
  let all = (target as { [LISTENERS]?: { [key: string]: Listener[] } })[LISTENERS];
  if (!all) {
    if (!create) return undefined;
    Object.defineProperty(target, LISTENERS, { value: (all = {}) });
  }
  const key = '$' + type;
  return all[key] || (create ? (all[key] = []) : undefined);
}

function flags(options: unknown): [boolean, boolean] {
  if (options !== null && typeof options === 'object') {
    const o = options as AddEventListenerOptions;
    return [!!o.capture, !!o.once];
  }
  return [!!options, false];
}

function find(list: Listener[], callback: unknown, capture: boolean): number {
  for (let i = 0; i < list.length; i++) if (list[i].callback === callback && list[i].capture === capture) return i;
  return -1;
}

// https://html.spec.whatwg.org/multipage/webappapis.html#report-the-exception: in a task of its own, where the page's
// error handlers see it, and never back into the dispatcher.
export function reportException(error: unknown): void {
  setTimeout(function () {
    throw error;
  }, 0);
}

/** The EventTarget methods, for an object whose prototype cannot be the platform's EventTarget.prototype. */
export const eventTargetMethods = {
  addEventListener: function (this: object, type: string, callback: unknown, options?: unknown): void {
    // https://dom.spec.whatwg.org/#add-an-event-listener: 2. If listener's callback is null, then return.
    if (callback == null) return;
    const f = flags(options);
    const list = listenersOf(this, String(type), true)!;
    if (find(list, callback, f[0]) < 0) {
      list.push({ callback: callback as EventListenerOrEventListenerObject, capture: f[0], once: f[1] });
    }
  },
  removeEventListener: function (this: object, type: string, callback: unknown, options?: unknown): void {
    const list = listenersOf(this, String(type));
    const i = list ? find(list, callback, flags(options)[0]) : -1;
    if (i >= 0) list!.splice(i, 1)[0].removed = true;
  },
  dispatchEvent: function (this: object, event: ShimEvent): boolean {
    // Native events have read-only target and currentTarget; the shim's are plain objects.
    event.target = event.currentTarget = this;
    event.eventPhase = 2;
    const list = listenersOf(this, event.type);
    // A copy: listeners added during the dispatch wait for the next one; removed ones are flagged and skipped.
    const listeners = list ? list.slice() : [];
    for (let i = 0; i < listeners.length && !event._stop; i++) {
      const listener = listeners[i];
      if (listener.removed) continue;
      if (listener.once) eventTargetMethods.removeEventListener.call(this, event.type, listener.callback, listener.capture);
      try {
        const callback = listener.callback;
        if (typeof callback === 'function') callback.call(this, event as unknown as Event);
        else if (typeof callback.handleEvent === 'function') callback.handleEvent(event as unknown as Event);
      } catch (error) {
        reportException(error);
      }
    }
    event.currentTarget = null;
    event.eventPhase = 0;
    return !event.defaultPrevented;
  },
};

function ShimEventImpl(this: { [key: string]: unknown }, type: string): void {
  this.type = type;
  this.timeStamp = new Date().getTime();
}
ShimEventImpl.prototype = {
  target: null,
  currentTarget: null,
  srcElement: null,
  eventPhase: 0,
  bubbles: false,
  cancelable: false,
  composed: false,
  defaultPrevented: false,
  isTrusted: false,
  preventDefault: function (this: ShimEvent & { cancelable: boolean }) {
    if (this.cancelable) this.defaultPrevented = true;
  },
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

// src/dom/shim.ts: the EventTarget and Event shims for engines that cannot construct their own, against the DOM
// Standard's listener rules.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventTargetMethods, shimDom } from '../../src/dom/shim';

function target() {
  const t = Object.create(eventTargetMethods) as EventTarget;
  return t;
}
const dom = shimDom();

afterEach(() => {
  vi.useRealTimers();
});

describe('EventTarget shim (https://dom.spec.whatwg.org/#interface-eventtarget)', () => {
  it('calls listeners in the order they were added, with this, target and currentTarget set', () => {
    const t = target();
    const seen: unknown[] = [];
    t.addEventListener('x', function (this: unknown, e) {
      seen.push(['a', this === t, e.target === t, e.currentTarget === t, e.eventPhase]);
    });
    t.addEventListener('x', () => seen.push('b'));
    const event = dom.createEvent('x');
    expect(t.dispatchEvent(event)).toBe(true);
    expect(seen).toEqual([['a', true, true, true, 2], 'b']);
    expect(event.currentTarget).toBe(null);
    expect(event.eventPhase).toBe(0);
  });

  it('adds a (type, callback, capture) once; capture makes a different entry', () => {
    const t = target();
    let n = 0;
    const f = () => n++;
    t.addEventListener('x', f);
    t.addEventListener('x', f);
    t.addEventListener('x', f, { capture: false });
    t.addEventListener('x', f, true);
    t.dispatchEvent(dom.createEvent('x'));
    expect(n).toBe(2);
    t.removeEventListener('x', f, { capture: true });
    t.dispatchEvent(dom.createEvent('x'));
    expect(n).toBe(3);
  });

  // https://dom.spec.whatwg.org/#concept-event-dispatch: at the target, "capturing" listeners run before "bubbling"
  // ones, whatever the order of addition (Firefox and WebKit; Chromium 156 keeps the order of addition).
  it('calls the capture listeners first, then the others, each in order of addition', () => {
    const t = target();
    const seen: string[] = [];
    t.addEventListener('x', () => seen.push('a'));
    t.addEventListener('x', () => seen.push('capture b'), true);
    t.addEventListener('x', (e) => {
      seen.push('c');
      e.stopImmediatePropagation();
    });
    t.addEventListener('x', () => seen.push('capture d'), { capture: true });
    t.addEventListener('x', () => seen.push('e'));
    t.dispatchEvent(dom.createEvent('x'));
    expect(seen).toEqual(['capture b', 'capture d', 'a', 'c']);
  });

  it('ignores a null callback, and calls handleEvent on listener objects', () => {
    const t = target();
    t.addEventListener('x', null);
    const seen: string[] = [];
    const object = {
      handleEvent(this: unknown, e: Event) {
        seen.push(e.type + (this === object));
      },
    };
    t.addEventListener('x', object);
    t.dispatchEvent(dom.createEvent('x'));
    expect(seen).toEqual(['xtrue']);
  });

  it('once: the listener is removed before it is called', () => {
    const t = target();
    let n = 0;
    t.addEventListener('x', () => n++, { once: true });
    t.dispatchEvent(dom.createEvent('x'));
    t.dispatchEvent(dom.createEvent('x'));
    expect(n).toBe(1);
  });

  it('a listener removed during a dispatch is not called; one added waits for the next dispatch', () => {
    const t = target();
    const seen: string[] = [];
    const b = () => seen.push('b');
    const c = () => seen.push('c');
    t.addEventListener('x', () => {
      seen.push('a');
      t.removeEventListener('x', b);
      t.addEventListener('x', c);
    });
    t.addEventListener('x', b);
    t.dispatchEvent(dom.createEvent('x'));
    expect(seen).toEqual(['a']);
    t.dispatchEvent(dom.createEvent('x'));
    expect(seen).toEqual(['a', 'a', 'c']);
  });

  it('stopImmediatePropagation stops the listeners after it', () => {
    const t = target();
    const seen: string[] = [];
    t.addEventListener('x', (e) => {
      seen.push('a');
      e.stopImmediatePropagation();
    });
    t.addEventListener('x', () => seen.push('b'));
    t.dispatchEvent(dom.createEvent('x'));
    expect(seen).toEqual(['a']);
  });

  it('__proto__, constructor and toString are event types like any other', () => {
    const t = target();
    const seen: string[] = [];
    for (const type of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      t.addEventListener(type, (e) => seen.push(e.type));
      t.dispatchEvent(dom.createEvent(type));
    }
    expect(seen).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    expect(Object.keys(t)).toEqual([]);
  });

  it('a listener that throws is reported in a task of its own; the other listeners still run', () => {
    vi.useFakeTimers();
    const t = target();
    const seen: string[] = [];
    t.addEventListener('x', () => {
      throw new Error('boom');
    });
    t.addEventListener('x', () => seen.push('after'));
    expect(() => t.dispatchEvent(dom.createEvent('x'))).not.toThrow();
    expect(seen).toEqual(['after']);
    expect(() => vi.runAllTimers()).toThrow('boom');
  });

  it('a listener that throws in a host without setTimeout: reported on the console; the other listeners still run', () => {
    vi.stubGlobal('setTimeout', undefined);
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const t = target();
      const seen: string[] = [];
      const boom = new Error('boom');
      t.addEventListener('x', () => {
        throw boom;
      });
      t.addEventListener('x', () => seen.push('after'));
      expect(() => t.dispatchEvent(dom.createEvent('x'))).not.toThrow();
      expect(seen).toEqual(['after']);
      expect(consoleError).toHaveBeenCalledWith(boom);
    } finally {
      vi.unstubAllGlobals();
      consoleError.mockRestore();
    }
  });

  it('a listener object whose handleEvent is not callable: a TypeError, reported; the other listeners still run', () => {
    vi.useFakeTimers();
    const t = target();
    const seen: string[] = [];
    t.addEventListener('x', { handleEvent: 'nope' } as never);
    t.addEventListener('x', () => seen.push('after'));
    expect(() => t.dispatchEvent(dom.createEvent('x'))).not.toThrow();
    expect(seen).toEqual(['after']);
    expect(() => vi.runAllTimers()).toThrow(TypeError);
  });
});

describe('Event and MessageEvent shims', () => {
  it('a message carries data, origin, lastEventId, source null and no ports; it cannot be canceled', () => {
    const e = dom.createMessageEvent('message', 'd', 'http://a', '7') as MessageEvent;
    expect([e.type, e.data, e.origin, e.lastEventId, e.source, e.ports]).toEqual(['message', 'd', 'http://a', '7', null, []]);
    expect([e.bubbles, e.cancelable, e.isTrusted, e.defaultPrevented]).toEqual([false, false, false, false]);
    e.preventDefault();
    expect(e.defaultPrevented).toBe(false);
    expect(typeof e.timeStamp).toBe('number');
  });
});

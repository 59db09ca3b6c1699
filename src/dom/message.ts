// How messages are made from the platform's own Event and MessageEvent.
import type { DomBindings } from './events';

// Node's MessageEvent constructor checks every member of its init dictionary (ports, source, ...) in JavaScript:
// 384 ns of the 475 ns that creating and dispatching one message cost, most of an EventSource's time per event.
// So a message is an Event made with Event's own constructor and a prototype that inherits MessageEvent.prototype
// and answers data, origin, lastEventId, source and ports itself: `instanceof MessageEvent` holds, `constructor`
// is MessageEvent, dispatchEvent takes it as the Event it is. Only calling MessageEvent.prototype's own getters on
// it, as a brand check, tells it apart.
export function messageEventFactory(): DomBindings['createMessageEvent'] {
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

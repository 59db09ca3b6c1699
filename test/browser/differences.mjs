// The intended differences between an engine's native EventSource and the polyfill, as data for run.mjs, mirrored
// in test/browser/README.md. Each entry names one key of one scenario's observation, the polyfill modes it applies
// to, what each engine's native EventSource gives (`native`: the engines the entry applies to) and what the polyfill
// must give instead (`polyfill`). Both are checked exactly, so a change in an engine or in the polyfill shows up.
// `kind`:
//   engine       the engine departs from the spec; the polyfill follows the spec.
//   platform     the spec allows both, or a script cannot do what the browser does (fetch()/XHR limits).
//   environment  the mode itself removed the global the observation refers to.

const SPEC = 'https://html.spec.whatwg.org/multipage/server-sent-events.html';

export const POLYFILL_MODES = ['polyfill', 'legacy', 'shims', 'ie11', 'csp-polyfill', 'csp-legacy', 'extended', 'extended-legacy', 'shared'];
const XHR_MODES = ['legacy', 'shims', 'ie11', 'csp-legacy', 'extended-legacy'];
const NO_DOM_MODES = ['shims', 'ie11'];
const all = (value) => ({ chromium: value, firefox: value, webkit: value });
const message = (data, id) => ['message', 1, data, id, 'A'];

/** What a server that reads the header as UTF-8 gets from WebKitGTK for `id`: its UTF-8 bytes as Latin-1 text. */
const asLatin1 = (id) => String.fromCharCode.apply(null, new TextEncoder().encode(id));
const requests = (path, ids) => ids.map((id) => ['GET', path, id]);
const retryWait = (wait) => ({ log: [['open', 1], message('x', ''), ['error', 0], ['open', 1], message('x', '')], wait });

const FIELDS = 'format-fields: every field rule, comments, unknown fields, case, NUL in id and data, event type, id reset';
const ID_ROUND_TRIP = 'format-field-id and Last-Event-ID: round trips with non-ASCII ids, and an id reset';
const ID_BUFFER = 'last event ID buffer: it outlives a connection (an id sent, then no id in the new stream)';
const ID_WITH_EVENT = 'Last-Event-ID from ids that came with events: ASCII, Latin-1, beyond Latin-1, astral';
const ID_CORS = 'CORS and Last-Event-ID: a cross-origin reconnection with an id, and the preflight it needs';
const RETRY_BOGUS = 'format-field-retry-bogus: bogus retry values are ignored and the previous one stays';
const MIME = 'format-mime-valid-bogus: the Content-Type decides; parameters and case do not';
const EVENT_OBJECTS = 'event objects: MessageEvent attributes, target, phase, this, and the error and open Events';
const INTERFACE = 'interface: constants, prototype attributes, instanceof, toString tag, no own properties';

export const INTENDED_DIFFERENCES = [
  // (The last event ID buffer outlives a connection in every engine and in the polyfill alike: no entry.)
  // processResponse fails the connection "if res's `Content-Type` is not `text/event-stream`": the MIME type's
  // essence, and the stream is then decoded as UTF-8 whatever its charset parameter says ("Streams must be decoded
  // using the UTF-8 decode algorithm"). Chromium fails the connection on any charset other than UTF-8.
  ...['text/event-stream;charset=windows-1252', 'text/event-stream; charset=iso-8859-1'].map((key) => ({
    scenario: 'format-mime-valid-bogus: the Content-Type decides; parameters and case do not',
    key,
    kind: 'engine',
    ref: SPEC + '#dom-eventsource (step 15) and ' + SPEC + '#parsing-an-event-stream',
    native: { chromium: [['error', 2]] },
    polyfill: [['open', 1], message('ok \u00e9\u20ac', '')],
  })),
  // "If the field value consists of only ASCII digits, then interpret the field value as an integer in base ten,
  // and set the event stream's reconnection time to that integer. Otherwise, ignore the field." The polyfill
  // ignores an empty value (no digits to interpret); Chromium resets the reconnection time to its 3 s default.
  {
    scenario: 'format-field-retry-empty: an empty retry value is not all digits: ignored',
    key: 'wait',
    kind: 'engine',
    ref: SPEC + '#processField',
    native: { chromium: '2.5 s or more', webkit: '2.5 s or more' },
    polyfill: 'about 150 ms',
  },
  // A CORS failure is a network error: "if res is a network error, then reestablish the connection, unless the user
  // agent knows that to be futile, in which case the user agent may fail the connection". Chromium fails it. fetch()
  // and XHR report a CORS failure exactly like a network error, so the polyfill cannot know and reestablishes.
  ...['no allow-origin', 'wildcard with credentials'].map((key) => ({
    scenario: 'CORS failures: no Access-Control-Allow-Origin, and a wildcard with credentials',
    key,
    kind: 'platform',
    ref: SPEC + '#dom-eventsource (step 15, processResponse)',
    native: all({ log: [['error', 2]], readyState: 2 }),
    polyfill: { log: [['error', 0]], readyState: 0 },
  })),
  // Firefox takes a refused connection for futile and fails it, as the spec allows; the polyfill cannot tell a
  // refused connection from any other network error and reestablishes (as Chromium and WebKit do).
  {
    scenario: 'a refused connection reestablishes: error while CONNECTING, then still CONNECTING',
    key: 'log',
    kind: 'platform',
    ref: SPEC + '#dom-eventsource (step 15, processResponse: "unless the user agent knows that to be futile")',
    native: { firefox: [['error', 2]] },
    polyfill: [['error', 0]],
  },
  {
    scenario: 'a refused connection reestablishes: error while CONNECTING, then still CONNECTING',
    key: 'readyState',
    kind: 'platform',
    ref: SPEC + '#dom-eventsource (step 15, processResponse)',
    native: { firefox: 2 },
    polyfill: 0,
  },
  // Last-Event-ID is not a CORS-safelisted request-header. Requests made through fetch() and XHR carry the
  // unsafe-request flag, so a cross-origin one with Last-Event-ID is preflighted; EventSource's own are not. A
  // cross-origin server must answer OPTIONS with Access-Control-Allow-Headers: Last-Event-ID for the polyfill.
  {
    scenario: 'CORS and Last-Event-ID: a cross-origin reconnection with an id, and the preflight it needs',
    key: 'preflighted',
    kind: 'platform',
    ref: 'https://fetch.spec.whatwg.org/#unsafe-request-flag, https://fetch.spec.whatwg.org/#cors-safelisted-request-header',
    native: all(false),
    polyfill: true,
  },
  // The request's cache mode is "no-store" (step 11), for which fetch adds `Cache-Control: no-cache` and `Pragma:
  // no-cache`. XHR has no cache mode, and those headers set by hand would get every cross-origin request
  // preflighted (they are not CORS-safelisted).
  ...['cacheControl', 'pragma'].map((key) => ({
    scenario: 'request headers: Accept, cache headers, no Last-Event-ID on the first request, no Origin same-origin',
    key,
    modes: XHR_MODES,
    kind: 'platform',
    ref: SPEC + '#dom-eventsource (step 11), https://fetch.spec.whatwg.org/#http-network-or-cache-fetch',
    native: all('no-cache'),
    polyfill: undefined,
  })),
  // Events dispatched by script are untrusted: only the user agent sets isTrusted.
  {
    scenario: EVENT_OBJECTS,
    key: 'isTrusted',
    kind: 'platform',
    ref: 'https://dom.spec.whatwg.org/#dom-event-istrusted',
    native: all({ open: true, message: true, error: true }),
    polyfill: { open: false, message: false, error: false },
  },
  // The shims' events keep their attributes as own data properties; WebIDL puts attributes on the prototype as
  // accessors (only the [LegacyUnforgeable] isTrusted is an own property). A limitation of the ES5 shim.
  {
    scenario: EVENT_OBJECTS,
    key: 'messageOwnKeys',
    modes: NO_DOM_MODES,
    kind: 'platform',
    ref: 'https://webidl.spec.whatwg.org/#es-attributes',
    native: all(['isTrusted']),
    polyfill: ['type', 'timeStamp', 'data', 'origin', 'lastEventId', 'source', 'ports', 'currentTarget', 'target', 'eventPhase'],
  },
  // Modes without EventTarget, Event and MessageEvent constructors have nothing to be an instance of.
  {
    scenario: EVENT_OBJECTS,
    key: 'instanceOf',
    modes: NO_DOM_MODES,
    kind: 'environment',
    ref: 'the shims and ie11 modes delete EventTarget, Event and MessageEvent',
    native: all({ open: [true, false], message: [true, true], error: [true, false] }),
    polyfill: {
      open: ['no Event global', 'no MessageEvent global'],
      message: ['no Event global', 'no MessageEvent global'],
      error: ['no Event global', 'no MessageEvent global'],
    },
  },
  {
    scenario: INTERFACE,
    key: 'isEventTarget',
    modes: NO_DOM_MODES,
    kind: 'environment',
    ref: 'the shims and ie11 modes delete EventTarget',
    native: all(true),
    polyfill: 'no EventTarget global',
  },
  // Without Symbol there is no @@toStringTag, so Object.prototype.toString cannot say "EventSource".
  {
    scenario: INTERFACE,
    key: 'tag',
    modes: ['ie11'],
    kind: 'environment',
    ref: 'https://webidl.spec.whatwg.org/#es-interface-prototype-object (@@toStringTag), absent from ES5',
    native: all('[object EventSource]'),
    polyfill: '[object Object]',
  },

  // At the target, DOM dispatch invokes the capture listeners ("capturing") before the others ("bubbling"); Firefox
  // and WebKit do, and so do the shims. Chromium invokes them in the order they were added.
  {
    scenario: 'EventTarget: handleEvent objects, duplicates, once, capture flag, changes during a dispatch, stopImmediatePropagation',
    key: 'calls',
    modes: NO_DOM_MODES,
    kind: 'engine',
    ref: 'https://dom.spec.whatwg.org/#concept-event-dispatch (steps 5.13 and 5.14), https://dom.spec.whatwg.org/#concept-event-listener-inner-invoke',
    native: { chromium: ['handleEvent 1 true', 'once 1', 'capture 1', 'first 1', 'after stop 1', 'handleEvent 2 true', 'capture 2', 'first 2', 'stopped 2'] },
    polyfill: ['capture 1', 'handleEvent 1 true', 'once 1', 'first 1', 'after stop 1', 'capture 2', 'handleEvent 2 true', 'first 2', 'stopped 2'],
  },

  // --- Firefox and WebKit ---------------------------------------------------------------------------------------
  // "If the field name is "id": if the field value does not contain U+0000 NULL, then set the last event ID buffer";
  // dispatch "1. Set the last event ID string of the event source to the value of the last event ID buffer", before
  // step 2 returns for an empty data buffer. Firefox only takes an id from a block that dispatches an event.
  {
    scenario: FIELDS,
    key: 'idOnly',
    kind: 'engine',
    ref: SPEC + '#processField, ' + SPEC + '#dispatchMessage (step 1)',
    native: { firefox: [['open', 1], message('after-id', ''), ['error', 0]] },
    polyfill: [['open', 1], message('after-id', '7'), ['error', 0]],
  },
  // An id with NUL is ignored, the field only; Firefox drops the whole event.
  {
    scenario: FIELDS,
    key: 'nulInId',
    kind: 'engine',
    ref: SPEC + '#processField ("Otherwise, ignore the field")',
    native: { firefox: [['open', 1], message('before', '1'), message('after', '1'), ['error', 0]] },
    polyfill: [['open', 1], message('before', '1'), message('nul', '1'), message('after', '1'), ['error', 0]],
  },
  // Data is appended as it is; Firefox removes U+0000 from it.
  {
    scenario: FIELDS,
    key: 'nulInData',
    kind: 'engine',
    ref: SPEC + '#processField ("append the field value to the data buffer")',
    native: { firefox: [['open', 1], message('nulin data', ''), ['error', 0]] },
    polyfill: [['open', 1], message('nul\u0000in data', ''), ['error', 0]],
  },
  // An id in a block of its own at the end of a stream sets the last event ID buffer, which the next request sends.
  // Firefox ignores it (above); WebKit keeps it for the stream's own events but sends the id of the last event it
  // dispatched. So neither sends Last-Event-ID here at all.
  ...['firefox', 'webkit'].flatMap((engine) => [
    {
      scenario: ID_ROUND_TRIP,
      key: 'messages',
      kind: 'engine',
      ref: SPEC + '#processField, ' + SPEC + '#dispatchMessage (step 1), ' + SPEC + '#reestablish-the-connection',
      native: { [engine]: [1, 2, 3, 4, 5].map(() => message('none', '')) },
      polyfill: engine === 'webkit'
        ? [message('none', ''), message(asLatin1('\u20ac1'), '\u20ac1'), message(asLatin1('\u65e5\u672c'), '\u65e5\u672c'), message('none', ''), message('x', 'x')]
        : [message('none', ''), message('\u20ac1', '\u20ac1'), message('\u65e5\u672c', '\u65e5\u672c'), message('none', ''), message('x', 'x')],
    },
    {
      scenario: ID_ROUND_TRIP,
      key: 'requests',
      kind: 'engine',
      ref: SPEC + '#reestablish-the-connection',
      native: { [engine]: requests('/last-event-id', [null, null, null, null, null, null]) },
      polyfill: requests('/last-event-id', engine === 'webkit'
        ? [null, asLatin1('\u20ac1'), asLatin1('\u65e5\u672c'), null, 'x', 'x']
        : [null, '\u20ac1', '\u65e5\u672c', null, 'x', 'x']),
    },
    {
      scenario: ID_BUFFER,
      key: 'messages',
      kind: 'engine',
      ref: SPEC + '#processField, ' + SPEC + '#dispatchMessage (step 1)',
      native: { [engine]: [message('none', ''), message('none', ''), message('none', '')] },
      polyfill: [message('none', ''), message('a', 'a'), message('a', 'a')],
    },
    {
      scenario: ID_BUFFER,
      key: 'requests',
      kind: 'engine',
      ref: SPEC + '#reestablish-the-connection',
      native: { [engine]: requests('/last-event-id', [null, null, null, null]) },
      polyfill: requests('/last-event-id', [null, 'a', 'a', 'a']),
    },
  ]),
  // A data: URL is fetched like any other: Fetch's main fetch serves "data" URLs whatever the request's mode.
  // Firefox and WebKit fail the connection.
  {
    scenario: 'data: URLs: a stream from a data URL, with the opaque origin "null"',
    key: 'log',
    kind: 'engine',
    ref: SPEC + '#dom-eventsource, https://fetch.spec.whatwg.org/#main-fetch (step 12, "request\'s current URL\'s scheme is "data"")',
    native: { firefox: [['error', 2]], webkit: [['error', 2]] },
    polyfill: [['open', 1], ['message', 1, 'from data', '', 'null'], ['error', 0]],
  },

  // --- WebKit -----------------------------------------------------------------------------------------------------
  // "If the field value consists of only ASCII digits ... Otherwise, ignore the field." WebKit reads a value with
  // leading or trailing whitespace or a plus sign as a number.
  ...[
    ['retry:  20', 'under 140 ms'],
    ['retry: +5000', '2.5 s or more'],
    ['retry: 5000 ', '2.5 s or more'],
    ['retry: 5000\t', '2.5 s or more'],
  ].map(([key, wait]) => ({
    scenario: RETRY_BOGUS,
    key,
    kind: 'engine',
    ref: SPEC + '#processField',
    native: { webkit: retryWait(wait) },
    polyfill: retryWait('about 150 ms'),
  })),
  // Fetch's "extract a MIME type" takes the last valid type of a comma-separated Content-Type; WebKit takes the first.
  {
    scenario: MIME,
    key: 'text/html, text/event-stream',
    kind: 'engine',
    ref: 'https://fetch.spec.whatwg.org/#concept-header-extract-mime-type, ' + SPEC + '#dom-eventsource (step 15)',
    native: { webkit: [['error', 2]] },
    polyfill: [['open', 1], message('ok \u00e9\u20ac', '')],
  },
  {
    scenario: MIME,
    key: 'text/event-stream, text/html',
    kind: 'engine',
    ref: 'https://fetch.spec.whatwg.org/#concept-header-extract-mime-type, ' + SPEC + '#dom-eventsource (step 15)',
    native: { webkit: [['open', 1], message('ok \u00e9\u20ac', '')] },
    polyfill: [['error', 2]],
  },
  // The last event ID is sent "encoded as UTF-8". A script can only give fetch()/XHR a header value of characters up
  // to U+00FF (a ByteString: anything beyond throws a TypeError), so the polyfill passes the UTF-8 bytes as such
  // characters, which Chromium and Firefox send as they are. WebKitGTK encodes every header value as UTF-8 again:
  // `é1` arrives as C3 83 C2 A9 31. No string a script can pass gives the bytes of an id beyond U+00FF, and passing
  // Latin-1 ids raw would break them in the other engines, so this stays; ASCII ids are exact, and the extended
  // build's `lastEventIdIn: 'query'` carries any id exactly.
  {
    scenario: ID_WITH_EVENT,
    key: 'messages',
    kind: 'platform',
    ref: SPEC + '#reestablish-the-connection (step 5.2: Last-Event-ID "encoded as UTF-8"), https://webidl.spec.whatwg.org/#idl-ByteString',
    native: { webkit: [message('none', 'abc'), message('abc', '\u00e91'), message('\u00e91', '\u20ac1'), message('\u20ac1', '\ud83d\ude00'), message('\ud83d\ude00', '\ud83d\ude00')] },
    polyfill: [message('none', 'abc'), message('abc', '\u00e91'), message(asLatin1('\u00e91'), '\u20ac1'), message(asLatin1('\u20ac1'), '\ud83d\ude00'), message(asLatin1('\ud83d\ude00'), '\ud83d\ude00')],
  },
  {
    scenario: ID_WITH_EVENT,
    key: 'headers',
    kind: 'platform',
    ref: SPEC + '#reestablish-the-connection (step 5.2), https://webidl.spec.whatwg.org/#idl-ByteString',
    native: { webkit: [null, '616263', 'c3a931', 'e282ac31', 'f09f9880', 'f09f9880'] },
    polyfill: [null, '616263', 'c383c2a931', 'c3a2c282c2ac31', 'c3b0c29fc298c280', 'c3b0c29fc298c280'],
  },
  ...['log', 'gets'].map((key) => ({
    scenario: ID_CORS,
    key,
    kind: 'platform',
    ref: SPEC + '#reestablish-the-connection (step 5.2), https://webidl.spec.whatwg.org/#idl-ByteString',
    native: {
      webkit: key === 'log'
        ? [['open', 1], ['message', 1, 'none', '\u00e91', 'B'], ['error', 0], ['open', 1], ['message', 1, '\u00e91', '\u00e92', 'B'], ['error', 0], ['error', 2]]
        : [[null, 'A'], ['\u00e91', 'A'], ['\u00e92', 'A']],
    },
    polyfill: key === 'log'
      ? [['open', 1], ['message', 1, 'none', '\u00e91', 'B'], ['error', 0], ['open', 1], ['message', 1, asLatin1('\u00e91'), '\u00e92', 'B'], ['error', 0], ['error', 2]]
      : [[null, 'A'], [asLatin1('\u00e91'), 'A'], [asLatin1('\u00e92'), 'A']],
  })),
];

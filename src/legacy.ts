// The legacy add-on: what old engines lack, plugged into the ponyfill's seams. Imported by the polyfill entry and
// the script-tag build only, so that `import { EventSource }` stays small for modern runtimes. It changes no
// global; it completes the one EventSource class whichever order the modules were evaluated in.
import { EventSource } from './event-source';
import { eventTargetMethods, shimDom } from './dom/shim';
import { anchorOriginOf, anchorParseURL } from './dom/url';
import { platform } from './platform';
import { xhrTransport } from './transport/xhr';

platform.xhr = xhrTransport;

if (!platform.dom) {
  platform.dom = shimDom();
  // EventSource.prototype inherits no EventTarget.prototype here: it gets the shim's methods as its own.
  const prototype = EventSource.prototype as unknown as { [name: string]: unknown };
  // (An assignment makes a property writable, enumerable and configurable, as WebIDL's operations are.)
  for (const name in eventTargetMethods) prototype[name] = eventTargetMethods[name as keyof typeof eventTargetMethods];
}

try {
  new URL('http://a/');
} catch (error) {
  if (typeof document !== 'undefined') {
    platform.parseURL = anchorParseURL;
    platform.originOf = anchorOriginOf;
  }
}

// Whether the build can have subclasses of EventSource (the extended class): true in every build but the plain
// script tag (dist/eventsource.iife*.js), a closed bundle with no subclass, whose rollup config swaps this module
// for one that says false, so that the minifier drops the Policy seam (about 80 B gzip).
export const SUBCLASSES = true;

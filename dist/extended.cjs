'use strict';

var index = require('./shared.cjs');
var extended = require('./shared2.cjs');



exports.createParser = index.createParser;
exports.DEFAULT_MAX_EVENT_SIZE = extended.DEFAULT_MAX_EVENT_SIZE;
exports.ERROR_BODY_SIZE = extended.ERROR_BODY_SIZE;
exports.ERROR_BODY_WAIT = extended.ERROR_BODY_WAIT;
exports.EventSource = extended.EventSource;
exports.ExtendedEventSource = extended.ExtendedEventSource;

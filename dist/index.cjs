'use strict';

var index = require('./shared.cjs');



exports.EventSource = index.EventSource;
exports.createParser = index.createParser;

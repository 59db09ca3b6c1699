// The demo page: five event streams, read with SharedEventSource (one connection per stream for every tab of the
// page), the browser's own EventSource or the polyfill.
// Plain ES5 on purpose (no build step, and it runs where the polyfill is needed), so: var, function, no arrows.
(function () {
  'use strict';

  var bundle = window.WhatwgEventSource;
  var polyfill = bundle && bundle.EventSource;
  // The script-tag build installs window.EventSource only where it is missing: a different one is the browser's.
  var nativeEventSource = window.EventSource && window.EventSource !== polyfill ? window.EventSource : null;
  var forced = /[?&]polyfill=1(&|$)/.test(location.search);
  // SharedEventSource, where the browser has what sharing needs (Web Locks and BroadcastChannel: a secure context,
  // such as http://localhost). Without them it would work too, with a connection per tab: the demo says so instead.
  var shared = bundle && bundle.SharedEventSource;
  var canShare = !!(shared && window.navigator && navigator.locks && window.BroadcastChannel);
  var sharing = canShare && !forced && !/[?&]shared=0(&|$)/.test(location.search);
  var STATES = ['CONNECTING', 'OPEN', 'CLOSED'];
  var MAX_ITEMS = 200;

  function $(id) {
    return document.getElementById(id);
  }

  function text(id, value) {
    $(id).textContent = value;
  }

  function time(date) {
    var d = date || new Date();
    return pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
  }

  function pad(n) {
    return n < 10 ? '0' + n : String(n);
  }

  function megabytes(bytes) {
    return (bytes / 1048576).toFixed(1) + ' MB';
  }

  // Adds a line to a list, newest first, and keeps the list short.
  function prepend(list, parts) {
    var li = document.createElement('li');
    for (var i = 0; i < parts.length; i++) {
      var span = document.createElement('span');
      span.className = parts[i][1] || '';
      span.textContent = parts[i][0];
      li.appendChild(span);
      if (i < parts.length - 1) li.appendChild(document.createTextNode(' '));
    }
    list.insertBefore(li, list.firstChild);
    while (list.childNodes.length > MAX_ITEMS) list.removeChild(list.lastChild);
  }

  function log(name, message, kind) {
    prepend($('log'), [[time(), 't'], [name, 'name'], [message, kind]]);
  }

  function parse(data) {
    try {
      return JSON.parse(data);
    } catch (e) {
      return null;
    }
  }

  // Which EventSource: SharedEventSource where the browser can share (a second and a third tab then read the
  // streams of the first: browsers allow six connections per host for all tabs together, and this page has five
  // streams); else the browser's, unless it has none or the polyfill is forced. The one place that picks the class
  // every stream is read with.
  function currentEventSource() {
    if (sharing) return shared;
    return forced || !nativeEventSource ? polyfill : nativeEventSource;
  }

  function describeImplementation() {
    var force = $('force');
    var share = $('share');
    force.checked = !sharing && !!polyfill && (forced || !nativeEventSource);
    force.disabled = !polyfill || !nativeEventSource;
    share.checked = sharing;
    share.disabled = !canShare;
    var note = '';
    if (sharing) {
      text('impl', 'SharedEventSource, one connection per stream for every tab');
    } else if (!polyfill && !nativeEventSource) {
      text('impl', 'nothing: this browser has no EventSource and the polyfill did not load');
      note = 'dist/eventsource.shared.iife.min.js is missing: run npm run build.';
    } else if (!polyfill) {
      text('impl', 'the native EventSource of this browser');
      note = 'The polyfill did not load (dist/eventsource.shared.iife.min.js is missing: run npm run build).';
    } else if (!nativeEventSource) {
      text('impl', 'the whatwg-eventsource polyfill (this browser has no EventSource of its own)');
    } else if (forced) {
      text('impl', 'the whatwg-eventsource polyfill (forced; the browser has its own)');
    } else {
      text('impl', 'the native EventSource of this browser');
    }
    if (!canShare && polyfill) note += (note ? ' ' : '') + 'No sharing between tabs here (it needs Web Locks and BroadcastChannel).';
    text('impl-note', note);
  }

  // ---- the streams -------------------------------------------------------------------------------------------

  var streams = [
    { name: 'clock', path: '/sse/clock', types: ['message'], handle: onClock },
    { name: 'ticker', path: '/sse/ticker', types: ['snapshot', 'price'], handle: onTicker },
    { name: 'flaky', path: '/sse/flaky', types: ['resume', 'message'], handle: onFlaky },
    { name: 'metrics', path: '/sse/metrics', types: ['metrics'], handle: onMetrics },
    { name: 'chat', path: '/sse/chat', types: ['chat', 'presence'], handle: onChat },
  ];
  // A new EventSource starts with no last event id: the chat sends its history again, the flaky stream restarts.
  streams[2].reset = function (which) {
    prepend($('flaky-feed'), [[time(), 't'], ['a new EventSource: ' + which, 'resume']]);
  };
  streams[4].reset = function () {
    var feed = $('chat-feed');
    while (feed.firstChild) feed.removeChild(feed.firstChild);
  };

  function showState(stream, message, kind) {
    var state = stream.source ? stream.source.readyState : 2;
    var badge = $('state-' + stream.name);
    badge.textContent = STATES[state];
    badge.className = 'state s' + state;
    log(stream.name, STATES[state] + ': ' + message, kind);
  }

  function connect(stream) {
    var Impl = currentEventSource();
    if (!Impl) return;
    var source;
    try {
      source = new Impl(stream.path);
    } catch (e) {
      log(stream.name, 'new EventSource threw: ' + e.message, 'bad');
      return;
    }
    stream.source = source;
    stream.reconnects = 0;
    stream.count = 0;
    if (stream.reset) stream.reset(Impl === shared ? 'SharedEventSource' : Impl === polyfill ? 'the polyfill' : 'the native EventSource');
    showState(stream, 'new EventSource("' + stream.path + '")');
    source.onopen = function () {
      showState(stream, stream.reconnects ? 'reconnected (reconnection ' + stream.reconnects + ')' : 'connected', 'good');
    };
    source.onerror = function () {
      // A `message`-like event named "error" from the server would also land here; it carries data.
      if (source !== stream.source) return;
      if (source.readyState === source.CONNECTING) {
        stream.reconnects++;
        showState(stream, 'connection lost; the EventSource reconnects by itself', 'warn');
      } else {
        showState(stream, 'failed; an EventSource does not reconnect after this', 'bad');
      }
    };
    for (var i = 0; i < stream.types.length; i++) listen(stream, source, stream.types[i]);
  }

  function listen(stream, source, type) {
    source.addEventListener(type, function (event) {
      if (source !== stream.source) return;
      stream.count++;
      text('count-' + stream.name, stream.count + ' events');
      stream.handle(type, event);
    });
  }

  function connectAll() {
    for (var i = 0; i < streams.length; i++) connect(streams[i]);
  }

  function closeAll() {
    for (var i = 0; i < streams.length; i++) {
      var stream = streams[i];
      if (stream.source) {
        stream.source.close();
        showState(stream, 'close() called by the page');
        stream.source = null;
      }
    }
  }

  // ---- what each stream shows --------------------------------------------------------------------------------

  function onClock(type, event) {
    var date = new Date(event.data);
    text('clock-time', isNaN(date.getTime()) ? event.data : time(date));
  }

  var tickerRows = {};

  function onTicker(type, event) {
    var data = parse(event.data);
    if (!data) return;
    if (type === 'snapshot') {
      for (var symbol in data.prices) {
        if (Object.prototype.hasOwnProperty.call(data.prices, symbol)) updateTicker(symbol, data.prices[symbol], 0, event.lastEventId);
      }
    } else {
      updateTicker(data.symbol, data.price, data.change, event.lastEventId);
    }
  }

  function updateTicker(symbol, price, change, id) {
    var row = tickerRows[symbol];
    if (!row) {
      row = tickerRows[symbol] = document.createElement('tr');
      for (var i = 0; i < 4; i++) row.appendChild(document.createElement('td'));
      row.cells[0].textContent = symbol;
      $('ticker-rows').appendChild(row);
    }
    row.cells[1].textContent = price.toFixed(2);
    row.cells[2].textContent = (change > 0 ? '+' : '') + change.toFixed(2);
    row.cells[2].className = change > 0 ? 'up' : change < 0 ? 'down' : '';
    row.cells[3].textContent = id || '';
    if (change) {
      row.className = 'flash';
      setTimeout(function () {
        row.className = '';
      }, 400);
    }
  }

  // Two counts that differ: this page's EventSource counts its own connections (the first and each reconnection);
  // the `connection` in the server's data counts every connection to /sse/flaky, from any client, since the server
  // started.
  function onFlaky(type, event) {
    var data = parse(event.data) || {};
    if (type === 'resume') {
      text('flaky-connections', String(streams[2].reconnects + 1));
      text('flaky-server', '#' + data.connection);
      prepend($('flaky-feed'), [
        [time(), 't'],
        [data.lastEventId === null ? 'connected, sent no Last-Event-ID' : 'reconnected, sent Last-Event-ID: ' + data.lastEventId, 'resume'],
      ]);
    } else {
      prepend($('flaky-feed'), [[time(), 't'], ['id ' + event.lastEventId, 'id'], [event.data]]);
    }
    text('flaky-last', event.lastEventId || 'none');
  }

  // ---- the metrics charts: plain canvas, the last minute -----------------------------------------------------

  var WINDOW_MS = 60000;
  var samples = [];
  var CPU_SERIES = [
    { label: 'all processes', color: '#7d3c98', value: function (s) { return s.machineCpuPercent; } },
    { label: 'this server', color: '#d35400', value: function (s) { return s.processCpuPercent; } },
  ];
  var MEMORY_SERIES = [
    { label: 'RSS', color: '#7f8c8d', value: function (s) { return s.rss / 1048576; } },
    { label: 'heap used', color: '#2471a3', value: function (s) { return s.heapUsed / 1048576; } },
  ];

  function onMetrics(type, event) {
    var data = parse(event.data);
    if (!data) return;
    samples.push(data);
    while (samples.length && samples[0].at < data.at - WINDOW_MS) samples.shift();
    text('m-cpu-machine', data.machineCpuPercent.toFixed(1) + ' %');
    text('m-cpu-process', data.processCpuPercent.toFixed(1) + ' %');
    text('m-cpus', String(data.cpus));
    text('m-heap', megabytes(data.heapUsed));
    text('m-rss', megabytes(data.rss));
    text('m-load', data.loadavg[0].toFixed(2));
    text('m-streams', String(data.streams));
    text('server-streams', String(data.streams));
    text('m-uptime', Math.round(data.uptime) + ' s');
    drawCharts();
  }

  function drawCharts() {
    var last = samples[samples.length - 1];
    var cores = last ? last.cpus : 1;
    drawChart($('chart-cpu'), CPU_SERIES, 'CPU, % of all ' + cores + ' cores', '%', 1, 100);
    drawChart($('chart-memory'), MEMORY_SERIES, 'Memory', 'MB', 1, Infinity);
  }

  // The smallest of 1, 2, 2.5, 5 times a power of ten that is at least `value`.
  function niceCeiling(value) {
    var power = Math.pow(10, Math.floor(Math.log(value) / Math.LN10));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) if (steps[i] * power >= value * 0.9999) return steps[i] * power;
    return 10 * power;
  }

  function format(value) {
    return value >= 10 || value === 0 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
  }

  // One chart: a y axis from 0 to a round number just above the largest value shown (at least `floor`, at most
  // `ceiling`), three grid lines, an x axis of the last minute, and a line per series. The canvas's aria-label says
  // the same in words: the scale, the largest value shown (the peak) and each series' latest value.
  function drawChart(canvas, series, title, unit, floor, ceiling) {
    if (!canvas.getContext) return;
    var now = samples.length ? samples[samples.length - 1].at : 0;
    var peak = 0;
    for (var i = 0; i < samples.length; i++) {
      for (var k = 0; k < series.length; k++) peak = Math.max(peak, series[k].value(samples[i]));
    }
    var top = Math.min(ceiling, niceCeiling(Math.max(floor, peak)));

    var ratio = window.devicePixelRatio || 1;
    var width = canvas.clientWidth || 300;
    var height = canvas.clientHeight || 100;
    if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
    if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio);
    var g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);

    var left = 44;
    var right = width - 6;
    var upper = 8;
    var lower = height - 18;
    var y = function (value) {
      return lower - (Math.min(value, top) / top) * (lower - upper);
    };
    var x = function (at) {
      return right - ((now - at) / WINDOW_MS) * (right - left);
    };

    g.font = '11px system-ui, sans-serif';
    g.textBaseline = 'middle';
    g.lineWidth = 1;
    for (var t = 0; t <= 2; t++) {
      var level = (top * t) / 2;
      var ly = Math.round(y(level)) + 0.5;
      g.strokeStyle = t === 0 ? '#9aa4ad' : '#e3e7eb';
      g.beginPath();
      g.moveTo(left, ly);
      g.lineTo(right, ly);
      g.stroke();
      g.fillStyle = '#5b6570';
      g.textAlign = 'right';
      g.fillText(format(level) + ' ' + unit, left - 5, ly);
    }
    g.textBaseline = 'alphabetic';
    var marks = [[WINDOW_MS, '60 s ago'], [WINDOW_MS / 2, '30 s'], [0, 'now']];
    for (var m = 0; m < marks.length; m++) {
      g.textAlign = m === 0 ? 'left' : m === 1 ? 'center' : 'right';
      g.fillText(marks[m][1], right - (marks[m][0] / WINDOW_MS) * (right - left), height - 4);
    }

    var words = [];
    for (var s = 0; s < series.length; s++) {
      var line = series[s];
      g.strokeStyle = line.color;
      g.lineWidth = 2;
      g.beginPath();
      for (var j = 0; j < samples.length; j++) {
        var px = x(samples[j].at);
        var py = y(line.value(samples[j]));
        if (j === 0) g.moveTo(px, py);
        else g.lineTo(px, py);
      }
      g.stroke();
      if (samples.length) words.push(line.label + ' ' + format(line.value(samples[samples.length - 1])) + ' ' + unit);
    }
    canvas.setAttribute('aria-label', title + ', the last minute, scale 0 to ' + format(top) + ' ' + unit + ', peak ' + format(peak) + ' ' + unit + (words.length ? ': ' + words.join(', ') : ''));
  }

  // ---- the chat ----------------------------------------------------------------------------------------------

  var unread = 0;
  var title = document.title;

  function onChat(type, event) {
    var data = parse(event.data);
    if (!data) return;
    if (type === 'presence') {
      text('chat-online', String(data.online));
      return;
    }
    var at = new Date(data.at);
    prepend($('chat-feed'), [[time(isNaN(at.getTime()) ? undefined : at), 't'], [data.name + ':', data.history ? 'history' : ''], [data.text, data.history ? 'history' : '']]);
    if (!data.history) notify(data);
  }

  function notify(message) {
    if (!document.hidden) return;
    unread++;
    document.title = '(' + unread + ') ' + title;
    if ($('chat-notify').checked && window.Notification && Notification.permission === 'granted') {
      new Notification(message.name, { body: message.text, tag: 'whatwg-eventsource-demo' });
    }
  }

  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) {
      unread = 0;
      document.title = title;
    }
  });

  $('chat-notify').addEventListener('change', function () {
    var box = this;
    if (!box.checked) return;
    if (!window.Notification) {
      log('chat', 'this browser has no Notification API; the tab title counts unread messages instead', 'warn');
      return;
    }
    if (Notification.permission !== 'granted') {
      Notification.requestPermission(function (permission) {
        if (permission !== 'granted') box.checked = false;
      });
    }
  });

  var storage = null;
  try {
    storage = window.localStorage;
  } catch (e) {
    storage = null;
  }
  if (storage && storage.getItem('chat-name')) $('chat-name').value = storage.getItem('chat-name');

  $('chat-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var name = $('chat-name').value;
    var input = $('chat-text');
    if (!input.value) return;
    if (storage) storage.setItem('chat-name', name);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', '/chat');
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.onload = function () {
      if (xhr.status !== 201) log('chat', 'POST /chat: ' + xhr.status + ' ' + xhr.responseText, 'bad');
    };
    xhr.send(JSON.stringify({ name: name, text: input.value }));
    input.value = '';
  });

  // ---- start -------------------------------------------------------------------------------------------------

  var origins = document.querySelectorAll('.origin');
  for (var k = 0; k < origins.length; k++) origins[k].textContent = location.protocol + '//' + location.host;

  // The two switches: sharing, or not (then the browser's own EventSource, or the polyfill if forced).
  function choose(share, force) {
    sharing = share;
    forced = force;
    var query = sharing ? '' : forced ? '?polyfill=1' : canShare ? '?shared=0' : '';
    if (window.history && history.replaceState) history.replaceState(null, '', query || location.pathname);
    closeAll();
    describeImplementation();
    var Impl = currentEventSource();
    log('page', 'now using ' + (Impl === shared ? 'SharedEventSource' : Impl === polyfill ? 'the polyfill' : 'the native EventSource'), 'good');
    connectAll();
  }
  $('force').addEventListener('change', function () {
    choose(false, this.checked);
  });
  $('share').addEventListener('change', function () {
    choose(this.checked, false);
  });

  window.addEventListener('resize', drawCharts);
  describeImplementation();
  connectAll();
})();

// The demo page: five event streams, read with the browser's own EventSource or with the polyfill.
// Plain ES5 on purpose (no build step, and it runs where the polyfill is needed), so: var, function, no arrows.
(function () {
  'use strict';

  var bundle = window.WhatwgEventSource;
  var polyfill = bundle && bundle.EventSource;
  // The script-tag build installs window.EventSource only where it is missing: a different one is the browser's.
  var nativeEventSource = window.EventSource && window.EventSource !== polyfill ? window.EventSource : null;
  var forced = /[?&]polyfill=1(&|$)/.test(location.search);
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

  // Which EventSource: the browser's, unless it has none or the polyfill is forced.
  function currentEventSource() {
    return forced || !nativeEventSource ? polyfill : nativeEventSource;
  }

  function describeImplementation() {
    var force = $('force');
    force.checked = !!polyfill && (forced || !nativeEventSource);
    force.disabled = !polyfill || !nativeEventSource;
    var note = '';
    if (!polyfill && !nativeEventSource) {
      text('impl', 'nothing: this browser has no EventSource and the polyfill did not load');
      note = 'dist/eventsource.iife.min.js is missing: run npm run build.';
    } else if (!polyfill) {
      text('impl', 'the native EventSource of this browser');
      note = 'The polyfill did not load (dist/eventsource.iife.min.js is missing: run npm run build).';
    } else if (!nativeEventSource) {
      text('impl', 'the whatwg-eventsource polyfill (this browser has no EventSource of its own)');
    } else if (forced) {
      text('impl', 'the whatwg-eventsource polyfill (forced; the browser has its own)');
    } else {
      text('impl', 'the native EventSource of this browser');
    }
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
    if (stream.reset) stream.reset(Impl === polyfill ? 'the polyfill' : 'the native EventSource');
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

  function onFlaky(type, event) {
    var data = parse(event.data) || {};
    if (type === 'resume') {
      text('flaky-connections', String(streams[2].reconnects + 1));
      prepend($('flaky-feed'), [
        [time(), 't'],
        [data.lastEventId === null ? 'connected; sent no Last-Event-ID' : 'reconnected; sent Last-Event-ID: ' + data.lastEventId, 'resume'],
      ]);
    } else {
      prepend($('flaky-feed'), [[time(), 't'], ['message id ' + event.lastEventId + ': ' + event.data]]);
    }
    text('flaky-last', event.lastEventId || 'none');
  }

  // ---- the metrics chart: plain canvas, the last 60 samples --------------------------------------------------

  var samples = [];

  function onMetrics(type, event) {
    var data = parse(event.data);
    if (!data) return;
    samples.push(data);
    if (samples.length > 60) samples.shift();
    text('m-cpu', data.cpuPercent.toFixed(1) + ' %');
    text('m-heap', megabytes(data.heapUsed));
    text('m-load', data.loadavg[0].toFixed(2) + ' / ' + data.cpus + ' CPUs');
    text('m-rss', megabytes(data.rss));
    text('m-streams', String(data.streams));
    text('m-uptime', Math.round(data.uptime) + ' s');
    drawChart();
  }

  function drawChart() {
    var canvas = $('chart');
    if (!canvas.getContext) return;
    var ratio = window.devicePixelRatio || 1;
    var width = canvas.clientWidth || 400;
    var height = canvas.clientHeight || 150;
    if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
    if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio);
    var g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);
    g.strokeStyle = '#e3e7eb';
    g.lineWidth = 1;
    for (var i = 1; i < 4; i++) {
      g.beginPath();
      g.moveTo(0, Math.round((height * i) / 4) + 0.5);
      g.lineTo(width, Math.round((height * i) / 4) + 0.5);
      g.stroke();
    }
    // Each series on a scale of its own: CPU from 0 to at least 10 %, heap and load from 0 to their maximum.
    series('#d35400', function (s) { return s.cpuPercent; }, 10);
    series('#2471a3', function (s) { return s.heapUsed; }, 1);
    series('#7d3c98', function (s) { return s.loadavg[0]; }, 1);

    function series(color, value, minimumTop) {
      var top = minimumTop;
      for (var i = 0; i < samples.length; i++) top = Math.max(top, value(samples[i]) * 1.2);
      g.strokeStyle = color;
      g.lineWidth = 2;
      g.beginPath();
      for (var j = 0; j < samples.length; j++) {
        var x = width - (samples.length - 1 - j) * (width / 59);
        var y = height - 4 - (value(samples[j]) / top) * (height - 8);
        if (j === 0) g.moveTo(x, y);
        else g.lineTo(x, y);
      }
      g.stroke();
    }
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

  $('force').addEventListener('change', function () {
    forced = this.checked;
    if (window.history && history.replaceState) history.replaceState(null, '', forced ? '?polyfill=1' : location.pathname);
    closeAll();
    describeImplementation();
    log('page', 'now using ' + (forced ? 'the polyfill' : 'the native EventSource'), 'good');
    connectAll();
  });

  window.addEventListener('resize', drawChart);
  describeImplementation();
  connectAll();
})();

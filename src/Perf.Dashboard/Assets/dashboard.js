// The dashboard page (src/Perf.Dashboard): one reader, apply(message), for the live event stream and an export's
// inlined history alike. Charts are uPlot's, one per metric; runs (e.g. baseline and optimized) share each chart,
// aligned by seconds since their own start. Drag to zoom, double-click to reset, hover for values.
(function () {
  'use strict';

  const palette = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf'];
  const dashes = [[], [8, 4], [2, 3], [12, 3, 3, 3], [1, 2]];
  const state = { runs: [], messages: 0, connected: false, exported: false };
  const charts = new Map();

  // A cumulative counter as a rate: the difference to the previous sample over the seconds between them.
  function perSecond(value, previousValue, seconds) {
    if (value == null || previousValue == null || !(seconds > 0)) return null;
    return Math.max(0, (value - previousValue) / seconds);
  }

  function runOf(message) {
    if (!state.runs[message.run]) {
      state.runs[message.run] = { run: message.run, label: 'run ' + message.run, phases: [], thresholdSpecs: [], load: [], system: [], thresholds: null, end: null };
    }
    return state.runs[message.run];
  }

  function apply(m) {
    state.messages++;
    switch (m.type) {
      case 'reset':
        state.runs = [];
        break;
      case 'run': {
        const run = runOf(m);
        Object.assign(run, { label: m.label, profile: m.profile, target: m.target, startedAt: m.startedAt, timeScale: m.timeScale, phases: m.phases || [], thresholdSpecs: m.thresholds || [] });
        break;
      }
      case 'load': {
        const run = runOf(m);
        const previous = run.load[run.load.length - 1];
        const seconds = previous ? m.t - previous.t : m.t;
        m.codesPerSecond = {};
        for (const code of Object.keys(m.codes || {})) {
          m.codesPerSecond[code] = perSecond(m.codes[code], previous ? (previous.codes[code] || 0) : 0, seconds);
        }
        m.errorsPerSecond = seconds > 0 ? m.errors / seconds : null;
        m.latePerSecond = perSecond(m.late, previous ? previous.late : 0, seconds);
        m.droppedPerSecond = perSecond(m.dropped, previous ? previous.dropped : 0, seconds);
        run.load.push(m);
        break;
      }
      case 'system': {
        const run = runOf(m);
        const previous = run.system[run.system.length - 1];
        const seconds = previous ? m.t - previous.t : null;
        m.processedPerSecond = previous ? perSecond(m.processed, previous.processed, seconds) : null;
        m.acceptedPerSecond = previous ? perSecond(m.accepted, previous.accepted, seconds) : null;
        run.system.push(m);
        break;
      }
      case 'thresholds':
        runOf(m).thresholds = m;
        break;
      case 'end':
        runOf(m).end = m;
        break;
      default:
        break;
    }
  }

  function keysOf(run, source, field) {
    const keys = new Set();
    for (const point of run[source]) {
      for (const key of Object.keys(point[field] || {})) keys.add(key);
    }
    return [...keys].sort();
  }

  // Each chart: where its points come from and the lines it draws for one run.
  const definitions = [
    { id: 'rate', source: 'load', title: 'Arrival rate: target vs achieved', unit: 'arrivals/s',
      lines: () => [{ label: 'target', value: p => p.target, dash: [6, 4] }, { label: 'achieved', value: p => p.achieved }] },
    { id: 'latency', source: 'load', title: 'Response time, each second (from the intended start)', unit: 'ms',
      lines: () => [{ label: 'p50', value: p => p.p50 }, { label: 'p95', value: p => p.p95 }, { label: 'p99', value: p => p.p99 }] },
    { id: 'responses', source: 'load', title: 'Responses by status code and errors, per second', unit: 'per s',
      lines: run => [...keysOf(run, 'load', 'codes').map(code => ({ label: 'HTTP ' + code, value: p => p.codesPerSecond[code] ?? 0 })),
        { label: 'errors', value: p => p.errorsPerSecond, color: '#000000', dash: [4, 3] }] },
    { id: 'inflight', source: 'load', title: 'In flight, and late or dropped arrivals per second', unit: 'count',
      lines: () => [{ label: 'in flight', value: p => p.inFlight }, { label: 'late/s', value: p => p.latePerSecond }, { label: 'dropped/s', value: p => p.droppedPerSecond }] },
    { id: 'queue', source: 'system', title: 'Queue: entries not yet delivered (lag) and delivered but unacknowledged (pending)', unit: 'entries',
      lines: () => [{ label: 'lag', value: p => p.queueLag }, { label: 'pending', value: p => p.queuePending }] },
    { id: 'jobs', source: 'system', title: 'Job throughput: accepted and processed per second', unit: 'jobs/s',
      lines: () => [{ label: 'accepted/s', value: p => p.acceptedPerSecond }, { label: 'processed/s', value: p => p.processedPerSecond }] },
    { id: 'joblatency', source: 'system', title: 'Job latency, enqueue to stored, of the jobs stored each second', unit: 'ms',
      lines: () => [{ label: 'p95', value: p => p.jobP95 }, { label: 'p99', value: p => p.jobP99 }] },
    { id: 'cpu', source: 'system', title: 'CPU per container (% of one core) and host (% of all cores)', unit: '%',
      lines: run => [...keysOf(run, 'system', 'cpu').map(role => ({ label: role, value: p => (p.cpu || {})[role] })),
        { label: 'host', value: p => p.hostCpu, dash: [2, 3] }] },
    { id: 'memory', source: 'system', title: 'Memory per container', unit: 'MB',
      lines: run => keysOf(run, 'system', 'memory').map(role => ({ label: role, value: p => (p.memory || {})[role] })) },
    { id: 'redismemory', source: 'system', title: 'Redis used memory', unit: 'MB',
      lines: () => [{ label: 'used memory', value: p => p.redisMemoryMb }] },
    { id: 'redisclients', source: 'system', title: 'Redis connected clients', unit: 'clients',
      lines: () => [{ label: 'clients', value: p => p.redisClients }] },
    { id: 'redisops', source: 'system', title: 'Redis operations per second', unit: 'ops/s',
      lines: () => [{ label: 'ops/s', value: p => p.redisOps }] },
    { id: 'evicted', source: 'system', title: 'Redis evicted keys (since Redis started)', unit: 'keys',
      lines: () => [{ label: 'evicted', value: p => p.evicted }] },
  ];

  function runsWith(source) {
    return state.runs.filter(run => run && run[source].length > 0);
  }

  // uPlot wants one x array per chart: the union of whole seconds over the runs, each line null where it has no point.
  function chartData(definition) {
    const runs = runsWith(definition.source);
    const seconds = new Set();
    for (const run of runs) for (const point of run[definition.source]) seconds.add(Math.round(point.t));
    const xs = [...seconds].sort((a, b) => a - b);
    const index = new Map(xs.map((x, i) => [x, i]));
    const several = runs.length > 1;
    const series = [];
    const columns = [];
    runs.forEach((run, runNumber) => {
      definition.lines(run).forEach((line, lineNumber) => {
        const column = new Array(xs.length).fill(null);
        for (const point of run[definition.source]) {
          const value = line.value(point);
          column[index.get(Math.round(point.t))] = value == null || Number.isNaN(value) ? null : value;
        }
        columns.push(column);
        series.push({
          label: several ? run.label + ': ' + line.label : line.label,
          stroke: several ? palette[run.run % palette.length] : (line.color || palette[lineNumber % palette.length]),
          dash: several ? dashes[lineNumber % dashes.length] : (line.dash || []),
          width: 1.5,
          spanGaps: true,
          points: { show: false },
        });
      });
    });
    return { xs, series, columns, runs };
  }

  function drawPhases(u) {
    const ctx = u.ctx;
    const top = u.bbox.top;
    const bottom = u.bbox.top + u.bbox.height;
    const seen = new Set();
    ctx.save();
    ctx.font = `${Math.round(10 * devicePixelRatio)}px sans-serif`;
    ctx.fillStyle = '#555';
    ctx.strokeStyle = '#999';
    ctx.setLineDash([3 * devicePixelRatio, 3 * devicePixelRatio]);
    for (const run of state.runs) {
      if (!run) continue;
      for (const phase of run.phases) {
        const key = phase.start + '|' + phase.name;
        if (seen.has(key)) continue;
        seen.add(key);
        const x = Math.round(u.valToPos(phase.start, 'x', true));
        if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
        ctx.beginPath();
        ctx.moveTo(x, top);
        ctx.lineTo(x, bottom);
        ctx.stroke();
        ctx.fillText(phase.name, x + 3 * devicePixelRatio, top + 11 * devicePixelRatio);
      }
    }
    ctx.restore();
  }

  function chartWidth(element) {
    return Math.max(320, element.clientWidth - 8);
  }

  function renderChart(definition, container) {
    const data = chartData(definition);
    let chart = charts.get(definition.id);
    if (data.xs.length === 0) {
      if (chart) { chart.plot.destroy(); chart.element.remove(); charts.delete(definition.id); }
      return;
    }
    const signature = data.series.map(s => s.label).join('\n');
    const values = [data.xs, ...data.columns];
    if (chart && chart.signature === signature) {
      chart.plot.setData(values, !chart.zoomed);
      chart.element.dataset.points = String(data.xs.length);
      return;
    }
    if (chart) chart.plot.destroy();
    const element = chart ? chart.element : document.createElement('figure');
    element.className = 'chart';
    element.dataset.chart = definition.id;
    element.dataset.source = definition.source;
    element.dataset.points = String(data.xs.length);
    if (!chart) container.appendChild(element);
    const entry = { element, signature, zoomed: false, plot: null };
    entry.plot = new uPlot({
      title: definition.title,
      width: chartWidth(element),
      height: 230,
      cursor: { sync: { key: 'perf-dashboard' }, drag: { x: true, y: false } },
      scales: { x: { time: false, range: (u, min, max) => [Math.min(0, min), Math.max(max, 1)] } },
      axes: [{ label: 'seconds since the run started', labelSize: 18 }, { label: definition.unit, labelSize: 18, size: 56 }],
      series: [{ label: 's' }, ...data.series],
      hooks: {
        draw: [drawPhases],
        setSelect: [u => { if (u.select.width > 0) entry.zoomed = true; }],
      },
    }, values, element);
    entry.plot.over.addEventListener('dblclick', () => { entry.zoomed = false; });
    charts.set(definition.id, entry);
  }

  function text(tag, content, className) {
    const element = document.createElement(tag);
    element.textContent = content;
    if (className) element.className = className;
    return element;
  }

  function number(value, digits) {
    return value == null ? '–' : Number(value).toLocaleString('en', { maximumFractionDigits: digits ?? 1 });
  }

  function renderRuns() {
    const section = document.getElementById('runs');
    section.replaceChildren();
    for (const run of state.runs) {
      if (!run) continue;
      const last = run.load[run.load.length - 1];
      const requests = run.load.reduce((sum, p) => sum + p.requests, 0);
      const errors = run.load.reduce((sum, p) => sum + p.errors, 0);
      const phase = last ? run.phases[last.phase] : null;
      const card = document.createElement('div');
      card.className = 'run';
      card.style.borderColor = palette[run.run % palette.length];
      card.append(text('h2', run.label));
      card.append(text('p', `${run.profile ?? ''} → ${run.target ?? ''}${run.timeScale && run.timeScale !== 1 ? ` (time scale ${run.timeScale})` : ''}`));
      const status = run.end
        ? `ended after ${number(run.end.duration)} s: ${number(run.end.requests, 0)} requests, p95 ${number(run.end.p95, 2)} ms, p99 ${number(run.end.p99, 2)} ms, errors ${number(run.end.errorRate, 2)} %${run.end.cancelled ? ' (cancelled)' : ''}`
        : last
          ? `${number(last.t, 0)} s · phase ${phase ? phase.name : last.phase} · ${number(requests, 0)} requests · ${number(errors, 0)} errors · ${number(last.inFlight, 0)} in flight`
          : 'starting…';
      card.append(text('p', status, run.end ? 'ended' : 'running'));
      section.append(card);
    }
  }

  function renderThresholds() {
    const section = document.getElementById('thresholds');
    section.replaceChildren();
    for (const run of state.runs) {
      if (!run || (run.thresholdSpecs.length === 0 && !run.thresholds)) continue;
      const table = document.createElement('table');
      const caption = run.thresholds
        ? (run.thresholds.final ? `${run.label}: thresholds, final (the report's verdict)` : `${run.label}: thresholds on the run so far (${number(run.thresholds.t, 0)} s)`)
        : `${run.label}: thresholds (not evaluated yet)`;
      table.append(text('caption', caption));
      const head = document.createElement('tr');
      for (const name of ['check', 'scope', 'measured', 'allowed', 'state']) head.append(text('th', name));
      table.append(head);
      if (run.thresholds) {
        for (const check of run.thresholds.checks) {
          const row = document.createElement('tr');
          row.className = check.passed ? 'pass' : 'fail';
          row.append(text('td', check.expression), text('td', check.scope), text('td', `${number(check.measured, 2)} ${check.unit}`),
            text('td', `${number(check.allowed, 2)} ${check.unit}`), text('td', check.passed ? 'holds' : 'breached'));
          table.append(row);
        }
      } else {
        for (const spec of run.thresholdSpecs) {
          const row = document.createElement('tr');
          row.append(text('td', spec), text('td', ''), text('td', '–'), text('td', ''), text('td', 'waiting'));
          table.append(row);
        }
      }
      section.append(table);
    }
  }

  function renderStatus() {
    const status = document.getElementById('status');
    const runs = state.runs.filter(Boolean).length;
    status.textContent = state.exported
      ? `exported file: ${runs} run(s), ${state.messages} messages, nothing loaded from the network`
      : `${state.connected ? 'live, updated every second' : 'disconnected (retrying)'}: ${runs} run(s), ${state.messages} messages`;
    status.className = state.exported || state.connected ? 'ok' : 'warn';
  }

  function render() {
    const container = document.getElementById('charts');
    for (const definition of definitions) renderChart(definition, container);
    renderRuns();
    renderThresholds();
    renderStatus();
    document.body.dataset.charts = String(charts.size);
  }

  let pending = false;
  function scheduleRender() {
    if (pending) return;
    pending = true;
    setTimeout(() => { pending = false; render(); }, 250);
  }

  window.addEventListener('resize', () => {
    for (const chart of charts.values()) chart.plot.setSize({ width: chartWidth(chart.element), height: 230 });
  });

  // For a test or a curious reader: how many seconds each chart holds.
  window.perfDashboard = {
    state,
    points: () => Object.fromEntries([...charts.entries()].map(([id, chart]) => [id, chart.plot.data[0].length])),
    scale: id => { const chart = charts.get(id); return chart ? { min: chart.plot.scales.x.min, max: chart.plot.scales.x.max } : null; },
  };

  const inlined = document.getElementById('dashboard-data');
  if (inlined) {
    state.exported = true;
    for (const message of JSON.parse(inlined.textContent)) apply(message);
    render();
  } else {
    const events = new EventSource('events');
    events.onopen = () => { state.connected = true; scheduleRender(); };
    events.onerror = () => { state.connected = false; renderStatus(); };
    events.onmessage = event => { apply(JSON.parse(event.data)); scheduleRender(); };
    render();
  }
})();

// Overview of the loaded sign-ins: totals, top scenarios / error codes / apps, and a timeline of
// failures drawn with uPlot (served from its WebJar under /ui/vendor/uplot/).
import { api } from '../api.js';
import { h, fmtNumber, text, message, field, replace, append } from '../dom.js';

let uplotLoading = null;

function loadUplot() {
  if (window.uPlot) {
    return Promise.resolve(window.uPlot);
  }
  if (!uplotLoading) {
    uplotLoading = new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = '/ui/vendor/uplot/uPlot.iife.min.js';
      s.addEventListener('load', () => resolve(window.uPlot));
      s.addEventListener('error', () => { uplotLoading = null; reject(new Error('The chart library did not load.')); });
      document.head.append(s);
    });
  }
  return uplotLoading;
}

function toInput(iso) {
  const d = new Date(iso);
  return iso && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 16) : '';
}

export async function render(ctx) {
  ctx.title('Overview');
  const from = h('input', { type: 'datetime-local', name: 'from', value: toInput(ctx.query.get('from')) });
  const to = h('input', { type: 'datetime-local', name: 'to', value: toInput(ctx.query.get('to')) });
  const form = h('form', { class: 'search' }, field('From (UTC)', from), field('To (UTC)', to),
    h('div', { class: 'field actions' }, h('button', { type: 'submit', class: 'primary' }, 'Show'),
      h('button', { type: 'button', onclick: () => { location.hash = '#/overview'; } }, 'All data')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    if (from.value) {
      p.set('from', from.value + ':00Z');
    }
    if (to.value) {
      p.set('to', to.value + ':00Z');
    }
    location.hash = '#/overview' + (p.toString() ? '?' + p : '');
  });
  const body = h('div', null, h('p', { class: 'loading' }, 'Counting…'));
  append(ctx.view, h('h1', null, 'Overview'), form, body);

  const p = new URLSearchParams();
  for (const k of ['from', 'to']) {
    if (ctx.query.get(k)) {
      p.set(k, ctx.query.get(k));
    }
  }
  let o;
  try {
    o = await api('/api/overview' + (p.toString() ? '?' + p : ''));
  } catch (e) {
    replace(body, message('error', e.message));
    return;
  }
  if (!ctx.alive()) {
    return;
  }
  const total = o.total || 0;
  const failures = o.failures || 0;
  // the server counts per hour, or per day when the range is long
  const unit = o.bucket === 'day' ? 'day' : 'hour';
  const chart = h('div', { class: 'chart', id: 'timeline', role: 'img', 'aria-label': 'Sign-ins and failures per ' + unit });
  replace(body,
    h('div', { class: 'tiles' },
      tile('Sign-ins', fmtNumber(total), 'tile-total'),
      tile('Failures', fmtNumber(failures), 'tile-failures'),
      typeof o.interrupted === 'number' ? tile('Interrupted', fmtNumber(o.interrupted), 'tile-interrupted') : null,
      tile('Failure rate', total ? (100 * failures / total).toFixed(1) + ' %' : '–', 'tile-rate')),
    o.partial ? message('warn', 'The scenario counts cover the newest ' + fmtNumber(o.counted) + ' sign-ins of the range only.') : null,
    h('section', { class: 'card' }, h('h2', null, 'Failures over time'), chart, h('p', { class: 'muted small' }, (unit === 'day' ? 'Daily' : 'Hourly') + ', UTC.')),
    h('div', { class: 'columns3' },
      topTable('Top scenarios', 'Scenario', o.byScenario, (k) => h('code', { class: 'scenario-id' }, k)),
      topTable('Top error codes', 'Error code', o.byErrorCode, (k) => k),
      topTable('Top applications', 'Application', o.byApp, (k) => h('a', { href: '#/signins?' + new URLSearchParams({ q: k }) }, k))));
  const timeline = Array.isArray(o.timeline) ? o.timeline : [];
  if (timeline.length === 0) {
    chart.append(h('p', { class: 'muted' }, 'No sign-ins in this range.'));
    return;
  }
  try {
    const uPlot = await loadUplot();
    if (ctx.alive()) {
      drawChart(ctx, uPlot, chart, timeline, unit);
    }
  } catch (e) {
    chart.append(message('error', e.message));
  }
}

function tile(label, value, id) {
  return h('div', { class: 'tile', id }, h('div', { class: 'tile-value' }, value), h('div', { class: 'tile-label' }, label));
}

function topTable(title, label, entries, keyCell) {
  const list = Array.isArray(entries) ? entries : [];
  const max = Math.max(1, ...list.map((e) => e.count || 0));
  return h('section', { class: 'card' }, h('h2', null, title),
    list.length === 0 ? h('p', { class: 'muted' }, 'Nothing yet.') :
      h('table', { class: 'grid top' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, label), h('th', { scope: 'col', class: 'num' }, 'Sign-ins'), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Share')))),
        h('tbody', null, list.map((e) => h('tr', null,
          h('td', null, keyCell(text(e.key) || '(none)')),
          h('td', { class: 'num' }, fmtNumber(e.count)),
          h('td', { class: 'barcell' }, h('progress', { max: String(max), value: String(e.count || 0), 'aria-hidden': 'true' })))))));
}

function drawChart(ctx, uPlot, el, timeline, unit) {
  const xs = [];
  const totals = [];
  const fails = [];
  for (const b of timeline) {
    const t = Date.parse(b.time);
    if (!Number.isNaN(t)) {
      xs.push(t / 1000);
      totals.push(b.total || 0);
      fails.push(b.failures || 0);
    }
  }
  const width = () => Math.max(300, el.clientWidth - 8);
  const opts = {
    width: width(),
    height: 260,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    scales: { x: { time: true } },
    series: [
      {},
      { label: 'Sign-ins', stroke: '#1f4e8c', width: 1.5, fill: 'rgba(31,78,140,0.08)' },
      { label: 'Failures', stroke: '#c0392b', width: 2, fill: 'rgba(192,57,43,0.12)' },
    ],
    axes: [{}, { label: 'per ' + unit }],
    legend: { live: false },
  };
  const plot = new uPlot(opts, [xs, totals, fails], el);
  const observer = new ResizeObserver(() => plot.setSize({ width: width(), height: 260 }));
  observer.observe(el);
  ctx.onLeave(() => {
    observer.disconnect();
    plot.destroy();
  });
}

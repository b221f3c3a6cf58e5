// Define → Select: the search form and the authentication summary table (column chooser, sort, paging,
// status filter, flagged sign-ins first). The search lives in the hash, so Back returns to the list.
import { api } from '../api.js';
import { h, badge, fmtTime, fmtNumber, text, message, field, select, replace, append } from '../dom.js';

export const COLUMNS = [
  { key: 'createdDateTime', label: 'Time (UTC)', sort: 'time', cell: (s) => fmtTime(s.createdDateTime, true) },
  { key: 'userDisplayName', label: 'User', sort: 'user' },
  { key: 'userPrincipalName', label: 'User principal name', sort: 'user' },
  { key: 'userId', label: 'User id' },
  { key: 'appDisplayName', label: 'Application', sort: 'app' },
  { key: 'appId', label: 'Application id' },
  { key: 'status', label: 'Status', sort: 'status', cell: (s) => statusBadge(s.status) },
  { key: 'errorCode', label: 'Error code', cell: (s) => (s.errorCode ? String(s.errorCode) : '') },
  { key: 'failureReason', label: 'Failure reason' },
  { key: 'ipAddress', label: 'IP address' },
  { key: 'location', label: 'Location' },
  { key: 'clientAppUsed', label: 'Client app' },
  { key: 'conditionalAccessStatus', label: 'Conditional Access' },
  { key: 'operatingSystem', label: 'Operating system' },
  { key: 'browser', label: 'Browser' },
  { key: 'userAgent', label: 'User agent' },
  { key: 'id', label: 'Request id' },
  { key: 'correlationId', label: 'Correlation id' },
];
const DEFAULT_COLUMNS = ['createdDateTime', 'userDisplayName', 'userPrincipalName', 'appDisplayName', 'status',
  'errorCode', 'failureReason', 'ipAddress', 'location'];
const PAGE_SIZES = [25, 50, 100, 200];
const SEARCH_KEYS = ['q', 'at', 'window', 'status', 'flagged', 'sort'];

export function statusBadge(status) {
  const s = String(status || '').toLowerCase();
  const kind = s === 'success' ? 'ok' : s === 'failure' ? 'bad' : s === 'interrupted' ? 'warn' : null;
  return badge(s || 'unknown', kind);
}

/** "2026-11-17T12:00:00Z" ↔ the value of a datetime-local input, read as UTC. */
function toInput(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 16);
}

function fromInput(value) {
  return value ? value + (value.length === 16 ? ':00Z' : 'Z') : '';
}

export async function render(ctx) {
  ctx.title('Sign-ins');
  const q = ctx.query;
  const prefs = await ctx.prefs();
  const columns = (Array.isArray(prefs.columns) && prefs.columns.length ? prefs.columns : DEFAULT_COLUMNS)
    .filter((k) => COLUMNS.some((c) => c.key === k));
  const pageSize = PAGE_SIZES.includes(prefs.pageSize) ? prefs.pageSize : 50;

  const form = searchForm(q);
  const results = h('div', { class: 'results', 'aria-live': 'polite' }, h('p', { class: 'loading' }, 'Searching…'));
  append(ctx.view, h('h1', null, 'Sign-ins'), form, results);

  const params = new URLSearchParams();
  for (const k of SEARCH_KEYS) {
    if (q.get(k)) {
      params.set(k, q.get(k));
    }
  }
  if (params.get('at') && !params.get('window')) {
    params.set('window', '48h');
  }
  params.set('offset', String(Math.max(0, parseInt(q.get('offset') || '0', 10) || 0)));
  params.set('limit', String(pageSize));
  let page;
  try {
    page = await api('/api/signins?' + params);
  } catch (e) {
    replace(results, message('error', e.message));
    return;
  }
  if (!ctx.alive()) {
    return;
  }
  const state = { columns, pageSize, page, query: q };
  const redraw = () => replace(results, ...resultView(ctx, state, redraw));
  redraw();
}

function searchForm(q) {
  const input = h('input', { type: 'search', name: 'q', value: q.get('q') || '', class: 'wide',
    placeholder: 'user, app, correlation id or request id', autocomplete: 'off' });
  const at = h('input', { type: 'datetime-local', name: 'at', value: q.get('at') ? toInput(q.get('at')) : '' });
  const win = select('window', [['1h', '± 30 minutes'], ['6h', '± 3 hours'], ['24h', '± 12 hours'],
    ['48h', '± 24 hours (48 h)'], ['168h', '± 3.5 days (7 days)']], q.get('window') || '48h');
  const status = select('status', [['', 'All'], ['failure', 'Failure'], ['success', 'Success'],
    ['interrupted', 'Interrupted']], q.get('status') || '');
  const flagged = h('input', { type: 'checkbox', name: 'flagged', checked: q.get('flagged') === 'true', id: 'flagged-only' });
  const form = h('form', { class: 'search', role: 'search' },
    field('Search', input, 'UPN, display name or object id; app name or id; correlation or request id', 'grow'),
    field('Around (UTC)', at),
    field('Window', win),
    field('Status', status),
    h('div', { class: 'field check' }, flagged, h('label', { for: 'flagged-only' }, 'Flagged only')),
    h('div', { class: 'field actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Search'),
      h('button', { type: 'button', onclick: () => { location.hash = '#/signins'; } }, 'Clear')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    if (input.value.trim()) {
      p.set('q', input.value.trim());
    }
    if (at.value) {
      p.set('at', fromInput(at.value));
      p.set('window', win.value);
    }
    if (status.value) {
      p.set('status', status.value);
    }
    if (flagged.checked) {
      p.set('flagged', 'true');
    }
    if (q.get('sort')) {
      p.set('sort', q.get('sort'));
    }
    const next = '#/signins' + (p.toString() ? '?' + p : '');
    if (location.hash === next) {
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } else {
      location.hash = next;
    }
  });
  return form;
}

function hashWith(query, changes) {
  const p = new URLSearchParams(query);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === '') {
      p.delete(k);
    } else {
      p.set(k, v);
    }
  }
  return '#/signins' + (p.toString() ? '?' + p : '');
}

function resultView(ctx, state, redraw) {
  const { page, columns, query } = state;
  const items = Array.isArray(page.items) ? page.items : [];
  const total = typeof page.total === 'number' ? page.total : items.length;
  const offset = page.offset || 0;
  const bar = h('div', { class: 'toolbar' },
    h('span', { class: 'count', id: 'result-count' }, total === 0 ? 'No sign-ins match.'
      : 'Sign-ins ' + fmtNumber(offset + 1) + '–' + fmtNumber(offset + items.length) + ' of ' + fmtNumber(total)),
    columnChooser(ctx, state, redraw),
    pageSizeChooser(ctx, state));
  if (items.length === 0) {
    const hint = query.toString() ? 'Widen the search or clear the filters.'
      : 'Nothing has been imported yet: add sign-in files on the Data page.';
    return [bar, h('p', { class: 'muted' }, hint)];
  }
  const cols = COLUMNS.filter((c) => columns.includes(c.key));
  cols.sort((a, b) => columns.indexOf(a.key) - columns.indexOf(b.key));
  const sort = query.get('sort') || '-time';
  const head = h('tr', null, h('th', { scope: 'col', class: 'flag-col' }, h('span', { class: 'sr-only' }, 'Flagged')),
    cols.map((c) => h('th', { scope: 'col', 'aria-sort': ariaSort(c, sort) }, c.sort ? sortLink(c, sort, query) : c.label)));
  const rows = items.map((s) => signInRow(s, cols));
  const tbl = h('table', { class: 'grid signins', id: 'signins-table' }, h('thead', null, head), h('tbody', null, rows));
  return [bar, h('div', { class: 'scroll' }, tbl), pager(query, offset, items.length, total, state.pageSize)];
}

function ariaSort(c, sort) {
  if (!c.sort || sort.replace('-', '') !== c.sort) {
    return null;
  }
  return sort.startsWith('-') ? 'descending' : 'ascending';
}

function sortLink(c, sort, query) {
  const active = sort.replace('-', '') === c.sort;
  const next = active ? (sort.startsWith('-') ? c.sort : '-' + c.sort) : (c.sort === 'time' ? '-time' : c.sort);
  const arrow = active ? (sort.startsWith('-') ? ' ▼' : ' ▲') : '';
  return h('a', { href: hashWith(query, { sort: next, offset: null }), class: 'sort' }, c.label + arrow);
}

function signInRow(s, cols) {
  const target = '#/signin/' + encodeURIComponent(s.id);
  const tr = h('tr', { class: ['clickable', s.flagged ? 'flagged' : null], dataset: { id: String(s.id) } },
    h('td', { class: 'flag-col' }, s.flagged ? h('span', { class: 'flag', title: 'Flagged for review' }, '⚑',
      h('span', { class: 'sr-only' }, 'Flagged for review')) : null),
    cols.map((c, i) => {
      const v = c.cell ? c.cell(s) : text(s[c.key]);
      // the first cell links to the diagnosis: rows are reachable with the keyboard
      return h('td', { class: c.key }, i === 0 ? h('a', { href: target, class: 'open' }, v instanceof Node ? v : (v || 'open')) : v);
    }));
  tr.addEventListener('click', (e) => {
    if (!(e.target instanceof Element) || !e.target.closest('a') && !window.getSelection().toString()) {
      location.hash = target;
    }
  });
  return tr;
}

function pager(query, offset, count, total, pageSize) {
  const prevOffset = Math.max(0, offset - pageSize);
  return h('nav', { class: 'pager', 'aria-label': 'Pages' },
    offset > 0 ? h('a', { href: hashWith(query, { offset: prevOffset ? String(prevOffset) : null }), class: 'button', id: 'page-prev' }, '← Previous') : null,
    offset + count < total ? h('a', { href: hashWith(query, { offset: String(offset + count) }), class: 'button', id: 'page-next' }, 'Next →') : null);
}

function columnChooser(ctx, state, redraw) {
  const boxes = COLUMNS.map((c) => {
    const box = h('input', { type: 'checkbox', value: c.key, checked: state.columns.includes(c.key), id: 'col-' + c.key });
    box.addEventListener('change', () => {
      const chosen = COLUMNS.map((x) => x.key).filter((k) => k === c.key ? box.checked : state.columns.includes(k));
      if (chosen.length === 0) {
        box.checked = true;
        return;
      }
      state.columns = chosen;
      ctx.savePrefs({ columns: chosen }).catch(() => { /* still shown; remembered next time it works */ });
      redraw();
      const again = document.getElementById('col-' + c.key);
      if (again) {
        again.closest('details').open = true;
        again.focus();
      }
    });
    return h('li', null, box, h('label', { for: 'col-' + c.key }, c.label));
  });
  return h('details', { class: 'chooser', id: 'column-chooser' }, h('summary', null, 'Columns'), h('ul', null, boxes));
}

function pageSizeChooser(ctx, state) {
  const sel = select('pageSize', PAGE_SIZES.map((n) => [String(n), n + ' per page']), String(state.pageSize));
  sel.setAttribute('aria-label', 'Sign-ins per page');
  sel.addEventListener('change', async () => {
    try {
      await ctx.savePrefs({ pageSize: parseInt(sel.value, 10) });
    } catch (e) {
      // the preference could not be stored; the page still follows it below
    }
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  return sel;
}

// DOM helpers. Every value reaches the page as a text node or an attribute value set through the DOM,
// never as markup: sign-in records and snapshots are attacker-controlled.

const PROPERTIES = new Set(['value', 'checked', 'selected', 'disabled', 'hidden', 'open', 'multiple', 'required']);

/** Creates an element: h('td', {class: 'num'}, 'text', childNode, [more, children]). */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key === 'class') {
      el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : String(value);
    } else if (key === 'text') {
      el.textContent = String(value);
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'style' || key.startsWith('on')) {
      throw new Error('refused attribute ' + key);
    } else if (PROPERTIES.has(key)) {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

/** Appends strings (as text), numbers, nodes and nested arrays; skips null, undefined and false. */
export function append(el, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

/** Replaces the children of el with these (flattened, without null, strings as text). */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** A link to an outside page, only for http(s) addresses; anything else is shown as text. */
export function extLink(url, label) {
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url.trim())) {
    return url ? h('span', { class: 'url' }, String(url)) : null;
  }
  let parsed;
  try {
    parsed = new URL(url.trim());
  } catch (e) {
    return h('span', { class: 'url' }, url);
  }
  return h('a', { href: parsed.href, target: '_blank', rel: 'noopener noreferrer', class: 'ext', title: parsed.href },
    label || shortUrl(parsed));
}

/** "learn.microsoft.com/…/howto-password-smart-lockout": the site in full, the path's last part. */
function shortUrl(u) {
  const parts = u.pathname.split('/').filter(Boolean);
  if (parts.length === 0) {
    return u.host;
  }
  return u.host + '/' + (parts.length > 1 ? '…/' : '') + parts[parts.length - 1] + (u.search ? '?…' : '');
}

/** A link inside the app (a hash route). */
export function route(path, label, props) {
  return h('a', Object.assign({ href: '#' + path }, props || {}), label);
}

/** Text for any JSON value: objects become their non-empty fields joined, never "[object Object]". */
export function text(value) {
  if (value === null || value === undefined) {
    return '';
  }
  if (Array.isArray(value)) {
    return value.map(text).filter((s) => s !== '').join(', ');
  }
  if (typeof value === 'object') {
    if (value.displayName) {
      return String(value.displayName);
    }
    const parts = ['city', 'state', 'countryOrRegion'].map((k) => value[k]).filter(Boolean);
    if (parts.length) {
      return parts.join(', ');
    }
    return Object.values(value).map(text).filter((s) => s !== '').join(', ');
  }
  return String(value);
}

/** ISO date-time → "2026-11-17 12:00:03 UTC" (the console shows UTC everywhere, as support needs it). */
export function fmtTime(iso, withoutZone) {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    return String(iso);
  }
  return d.toISOString().replace('T', ' ').replace(/(\.\d+)?Z$/, withoutZone ? '' : ' UTC');
}

export function fmtNumber(n) {
  return typeof n === 'number' ? n.toLocaleString('en-US') : text(n);
}

export function badge(label, kind) {
  return h('span', { class: ['badge', kind ? 'badge-' + kind : null] }, label);
}

/** A table from column definitions {label, cell(row) → node|string, class}. */
export function table(columns, rows, props) {
  return h('table', Object.assign({ class: 'grid' }, props || {}),
    h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col', class: c.class }, c.label)))),
    h('tbody', null, rows.map((row) => h('tr', null, columns.map((c) => h('td', { class: c.class }, cellOf(c, row)))))));
}

function cellOf(column, row) {
  const v = column.cell ? column.cell(row) : row[column.key];
  return v instanceof Node ? v : text(v);
}

/** A message box; kind = error | ok | info | warn. */
export function message(kind, ...content) {
  return h('div', { class: ['msg', 'msg-' + kind], role: kind === 'error' ? 'alert' : 'status' }, content);
}

/** A field with its label: field('Name', input). */
export function field(label, control, hint, extraClass) {
  if (!control.id) {
    control.id = 'f-' + Math.random().toString(36).slice(2, 10);
  }
  return h('div', { class: ['field', extraClass] },
    h('label', { for: control.id }, label),
    control,
    hint ? h('small', { class: 'hint' }, hint) : null);
}

export function select(name, options, value) {
  return h('select', { name },
    options.map(([v, label]) => h('option', { value: v, selected: v === (value ?? '') }, label)));
}

export function section(title, ...content) {
  return h('section', { class: 'card' }, title ? h('h2', null, title) : null, content);
}

/** A definition list from [label, value] pairs; empty values are left out. */
export function dl(pairs, props) {
  return h('dl', Object.assign({ class: 'facts' }, props || {}), pairs
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => [h('dt', null, k), h('dd', null, v instanceof Node ? v : text(v))]));
}

// The console shell: who is signed in, the navigation, and a hash router that renders one page module
// at a time into <main>.
import { api, setCsrfToken, toLogin } from './api.js';
import { h, clear, message } from './dom.js';

const ROLES = ['reader', 'operator', 'admin'];

const ROUTES = [
  { pattern: /^\/signins$/, nav: 'signins', load: () => import('./pages/signins.js') },
  { pattern: /^\/signin\/(.+)$/, nav: 'signins', load: () => import('./pages/diagnosis.js') },
  { pattern: /^\/overview$/, nav: 'overview', load: () => import('./pages/overview.js') },
  { pattern: /^\/whatif$/, nav: 'whatif', load: () => import('./pages/whatif.js') },
  { pattern: /^\/lint$/, nav: 'lint', load: () => import('./pages/lint.js') },
  { pattern: /^\/modules$/, nav: 'modules', load: () => import('./pages/modules.js') },
  { pattern: /^\/data$/, nav: 'data', load: () => import('./pages/data.js') },
  { pattern: /^\/access$/, nav: 'access', role: 'admin', load: () => import('./pages/access.js') },
];

const main = document.getElementById('main');
const session = { username: '', role: 'reader' };
let preferences = null;
let current = { id: 0, cleanups: [] };
let lastListHash = '#/signins';

function can(role) {
  return ROLES.indexOf(session.role) >= ROLES.indexOf(role);
}

/** The user's UI preferences, fetched once; a failure leaves the defaults. */
async function prefs() {
  if (preferences === null) {
    try {
      preferences = (await api('/api/preferences')) || {};
    } catch (e) {
      preferences = {};
    }
  }
  return preferences;
}

async function savePrefs(changes) {
  preferences = Object.assign({}, await prefs(), changes);
  return api('/api/preferences', { method: 'PUT', json: preferences });
}

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/signins';
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  return { path, query };
}

function markNav(name) {
  for (const a of document.querySelectorAll('.nav a')) {
    if (a.dataset.nav === name) {
      a.setAttribute('aria-current', 'page');
    } else {
      a.removeAttribute('aria-current');
    }
  }
}

async function render() {
  for (const fn of current.cleanups) {
    try {
      fn();
    } catch (e) {
      // a page's cleanup must not stop the next page
    }
  }
  const id = current.id + 1;
  current = { id, cleanups: [] };
  const { path, query } = parseHash();
  const match = ROUTES.map((r) => ({ r, m: r.pattern.exec(path) })).find((x) => x.m);
  if (!match) {
    location.replace('#/signins');
    return;
  }
  if (match.r.nav === 'signins' && path === '/signins') {
    lastListHash = location.hash || '#/signins';
  }
  markNav(match.r.nav);
  // aria-busy until the page has what it needs; data-ready then tells tests (and scripts) it is complete
  const view = h('div', { class: 'page', 'aria-busy': 'true' });
  clear(main).append(view);
  if (match.r.role && !can(match.r.role)) {
    view.append(message('error', 'This page needs the ' + match.r.role + ' role.'));
    view.removeAttribute('aria-busy');
    view.dataset.ready = 'true';
    return;
  }
  const ctx = {
    view,
    params: match.m.slice(1).map(decodeURIComponent),
    query,
    session,
    can,
    prefs,
    savePrefs,
    lastListHash: () => lastListHash,
    alive: () => current.id === id,
    onLeave: (fn) => current.cleanups.push(fn),
    title: (t) => { document.title = t + ' · SignDx'; },
  };
  try {
    const page = await match.r.load();
    if (ctx.alive()) {
      await page.render(ctx);
    }
  } catch (e) {
    if (ctx.alive()) {
      view.append(message('error', e.message || String(e)));
    }
  } finally {
    view.removeAttribute('aria-busy');
    view.dataset.ready = 'true';
  }
}

async function start() {
  let who;
  try {
    who = await api('/api/session', { allow401: true });
  } catch (e) {
    if (e.status === 401) {
      toLogin();
    } else {
      clear(main).append(message('error', 'The console cannot start: ' + e.message));
    }
    return;
  }
  session.username = who.username || '';
  session.role = String(who.role || 'reader').toLowerCase();
  setCsrfToken(who.csrfToken || null);
  document.getElementById('who-name').textContent = session.username;
  document.getElementById('who-role').textContent = session.role;
  for (const el of document.querySelectorAll('[data-role]')) {
    el.hidden = !can(el.dataset.role);
  }
  document.getElementById('logout').addEventListener('click', async () => {
    try {
      await api('/api/session', { method: 'DELETE', allow401: true });
    } catch (e) {
      // signed out anyway once the cookie is gone or expired
    }
    location.assign('/ui/login.html');
  });
  window.addEventListener('hashchange', render);
  await render();
}

start();

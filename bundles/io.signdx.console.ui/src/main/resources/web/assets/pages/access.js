// Access (admin): console users, API tokens (the secret is shown once, right after creation) and the
// audit log of admin actions.
import { api, listOf } from '../api.js';
import { h, text, message, field, select, fmtTime, table, badge, replace, append } from '../dom.js';

const ROLE_OPTIONS = [['reader', 'reader'], ['operator', 'operator'], ['admin', 'admin']];

export async function render(ctx) {
  ctx.title('Access');
  const status = h('div', { id: 'access-status', 'aria-live': 'polite' });
  const loading = () => h('p', { class: 'loading' }, 'Loading…');
  const users = h('section', { class: 'card', id: 'users' }, loading());
  const tokens = h('section', { class: 'card', id: 'tokens' }, loading());
  const audit = h('section', { class: 'card', id: 'audit' }, loading());
  append(ctx.view, h('h1', null, 'Access'), status, users, tokens, audit);
  const refresh = () => Promise.all([showUsers(ctx, users, status, refresh), showTokens(ctx, tokens, status, refresh), showAudit(audit)]);
  await refresh();
}

async function load(card, title, path, keys) {
  try {
    return listOf(await api(path), ...keys);
  } catch (e) {
    replace(card, h('h2', null, title), message('error', e.message));
    return null;
  }
}

async function run(status, refresh, what, call) {
  try {
    const answer = await call();
    replace(status, message('ok', what + '.'));
    await refresh();
    return answer;
  } catch (e) {
    replace(status, message('error', what + ' failed: ' + e.message));
    return null;
  }
}

async function showUsers(ctx, card, status, refresh) {
  const list = await load(card, 'Console users', '/api/users', ['users', 'items']);
  if (list === null) {
    return;
  }
  const name = h('input', { name: 'username', required: true, autocomplete: 'off' });
  const role = select('role', ROLE_OPTIONS, 'reader');
  const password = h('input', { name: 'password', type: 'password', required: true, autocomplete: 'new-password' });
  const form = h('form', { class: 'row' }, field('User name', name), field('Role', role), field('Password', password),
    h('button', { type: 'submit', class: 'primary' }, 'Add user'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    run(status, refresh, 'Added user ' + name.value, () => api('/api/users', { method: 'POST',
      json: { username: name.value.trim(), role: role.value, password: password.value } }));
  });
  replace(card, h('h2', null, 'Console users'), table([
    { label: 'User name', cell: (u) => text(u.username || u.name) },
    { label: 'Role', cell: (u) => badge(text(u.role).toLowerCase(), null) },
    { label: '', cell: (u) => {
      const n = text(u.username || u.name);
      return n === ctx.session.username ? h('span', { class: 'muted' }, 'you') : h('button', { type: 'button', class: 'small danger', onclick: () => {
        if (window.confirm('Delete user ' + n + '?')) {
          run(status, refresh, 'Deleted user ' + n, () => api('/api/users/' + encodeURIComponent(n), { method: 'DELETE' }));
        }
      } }, 'Delete');
    } }], list), h('h3', null, 'Add a user'), form);
}

async function showTokens(ctx, card, status, refresh) {
  const list = await load(card, 'API tokens', '/api/tokens', ['tokens', 'items']);
  if (list === null) {
    return;
  }
  const name = h('input', { name: 'name', required: true, autocomplete: 'off', placeholder: 'e.g. nightly-export' });
  const role = select('role', ROLE_OPTIONS, 'reader');
  const days = h('input', { name: 'expiresInDays', type: 'number', min: '1', max: '3650', value: '90' });
  const secret = h('div', { id: 'token-secret' });
  const form = h('form', { class: 'row' }, field('Name', name), field('Role', role), field('Expires in (days)', days),
    h('button', { type: 'submit', class: 'primary' }, 'Create token'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const created = await run(status, async () => { /* refreshed below, after the secret is shown */ }, 'Created token ' + name.value,
      () => api('/api/tokens', { method: 'POST', json: { name: name.value.trim(), role: role.value, expiresInDays: parseInt(days.value, 10) || null } }));
    if (created) {
      await showTokens(ctx, card, status, refresh);
      const value = text(created.token || created.secret);
      const copy = h('button', { type: 'button', class: 'small' }, 'Copy');
      copy.addEventListener('click', () => navigator.clipboard.writeText(value).then(() => { copy.textContent = 'Copied'; }, () => { copy.textContent = 'Select and copy by hand'; }));
      replace(card.querySelector('#token-secret'), message('warn', h('strong', null, 'Copy the token now: it is not shown again. '),
        h('code', { class: 'secret' }, value), ' ', copy));
    }
  });
  replace(card, h('h2', null, 'API tokens'),
    h('p', { class: 'muted' }, 'Scripts send a token as "Authorization: Bearer …". Only a hash of each token is stored.'),
    secret,
    list.length ? table([
      { label: 'Name', cell: (t) => text(t.name) },
      { label: 'Role', cell: (t) => text(t.role).toLowerCase() },
      { label: 'Created', cell: (t) => fmtTime(t.created || t.createdAt) },
      { label: 'Expires', cell: (t) => fmtTime(t.expires || t.expiresAt) || 'never' },
      { label: 'Last used', cell: (t) => fmtTime(t.lastUsed || t.lastUsedAt) },
      { label: '', cell: (t) => h('button', { type: 'button', class: 'small danger', onclick: () => {
        if (window.confirm('Revoke token ' + text(t.name) + '?')) {
          run(status, refresh, 'Revoked token ' + text(t.name), () => api('/api/tokens/' + encodeURIComponent(t.id), { method: 'DELETE' }));
        }
      } }, 'Revoke') }], list) : h('p', { class: 'muted' }, 'No tokens.'),
    h('h3', null, 'Create a token'), form);
}

async function showAudit(card) {
  const list = await load(card, 'Audit log', '/api/audit?limit=200', ['entries', 'audit', 'items']);
  if (list === null) {
    return;
  }
  replace(card, h('h2', null, 'Audit log'), h('p', { class: 'muted' }, 'Newest first; the last 200 entries.'),
    list.length ? h('div', { class: 'scroll' }, table([
      { label: 'Time (UTC)', cell: (a) => fmtTime(a.time) },
      { label: 'Who', cell: (a) => text(a.actor) },
      { label: 'Action', cell: (a) => h('code', null, text(a.action)) },
      { label: 'On', cell: (a) => text(a.target) },
      { label: 'Detail', cell: (a) => text(a.detail) }], list, { id: 'audit-table' })) : h('p', { class: 'muted' }, 'Nothing yet.'));
}

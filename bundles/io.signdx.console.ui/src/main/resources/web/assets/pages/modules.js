// Modules: bundles and detectors with their health; operators switch them, admins install, update and
// uninstall bundles — all while SignDx runs.
import { api, upload } from '../api.js';
import { h, badge, text, message, fmtNumber, field, replace, append } from '../dom.js';

const STATE_KIND = { ACTIVE: 'ok', CHECKING: 'info', DISABLED: null, QUARANTINED: 'bad', REFUSED: 'bad', FAILED: 'bad',
  RESOLVED: 'warn', INSTALLED: 'warn' };

export async function render(ctx) {
  ctx.title('Modules');
  const status = h('div', { id: 'modules-status', 'aria-live': 'polite' });
  const body = h('div', null, h('p', { class: 'loading' }, 'Loading modules…'));
  append(ctx.view, h('h1', null, 'Modules'), status, ctx.can('admin') ? uploadForm(ctx, status, () => refresh()) : null, body);

  async function refresh() {
    let m;
    try {
      m = await api('/api/modules');
    } catch (e) {
      replace(body, message('error', e.message));
      return;
    }
    if (ctx.alive()) {
      replace(body, ...view(ctx, m, status, refresh));
    }
  }

  await refresh();
}

function uploadForm(ctx, status, refresh) {
  const file = h('input', { type: 'file', name: 'bundle', accept: '.jar,application/java-archive', required: true, id: 'bundle-file' });
  const progress = h('progress', { max: '100', value: '0', hidden: true, id: 'bundle-progress' });
  const button = h('button', { type: 'submit', class: 'primary', id: 'bundle-upload' }, 'Install or update');
  const form = h('form', { class: 'card upload', id: 'bundle-form' }, h('h2', null, 'Install a bundle'),
    h('p', { class: 'muted' }, 'A detector bundle (.jar). A bundle with the symbolic name of an installed one updates it. Takes effect at once, without a restart.'),
    h('div', { class: 'row' }, field('Bundle file', file), button, progress));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!file.files.length) {
      replace(status, message('error', 'Choose a bundle file first.'));
      return;
    }
    const data = new FormData();
    data.append('bundle', file.files[0]);
    button.disabled = true;
    progress.hidden = false;
    replace(status, message('info', 'Uploading ' + file.files[0].name + '…'));
    try {
      const info = await upload('/api/modules/bundles', data, (loaded, total) => {
        progress.value = total ? Math.round(100 * loaded / total) : 0;
      });
      const name = info && (info.symbolicName || info.name) ? text(info.symbolicName || info.name) : file.files[0].name;
      replace(status, message('ok', 'Installed ' + name + (info && info.version ? ' ' + text(info.version) : '') + '.'));
      form.reset();
      await refresh();
    } catch (err) {
      replace(status, message('error', 'Upload refused: ' + err.message));
    } finally {
      button.disabled = false;
      progress.hidden = true;
    }
  });
  return form;
}

async function act(status, refresh, what, path, method) {
  try {
    await api(path, { method: method || 'POST' });
    replace(status, message('ok', what + '.'));
  } catch (e) {
    replace(status, message('error', what + ' failed: ' + e.message));
  }
  await refresh();
}

function isCore(b) {
  return typeof b.core === 'boolean' ? b.core : (!b.location || b.location === 'core');
}

function stateBadge(state) {
  const s = String(state || '').toUpperCase();
  return badge(s.toLowerCase() || 'unknown', STATE_KIND[s]);
}

function view(ctx, m, status, refresh) {
  const modules = Array.isArray(m.modules) ? m.modules : [];
  const detectors = Array.isArray(m.detectors) ? m.detectors : [];
  const operator = ctx.can('operator');
  const admin = ctx.can('admin');
  const detectorRows = detectors.map((d) => {
    const st = String(d.state || '').toUpperCase();
    const off = st === 'DISABLED';
    const scenario = text(d.scenario);
    const toggle = operator && st !== 'REFUSED' && st !== 'CHECKING'
      ? h('button', { type: 'button', class: off || st === 'QUARANTINED' ? 'small primary' : 'small', dataset: { scenario },
        onclick: () => act(status, refresh, (off || st === 'QUARANTINED' ? 'Enabled ' : 'Disabled ') + scenario,
          '/api/modules/detectors/' + encodeURIComponent(scenario) + (off || st === 'QUARANTINED' ? '/enable' : '/disable')) },
      off || st === 'QUARANTINED' ? 'Enable' : 'Disable') : null;
    return h('tr', { dataset: { scenario }, class: st === 'QUARANTINED' || st === 'REFUSED' ? 'problem' : null },
      h('td', null, h('code', { class: 'scenario-id' }, scenario)),
      h('td', null, text(d.title)),
      h('td', null, text(d.family)),
      h('td', null, text(d.bundleSymbolicName), d.bundleVersion ? h('span', { class: 'muted' }, ' ' + text(d.bundleVersion)) : null),
      h('td', { class: 'state' }, stateBadge(d.state)),
      h('td', { class: 'num' }, fmtNumber(d.calls ?? 0)),
      h('td', { class: 'num' }, fmtNumber(d.failures ?? 0), d.consecutiveFailures ? h('span', { class: 'muted' }, ' (' + d.consecutiveFailures + ' in a row)') : null),
      h('td', { class: 'problem-text' }, text(d.problem)),
      operator ? h('td', null, toggle) : null);
  });
  // deployed bundles first, then the ones with detectors, then the platform's libraries
  const rank = (b) => (isCore(b) ? 2 : 0) + (Array.isArray(b.scenarios) && b.scenarios.length ? 0 : 1);
  const sorted = modules.slice().sort((a, b) => rank(a) - rank(b) || text(a.symbolicName).localeCompare(text(b.symbolicName)));
  const rowOf = (b) => {
    const name = text(b.symbolicName);
    const core = isCore(b);
    const enc = encodeURIComponent(name);
    const actions = [];
    if (operator && Array.isArray(b.scenarios) && b.scenarios.length) {
      actions.push(h('button', { type: 'button', class: 'small', onclick: () => act(status, refresh,
        (b.enabled === false ? 'Enabled ' : 'Disabled ') + name, '/api/modules/bundles/' + enc + (b.enabled === false ? '/enable' : '/disable')) },
      b.enabled === false ? 'Enable all' : 'Disable all'));
    }
    if (admin && !core && b.bundleId !== -1) {
      actions.push(h('button', { type: 'button', class: 'small danger', onclick: () => {
        if (window.confirm('Uninstall ' + name + '? Its detectors stop at once.')) {
          act(status, refresh, 'Uninstalled ' + name, '/api/modules/bundles/' + enc, 'DELETE');
        }
      } }, 'Uninstall'));
    }
    return h('tr', { dataset: { bundle: name }, class: b.problem ? 'problem' : null },
      h('td', null, name),
      h('td', null, text(b.version)),
      h('td', null, stateBadge(b.state), b.enabled === false ? badge('switched off', null) : null),
      h('td', null, core ? 'core' : h('span', { class: 'path' }, text(b.location))),
      h('td', null, (b.scenarios || []).map((s, i) => [i ? ' ' : '', h('code', { class: 'scenario-id' }, text(s))])),
      h('td', { class: 'problem-text' }, text(b.problem)),
      operator ? h('td', { class: 'actions' }, actions) : null);
  };
  // the platform's own libraries and services: listed, but folded away
  const isLibrary = (b) => isCore(b) && !(Array.isArray(b.scenarios) && b.scenarios.length) && !b.problem;
  const moduleRows = sorted.filter((b) => !isLibrary(b)).map(rowOf);
  const libraryRows = sorted.filter(isLibrary).map(rowOf);
  const quarantined = detectors.filter((d) => String(d.state).toUpperCase() === 'QUARANTINED').length;
  const active = detectors.filter((d) => String(d.state).toUpperCase() === 'ACTIVE').length;
  return [
    h('p', { class: 'muted' }, detectors.length + ' detectors, ' + active + ' active' + (quarantined ? ', ' + quarantined + ' quarantined' : '') + '; ' + modules.length + ' bundles.'
      + (operator ? '' : ' Switching modules needs the operator role.')),
    h('section', { class: 'card' }, h('h2', null, 'Detectors'), h('div', { class: 'scroll' }, h('table', { class: 'grid', id: 'detectors-table' },
      h('thead', null, h('tr', null, ['Scenario', 'Title', 'Family', 'Bundle', 'State', 'Calls', 'Failures', 'Health / problem']
        .concat(operator ? ['Switch'] : []).map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, detectorRows)))),
    h('section', { class: 'card' }, h('h2', null, 'Bundles'), h('div', { class: 'scroll' }, bundleTable('bundles-table', operator, moduleRows)),
      libraryRows.length ? h('details', { class: 'libraries' }, h('summary', null, 'Platform bundles (' + libraryRows.length + ')'),
        h('div', { class: 'scroll' }, bundleTable('libraries-table', operator, libraryRows))) : null),
  ];
}

function bundleTable(id, operator, rows) {
  return h('table', { class: 'grid', id },
    h('thead', null, h('tr', null, ['Bundle', 'Version', 'State', 'Source', 'Scenarios', 'Problem']
      .concat(operator ? ['Actions'] : []).map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, rows));
}

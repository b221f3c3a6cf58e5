// Data: import sign-in files (upload progress, then the import job's progress and summary) and the
// tenant snapshot (what is loaded, what is missing; admins upload a new one).
import { api, upload, listOf } from '../api.js';
import { h, text, message, fmtNumber, field, dl, table, replace, clear, append } from '../dom.js';

const POLL_MS = 500;

export async function render(ctx) {
  ctx.title('Data');
  append(ctx.view, h('h1', null, 'Data'));
  if (ctx.can('operator')) {
    append(ctx.view, importSection(ctx));
  } else {
    append(ctx.view, message('info', 'Importing sign-ins needs the operator role.'));
  }
  const tenant = h('section', { class: 'card', id: 'tenant' }, h('h2', null, 'Tenant snapshot'), h('p', { class: 'loading' }, 'Loading…'));
  append(ctx.view, tenant);
  await showTenant(ctx, tenant);
}

function bytes(n) {
  if (typeof n !== 'number') {
    return '';
  }
  const units = ['B', 'KB', 'MB', 'GB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return (i ? n.toFixed(1) : String(n)) + ' ' + units[i];
}

function importSection(ctx) {
  const files = h('input', { type: 'file', name: 'file', multiple: true, id: 'import-files',
    accept: '.json,.csv,.gz,.jsonl,.txt,application/json,text/csv,application/gzip' });
  const progress = h('progress', { max: '100', value: '0', id: 'import-progress', hidden: true });
  const phase = h('span', { class: 'muted', id: 'import-phase' });
  const result = h('div', { id: 'import-result', 'aria-live': 'polite' });
  const button = h('button', { type: 'submit', class: 'primary', id: 'import-start' }, 'Import');
  const form = h('form', { class: 'card upload', id: 'import-form' }, h('h2', null, 'Import sign-ins'),
    h('p', { class: 'muted' }, 'Exports from the Entra portal (JSON or CSV), Microsoft Graph, Log Analytics or Azure Monitor; gzip is fine. The format is recognised from the content; importing the same file twice adds nothing.'),
    h('div', { class: 'row' }, field('Sign-in files', files), button),
    h('div', { class: 'row' }, progress, phase), result);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!files.files.length) {
      replace(result, message('error', 'Choose one or more files first.'));
      return;
    }
    const data = new FormData();
    for (const f of files.files) {
      data.append('file', f);
    }
    button.disabled = true;
    progress.hidden = false;
    progress.value = 0;
    phase.textContent = 'Uploading…';
    clear(result);
    try {
      const job = await upload('/api/imports', data, (loaded, total) => {
        progress.value = total ? Math.round(50 * loaded / total) : 0;
        phase.textContent = 'Uploading ' + bytes(loaded) + (total ? ' of ' + bytes(total) : '');
      });
      phase.textContent = 'Reading…';
      const done = await follow(ctx, job.id, (j) => {
        const part = j.bytesTotal ? j.bytesRead / j.bytesTotal : 0;
        progress.value = 50 + Math.round(50 * part);
        phase.textContent = 'Reading: ' + fmtNumber(j.read || 0) + ' sign-ins so far';
      });
      progress.value = 100;
      phase.textContent = '';
      replace(result, summary(done));
      form.reset();
    } catch (err) {
      phase.textContent = '';
      replace(result, message('error', 'Import failed: ' + err.message));
    } finally {
      button.disabled = false;
      progress.hidden = true;
    }
  });
  return form;
}

/** Polls the import job until it is done or failed (or the page is left). */
async function follow(ctx, id, onUpdate) {
  for (;;) {
    const j = await api('/api/imports/' + encodeURIComponent(id));
    if (j.state === 'done' || j.state === 'failed') {
      return j;
    }
    onUpdate(j);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (!ctx.alive()) {
      throw new Error('left the page; the import goes on in the background');
    }
  }
}

function summary(j) {
  const rejections = listOf(j.rejections);
  const files = listOf(j.formats).filter((f) => f && typeof f === 'object');
  const failed = j.state === 'failed';
  const num = (n) => fmtNumber(n ?? 0);
  return h('div', { class: 'import-summary', id: 'import-summary', dataset: { state: text(j.state) } },
    failed ? message('error', 'The import failed: ' + (text(j.error) || 'no reason given'))
      : message('ok', 'Import finished: ' + num(j.stored) + (j.stored === 1 ? ' new sign-in' : ' new sign-ins') + ' stored.'),
    dl([['Read', num(j.read)], ['Stored', num(j.stored)], ['Duplicates (already stored)', num(j.duplicates)],
      ['Rejected', num(j.rejected)]], { id: 'import-counts' }),
    files.length ? [h('h3', null, 'Files'), h('div', { class: 'scroll' }, table([
      { label: 'File', cell: (f) => text(f.file) },
      { label: 'Format', cell: (f) => text(f.format) || 'not recognised' },
      { label: 'Read', class: 'num', cell: (f) => num(f.read) },
      { label: 'Stored', class: 'num', cell: (f) => num(f.stored) },
      { label: 'Duplicates', class: 'num', cell: (f) => num(f.duplicates) },
      { label: 'Rejected', class: 'num', cell: (f) => num(f.rejected) },
      { label: 'Problem', class: 'problem-text', cell: (f) => text(f.error) }], files, { id: 'import-files-table' }))] : null,
    rejections.length ? [h('h3', null, 'Rejected records'), h('div', { class: 'scroll' }, table([
      { label: 'Where', cell: (r) => text(r.where) }, { label: 'Reason', cell: (r) => text(r.reason) }], rejections))] : null,
    !failed && (j.stored || 0) > 0 ? h('p', null, h('a', { href: '#/signins' }, 'Open the sign-ins')) : null);
}

async function showTenant(ctx, card) {
  let t;
  try {
    t = await api('/api/tenant');
  } catch (e) {
    replace(card, h('h2', null, 'Tenant snapshot'), message('error', e.message));
    return;
  }
  if (!ctx.alive()) {
    return;
  }
  const counts = t.counts || {};
  const files = listOf(t.files);
  const warnings = listOf(t.warnings);
  const missing = listOf(t.missing);
  replace(card, h('h2', null, 'Tenant snapshot'),
    t.present ? null : message('warn', 'No tenant snapshot is loaded: Conditional Access verdicts and What If need one.'),
    dl([['Policies', fmtNumber(counts.policies ?? 0)], ['Named locations', fmtNumber(counts.namedLocations ?? 0)],
      ['Users', fmtNumber(counts.users ?? 0)], ['Groups', fmtNumber(counts.groups ?? 0)],
      ['Service principals', fmtNumber(counts.servicePrincipals ?? 0)]], { id: 'tenant-counts' }),
    files.length ? [h('h3', null, 'Files'), h('ul', { class: 'files' }, files.map((f) => h('li', null,
      typeof f === 'object' ? [text(f.file || f.name), f.part || f.kind ? h('span', { class: 'muted' }, ' — ' + text(f.part || f.kind)) : null] : text(f))))] : null,
    missing.length ? [h('h3', null, 'Missing parts'), h('ul', { class: 'missing' }, missing.map((m) => h('li', null, text(m))))] : null,
    warnings.length ? [h('h3', null, 'Warnings'), h('ul', { class: 'warnings' }, warnings.map((w) => h('li', null, text(w))))] : null,
    ctx.can('admin') ? tenantUpload(ctx, card) : null);
}

function tenantUpload(ctx, card) {
  const files = h('input', { type: 'file', name: 'file', multiple: true, id: 'tenant-files', accept: '.json,.gz,.zip' });
  const progress = h('progress', { max: '100', value: '0', hidden: true, id: 'tenant-progress' });
  const status = h('div', { 'aria-live': 'polite', id: 'tenant-status' });
  const button = h('button', { type: 'submit', class: 'primary', id: 'tenant-upload' }, 'Install snapshot');
  const form = h('form', { class: 'upload', id: 'tenant-form' }, h('h3', null, 'Upload a new snapshot'),
    h('p', { class: 'muted' }, 'Graph-shaped JSON files (policies, named locations, users with memberOf, service principals…), one by one, gzipped or as one .zip. They replace the current snapshot.'),
    h('div', { class: 'row' }, field('Snapshot files', files), button, progress), status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!files.files.length) {
      replace(status, message('error', 'Choose the snapshot files first.'));
      return;
    }
    const data = new FormData();
    for (const f of files.files) {
      data.append('file', f);
    }
    button.disabled = true;
    progress.hidden = false;
    try {
      await upload('/api/tenant', data, (loaded, total) => { progress.value = total ? Math.round(100 * loaded / total) : 0; });
      await showTenant(ctx, card);
      card.append(message('ok', 'Snapshot installed.'));
    } catch (err) {
      replace(status, message('error', 'Snapshot refused: ' + err.message));
      button.disabled = false;
      progress.hidden = true;
    }
  });
  return form;
}

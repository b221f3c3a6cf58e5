// Review: one sign-in's diagnosis — primary scenario, assessment, evidence, recommendations with who acts,
// completeness, further findings, copyable support details and the raw record.
import { api } from '../api.js';
import { h, badge, fmtTime, text, extLink, message, dl, section, append } from '../dom.js';
import { statusBadge } from './signins.js';

const ACTORS = { user: 'User', admin: 'Admin', 'app-owner': 'App owner', vendor: 'Vendor' };
const GOOD_CELLS = /^(yes|true|satisfied|matched|met|applies|included|success)$/i;
const BAD_CELLS = /^(no|false|not satisfied|not matched|not met|failure|blocked|excluded)$/i;

export async function render(ctx) {
  const id = ctx.params[0];
  ctx.title('Diagnosis');
  append(ctx.view, h('nav', { class: 'crumbs' }, h('a', { href: ctx.lastListHash() }, '← Sign-ins')),
    h('p', { class: 'loading' }, 'Diagnosing…'));
  const path = '/api/signins/' + encodeURIComponent(id);
  const [diag, record] = await Promise.allSettled([api(path + '/diagnosis'), api(path)]);
  if (!ctx.alive()) {
    return;
  }
  ctx.view.querySelector('.loading').remove();
  if (diag.status === 'rejected') {
    append(ctx.view, message('error', 'No diagnosis for this sign-in: ' + diag.reason.message));
    return;
  }
  const d = diag.value && Array.isArray(diag.value.diagnoses) ? diag.value.diagnoses[0] : diag.value;
  const rec = record.status === 'fulfilled' ? record.value : null;
  append(ctx.view, ...diagnosisView(d, rec, record.status === 'rejected' ? record.reason.message : null));
  const heading = ctx.view.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

function diagnosisView(d, rec, recordError) {
  const findings = Array.isArray(d.findings) ? d.findings : [];
  const scenario = d.scenario || 'none';
  const primaryIndex = Math.max(0, findings.findIndex((f) => f.scenario === scenario && !f.detectorFailure));
  const primary = scenario === 'none' ? null : findings[primaryIndex];
  const others = findings.filter((f) => f !== primary);
  const s = Object.assign({}, d.signIn || {}, rec && rec.signIn ? rec.signIn : {});
  const out = [];
  out.push(h('header', { class: 'diag-head' },
    h('h1', { id: 'diagnosis-title' }, primary ? text(primary.title) : 'No scenario recognised'),
    h('p', { class: 'scenario-line' },
      h('span', { class: 'muted' }, 'Primary scenario '),
      h('code', { id: 'primary-scenario', class: 'scenario-id' }, scenario),
      primary && primary.confidence ? badge(primary.confidence + ' confidence', 'conf-' + primary.confidence) : null,
      primary && primary.classification ? badge('classification: ' + primary.classification, 'info') : null)));
  out.push(summaryStrip(s));
  if (primary) {
    out.push(h('section', { class: 'card primary-finding finding', dataset: { scenario: String(primary.scenario) } },
      h('h2', null, 'Assessment'),
      h('p', { id: 'assessment', class: 'assessment' }, text(primary.assessment)),
      findingBody(primary)));
  } else {
    out.push(section('Assessment', h('p', { id: 'assessment', class: 'assessment' },
      'No detector recognised this sign-in. ' + (s.errorCode ? 'Its error code ' + s.errorCode + ' is explained below where the catalogue knows it.' : ''))));
  }
  if (others.length) {
    out.push(h('section', { class: 'further', id: 'further-findings' }, h('h2', null, 'Further findings'),
      others.map((f) => h('details', { class: ['card', 'finding', f.detectorFailure ? 'failed' : null], dataset: { scenario: String(f.scenario) } },
        h('summary', null, h('strong', null, text(f.title)), ' ', h('code', { class: 'scenario-id' }, text(f.scenario)),
          f.confidence ? badge(f.confidence, 'conf-' + f.confidence) : null,
          f.classification ? badge(f.classification, 'info') : null,
          f.detectorFailure ? badge('detector failed', 'bad') : null),
        h('p', { class: 'assessment' }, text(f.assessment)),
        findingBody(f)))));
  }
  if (Array.isArray(d.notes) && d.notes.length) {
    out.push(section('Notes', h('ul', null, d.notes.map((n) => h('li', null, text(n))))));
  }
  out.push(supportDetails(d.support || {}, s));
  out.push(rawRecord(rec, recordError));
  return out;
}

function summaryStrip(s) {
  return h('section', { class: 'card summary-strip', id: 'signin-summary' }, dl([
    ['User', [s.userDisplayName, s.userPrincipalName].filter(Boolean).map(text).join(' · ')],
    ['Application', [s.appDisplayName, s.appId].filter(Boolean).map(text).join(' · ')],
    ['Time', fmtTime(s.createdDateTime)],
    ['Status', s.status ? statusBadge(s.status) : (s.errorCode ? badge('failure', 'bad') : badge('success', 'ok'))],
    ['Error code', s.errorCode ? String(s.errorCode) : ''],
    ['Failure reason', text(s.failureReason)],
    ['IP address', text(s.ipAddress)],
    ['Location', text(s.location)],
    ['Client app', text(s.clientAppUsed)],
    ['Conditional Access', text(s.conditionalAccessStatus)],
    ['Device', [s.operatingSystem, s.browser].filter(Boolean).map(text).join(' · ')],
    ['User agent', text(s.userAgent)],
  ]));
}

function findingBody(f) {
  const parts = [];
  const evidence = Array.isArray(f.evidence) ? f.evidence : [];
  if (evidence.length) {
    parts.push(h('div', { class: 'evidence' }, h('h3', null, 'Evidence'), evidence.map(evidenceTable)));
  }
  const recs = Array.isArray(f.recommendations) ? f.recommendations : [];
  if (recs.length) {
    parts.push(h('div', { class: 'recommendations' }, h('h3', null, 'What to do'),
      h('ol', { class: 'recs' }, recs.map((r) => {
        const actor = String(r.actor || '').toLowerCase();
        return h('li', null, h('span', { class: ['actor', 'actor-' + actor.replace(/[^a-z-]/g, '')] }, ACTORS[actor] || text(r.actor) || 'Anyone'),
          ' ', h('span', { class: 'action' }, text(r.action)),
          r.link ? [' ', extLink(r.link)] : null);
      }))));
  }
  const c = f.completeness || {};
  const missing = Array.isArray(c.missing) ? c.missing : [];
  parts.push(h('div', { class: 'completeness' }, h('h3', null, 'Completeness'),
    c.complete !== false && missing.length === 0
      ? h('p', { class: 'muted' }, 'Complete: no data was missing for this verdict.')
      : [h('p', null, 'A firmer verdict needs:'), h('ul', { class: 'missing' }, missing.map((m) => h('li', null, text(m))))]));
  return parts;
}

function evidenceTable(t) {
  const columns = Array.isArray(t.columns) ? t.columns : [];
  const rows = Array.isArray(t.rows) ? t.rows : [];
  return h('div', { class: 'scroll' }, h('table', { class: 'grid evidence-table' },
    t.title ? h('caption', null, text(t.title)) : null,
    h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col' }, text(c))))),
    h('tbody', null, rows.map((row) => h('tr', null, (Array.isArray(row) ? row : [row]).map((cell) => {
      const v = text(cell);
      return h('td', { class: GOOD_CELLS.test(v) ? 'good' : BAD_CELLS.test(v) ? 'bad' : null }, v);
    }))))));
}

function supportDetails(sup, s) {
  const pairs = [
    ['Request ID', sup.requestId || s.id],
    ['Correlation ID', sup.correlationId || s.correlationId],
    ['Timestamp', sup.timestamp || s.createdDateTime],
    ['Error code', sup.errorCode !== undefined && sup.errorCode !== null ? String(sup.errorCode) : ''],
    ['User', sup.userPrincipalName],
    ['Application ID', sup.appId],
  ].filter(([, v]) => v !== undefined && v !== null && v !== '');
  const plain = pairs.map(([k, v]) => k + ': ' + text(v)).join('\n');
  const status = h('span', { class: 'copy-status', role: 'status' });
  const pre = h('pre', { class: 'support-text', id: 'support-text', hidden: true }, plain);
  const copy = h('button', { type: 'button', id: 'copy-support' }, 'Copy');
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(plain);
      status.textContent = 'Copied.';
    } catch (e) {
      // no clipboard access (e.g. plain http from another host): select the text for Ctrl+C instead
      pre.hidden = false;
      const range = document.createRange();
      range.selectNodeContents(pre);
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      status.textContent = 'Selected: press Ctrl+C to copy.';
    }
  });
  return h('section', { class: 'card', id: 'support-details' },
    h('div', { class: 'card-head' }, h('h2', null, 'Support details'), copy, status),
    dl(pairs.map(([k, v]) => [k, k === 'Timestamp' ? text(v) : v])), pre);
}

function rawRecord(rec, error) {
  let body;
  if (error) {
    body = message('error', 'The raw record is not available: ' + error);
  } else {
    const raw = rec ? rec.raw : null;
    body = raw === null || raw === undefined
      ? h('p', { class: 'muted', id: 'raw-record-none' }, 'No original record is stored for this sign-in (it did not come from an imported file).')
      : h('pre', { class: 'raw', id: 'raw-record-text' }, typeof raw === 'string' ? prettyString(raw) : JSON.stringify(raw, null, 2));
  }
  return h('details', { class: 'card raw-record', id: 'raw-record' }, h('summary', null, 'Raw record'), body);
}

function prettyString(raw) {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch (e) {
    return raw;
  }
}

// Policy lint: the consequences of the tenant's Conditional Access policy set, most severe first.
import { api } from '../api.js';
import { h, badge, text, message, replace, append } from '../dom.js';

const ORDER = ['critical', 'high', 'medium', 'low'];
const KIND = { critical: 'bad', high: 'bad', medium: 'warn', low: 'info' };

export async function render(ctx) {
  ctx.title('Policy lint');
  const body = h('div', null, h('p', { class: 'loading' }, 'Checking the policies…'));
  append(ctx.view, h('h1', null, 'Policy lint'), body);
  let answer;
  try {
    answer = await api('/api/lint');
  } catch (e) {
    replace(body, message('error', e.message));
    return;
  }
  const findings = Array.isArray(answer.findings) ? answer.findings : [];
  if (findings.length === 0) {
    replace(body, message('ok', 'No findings: the policy set has none of the known problems.'));
    return;
  }
  const sev = (f) => String(f.severity || '').toLowerCase();
  findings.sort((a, b) => ORDER.indexOf(sev(a)) - ORDER.indexOf(sev(b)));
  const counts = ORDER.map((s) => [s, findings.filter((f) => sev(f) === s).length]).filter(([, n]) => n);
  replace(body,
    h('p', { class: 'lint-counts', id: 'lint-counts' }, counts.map(([s, n]) => badge(n + ' ' + s, KIND[s]))),
    ...ORDER.filter((s) => findings.some((f) => sev(f) === s)).map((s) => h('section', { class: 'lint-group' },
      h('h2', null, s.charAt(0).toUpperCase() + s.slice(1)),
      findings.filter((f) => sev(f) === s).map(findingView))));
}

function findingView(f) {
  const policies = Array.isArray(f.policies) && f.policies.length ? f.policies : (f.policyIds || []);
  const examples = Array.isArray(f.examples) ? f.examples : [];
  return h('article', { class: 'card lint-finding', dataset: { rule: text(f.rule) } },
    h('h3', null, badge(text(f.severity).toLowerCase(), KIND[String(f.severity).toLowerCase()]), ' ', h('code', null, text(f.rule))),
    policies.length ? h('p', null, h('strong', null, 'Policies: '), policies.map(text).join(', ')) : null,
    h('p', null, text(f.problem)),
    f.fix ? h('p', null, h('strong', null, 'Fix: '), text(f.fix)) : null,
    examples.length ? h('p', null, h('strong', null, 'Sign-ins that show it: '),
      examples.map((id, i) => [i ? ', ' : '', h('a', { href: '#/signin/' + encodeURIComponent(id) }, text(id))])) : null);
}

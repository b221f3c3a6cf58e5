// What If: a hypothetical sign-in against the tenant snapshot's Conditional Access policies — per policy
// whether it applies and why (every condition), then the combined grant and session controls.
import { api } from '../api.js';
import { h, badge, text, message, field, select, replace, append } from '../dom.js';

const CONDITION_LABELS = {
  USERS: 'Users', WORKLOAD_IDENTITIES: 'Workload identities', APPLICATIONS: 'Target resources',
  USER_ACTIONS: 'User actions', AUTHENTICATION_CONTEXTS: 'Authentication context', PLATFORMS: 'Device platforms',
  LOCATIONS: 'Locations', CLIENT_APP_TYPES: 'Client apps', SIGN_IN_RISK: 'Sign-in risk', USER_RISK: 'User risk',
  SERVICE_PRINCIPAL_RISK: 'Service principal risk', INSIDER_RISK: 'Insider risk',
  AUTHENTICATION_FLOWS: 'Authentication flows', DEVICE_FILTER: 'Filter for devices',
};
const VERDICTS = {
  SATISFIED: ['satisfied', 'ok'], NOT_SATISFIED: ['not satisfied', 'bad'],
  NOT_ENOUGH_INFORMATION: ['not enough information', 'warn'], NOT_CONFIGURED: ['not configured', null],
};
const OUTCOMES = {
  BLOCK: ['Blocked', 'bad'], GRANT_WITH_REQUIREMENTS: ['Granted once the requirements are met', 'warn'],
  GRANT: ['Granted: nothing required', 'ok'], UNKNOWN: ['Not enough information to decide', 'warn'],
};
const UNKNOWN = ['', '(unknown)'];
const RISK = [UNKNOWN, ['none', 'none'], ['low', 'low'], ['medium', 'medium'], ['high', 'high']];

/** The last form, kept while the console is open so that going back to What If keeps the inputs. */
let lastInput = null;

export async function render(ctx) {
  ctx.title('What If');
  const result = h('div', { id: 'whatif-result', 'aria-live': 'polite' });
  const form = whatIfForm(lastInput || {});
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    let body;
    try {
      body = requestOf(form);
    } catch (err) {
      replace(result, message('error', err.message));
      return;
    }
    lastInput = Object.fromEntries(new FormData(form).entries());
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    replace(result, h('p', { class: 'loading' }, 'Evaluating…'));
    try {
      const answer = await api('/api/whatif', { method: 'POST', json: body });
      if (ctx.alive()) {
        replace(result, ...resultView(answer));
      }
    } catch (err) {
      replace(result, message('error', err.message));
    } finally {
      button.disabled = false;
    }
  });
  append(ctx.view, h('h1', null, 'What If'),
    h('p', { class: 'muted' }, 'Evaluate a sign-in that has not happened against the Conditional Access policies of the tenant snapshot. Leave a field empty when it is unknown: policies that need it are reported as undecided, never guessed.'),
    form, result);
}

function input(name, v, props) {
  return h('input', Object.assign({ name, value: v[name] || '' }, props || {}));
}

function whatIfForm(v) {
  const deviceProps = h('textarea', { name: 'deviceProps', rows: '3', placeholder: 'trustType=AzureAD\nisCompliant=True' });
  deviceProps.value = v.deviceProps || '';
  const device = select('device', [['', '(unknown)'], ['unregistered', 'Unregistered device'], ['props', 'Registered, with these properties:']], v.device || '');
  return h('form', { class: 'whatif', id: 'whatif-form' },
    h('fieldset', null, h('legend', null, 'Who and what'),
      field('User', input('user', v, { required: true, placeholder: 'UPN or object id', id: 'wi-user' })),
      field('Application', input('app', v, { placeholder: 'app id or name', id: 'wi-app' }), 'or a user action below'),
      field('User action', select('userAction', [['', '(none)'], ['urn:user:registersecurityinfo', 'Register security information'],
        ['urn:user:registerdevice', 'Register or join devices']], v.userAction)),
      field('Member of (group ids)', input('memberOf', v), 'comma separated; empty = from the snapshot; "none" = no groups'),
      field('Directory roles (template ids)', input('roles', v), 'comma separated; empty = from the snapshot; "none" = no roles'),
      field('User type', select('userType', [['', '(from the snapshot)'], ['Member', 'Member'], ['Guest', 'Guest']], v.userType)),
      field('Guest or external user type', select('guestType', [['', '(unknown)'], ['none', 'none (internal)'],
        ['internalGuest', 'internal guest'], ['b2bCollaborationGuest', 'B2B collaboration guest'],
        ['b2bCollaborationMember', 'B2B collaboration member'], ['b2bDirectConnectUser', 'B2B direct connect user'],
        ['otherExternalUser', 'other external user'], ['serviceProvider', 'service provider']], v.guestType)),
      field('Home tenant id', input('homeTenant', v)),
      field('Service principal id', input('servicePrincipal', v), 'for a workload identity sign-in')),
    h('fieldset', null, h('legend', null, 'Where and how'),
      field('IP address', input('ip', v, { placeholder: '203.0.113.7' })),
      field('Country', input('country', v, { placeholder: 'two letters, e.g. DE', maxlength: '2', size: '3' })),
      field('Device platform', select('platform', [UNKNOWN, ['android', 'Android'], ['iOS', 'iOS'], ['windows', 'Windows'],
        ['macOS', 'macOS'], ['linux', 'Linux'], ['windowsPhone', 'Windows Phone']], v.platform)),
      field('Client app', select('clientApp', [UNKNOWN, ['browser', 'Browser'], ['mobileAppsAndDesktopClients', 'Mobile apps and desktop clients'],
        ['exchangeActiveSync', 'Exchange ActiveSync'], ['other', 'Other clients (legacy)']], v.clientApp)),
      field('Authentication flow', select('authFlow', [UNKNOWN, ['none', 'none'], ['deviceCodeFlow', 'Device code flow'],
        ['authenticationTransfer', 'Authentication transfer']], v.authFlow)),
      field('Authentication contexts', input('authContexts', v, { placeholder: 'c1, c2' }), 'comma separated; empty = none requested'),
      field('Device', device),
      field('Device properties', deviceProps, 'one name=value per line (device filter rule properties)')),
    h('fieldset', null, h('legend', null, 'Risk'),
      field('Sign-in risk', select('signInRisk', RISK, v.signInRisk)),
      field('User risk', select('userRisk', RISK, v.userRisk)),
      field('Service principal risk', select('servicePrincipalRisk', RISK, v.servicePrincipalRisk)),
      field('Insider risk', select('insiderRisk', [UNKNOWN, ['minor', 'minor'], ['moderate', 'moderate'], ['elevated', 'elevated']], v.insiderRisk))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'whatif-run' }, 'Evaluate')));
}

function ids(value) {
  const v = value.trim();
  if (!v) {
    return null;
  }
  return v.toLowerCase() === 'none' ? [] : v.split(/[\s,;]+/).filter(Boolean);
}

/** The request body of POST /api/whatif from the form; empty fields are null (unknown). */
export function requestOf(form) {
  const f = Object.fromEntries(new FormData(form).entries());
  const str = (k) => (f[k] || '').trim() || null;
  if (!str('user') && !str('servicePrincipal')) {
    throw new Error('Enter a user (or a service principal).');
  }
  if (!str('app') && !str('userAction')) {
    throw new Error('Enter an application or choose a user action.');
  }
  let device = null;
  if (f.device === 'unregistered') {
    device = 'unregistered';
  } else if (f.device === 'props') {
    device = {};
    for (const line of (f.deviceProps || '').split(/\r?\n/)) {
      if (!line.trim()) {
        continue;
      }
      const eq = line.indexOf('=');
      if (eq < 1) {
        throw new Error('Device property "' + line.trim() + '" is not name=value.');
      }
      device[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
    }
  }
  return {
    user: str('user'), app: str('app'), memberOf: ids(f.memberOf || ''), roles: ids(f.roles || ''),
    userType: str('userType'), guestType: str('guestType'), homeTenant: str('homeTenant'),
    ip: str('ip'), country: str('country') ? str('country').toUpperCase() : null, platform: str('platform'),
    clientApp: str('clientApp'), signInRisk: str('signInRisk'), userRisk: str('userRisk'),
    servicePrincipalRisk: str('servicePrincipalRisk'), insiderRisk: str('insiderRisk'), authFlow: str('authFlow'),
    userAction: str('userAction'), authContexts: (str('authContexts') || '').split(/[\s,;]+/).filter(Boolean),
    device, servicePrincipal: str('servicePrincipal'),
  };
}

/** "notEnoughInformation", "NOT_ENOUGH_INFORMATION" and "not enough information" → NOT_ENOUGH_INFORMATION. */
function key(v) {
  return String(v || '').replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase().replace(/[\s-]+/g, '_');
}

function appliesBadge(applies) {
  if (applies === true) {
    return badge('applies', 'ok');
  }
  if (applies === false) {
    return badge('does not apply', null);
  }
  return badge('unknown', 'warn');
}

function grantView(title, g, id) {
  if (!g) {
    return null;
  }
  const [label, kind] = OUTCOMES[key(g.outcome)] || [text(g.outcome), null];
  const list = (name, items) => (Array.isArray(items) && items.length
    ? [h('h3', null, name), h('ul', null, items.map((x) => h('li', null, text(x))))] : null);
  return h('section', { class: 'card grant', id },
    h('h2', null, title, ' ', badge(label, kind)),
    list('Blocked by', g.blockingPolicies),
    Array.isArray(g.requirements) && g.requirements.length ? [h('h3', null, 'Requirements'),
      h('ul', null, g.requirements.map((r) => h('li', null, h('strong', null, text(r.policy)), ': ', text(r.text || r.controls))))] : null,
    list('Authentication strengths', g.authenticationStrengths),
    list('Terms of use', g.termsOfUse),
    list('Undecided policies (not enough information)', g.undecidedPolicies));
}

function resultView(a) {
  const policies = Array.isArray(a.policies) ? a.policies : [];
  const out = [grantView('Result', a.grant, 'whatif-grant')];
  if (a.reportOnlyGrant && (a.reportOnlyGrant.blockingPolicies || []).concat(a.reportOnlyGrant.requirements || []).length) {
    out.push(grantView('Report-only policies would add', a.reportOnlyGrant, 'whatif-report-only'));
  }
  if (Array.isArray(a.sessionControls) && a.sessionControls.length) {
    out.push(h('section', { class: 'card' }, h('h2', null, 'Session controls'), h('ul', null, a.sessionControls.map((s) => h('li', null, text(s))))));
  }
  if (Array.isArray(a.missing) && a.missing.length) {
    out.push(message('warn', h('strong', null, 'Unknown, so some verdicts stay open: '), a.missing.map(text).join('; ')));
  }
  const applying = policies.filter((p) => p.applies === true).length;
  const undecided = policies.filter((p) => p.applies !== true && p.applies !== false).length;
  out.push(h('h2', null, 'Policies'),
    h('p', { class: 'muted', id: 'whatif-counts' }, policies.length + ' policies: ' + applying + ' apply, ' + undecided + ' undecided, ' + (policies.length - applying - undecided) + ' do not apply.'));
  const list = h('div', { class: 'policies', id: 'whatif-policies' }, policies.map(policyView));
  const showAll = h('input', { type: 'checkbox', id: 'show-unconfigured' });
  showAll.addEventListener('change', () => list.classList.toggle('show-all', showAll.checked));
  out.push(h('p', { class: 'field check' }, showAll, h('label', { for: 'show-unconfigured' }, 'Show the conditions a policy does not configure')), list);
  return out.filter(Boolean);
}

/** For a policy that does not apply: the first condition that keeps it out, and why. */
function whyNot(conditions) {
  const c = conditions.find((x) => key(x.verdict) === 'NOT_SATISFIED');
  return c ? h('span', { class: 'muted why' }, ' — ' + (CONDITION_LABELS[key(c.condition)] || text(c.condition)) + ': ' + text(c.reason)) : null;
}

function policyView(p) {
  const conditions = Array.isArray(p.conditions) ? p.conditions : [];
  const state = { enabled: 'on', disabled: 'off', enabledforreportingbutnotenforced: 'report-only' }[text(p.state).toLowerCase()] || text(p.state);
  return h('details', { class: ['card', 'policy', p.applies === true ? 'applies' : p.applies === false ? 'not-applies' : 'undecided'], open: p.applies !== false },
    h('summary', null, h('strong', null, text(p.displayName) || text(p.id)), ' ', appliesBadge(p.applies),
      state ? badge(state, state === 'report-only' ? 'info' : state === 'off' ? null : 'ok') : null,
      whyNot(conditions)),
    h('div', { class: 'policy-body' },
      h('h3', null, 'Conditions'),
      h('div', { class: 'scroll' }, h('table', { class: 'grid conditions' },
        h('thead', null, h('tr', null, ['Condition', 'Configured', 'Sign-in value', 'Verdict', 'Reason'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', null, conditions.map((c) => {
          const [label, kind] = VERDICTS[key(c.verdict)] || [text(c.verdict), null];
          return h('tr', { class: key(c.verdict) === 'NOT_CONFIGURED' ? 'quiet' : null },
            h('th', { scope: 'row' }, CONDITION_LABELS[key(c.condition)] || text(c.condition)),
            h('td', null, text(c.configured)), h('td', null, text(c.signInValue)),
            h('td', null, badge(label, kind)), h('td', null, text(c.reason)));
        })))),
      h('h3', null, 'Access controls'), h('p', null, text(p.grant) || 'none'),
      h('h3', null, 'Session controls'),
      Array.isArray(p.session) && p.session.length ? h('ul', null, p.session.map((s) => h('li', null, text(s)))) : h('p', null, 'none')));
}

// International exchange: liaison officers compose anonymised hash packages and send them once a
// supervisor (not the composer) has approved them; the hub's receipt acknowledges them. The
// subscription shows what the hub holds for this node.
import { h, when } from '../dom.js';
import { ROLES } from '../roles.js';
import { badge, button, details, dialog, form, link, loadInto, pageHeader, section, table, toast } from '../ui.js';
import { problemToast } from './cases.js';

const STATE_KIND = { COMPOSED: 'info', APPROVED: 'warn', REFUSED: 'danger', SENT: 'ok' };

export async function view({ app, query }) {
  const liaison = app.auth.hasRole(ROLES.liaison);
  const supervisor = app.auth.hasRole(ROLES.supervisor);
  const state = query.get('state') || '';
  const packages = h('div');
  const load = () => loadInto(packages, () => app.api.get('/api/exchange/packages', { state: state || undefined, size: 100 }),
    list => table({
      caption: 'Packages of this node, newest first',
      rows: list,
      empty: 'No package yet.',
      columns: [
        { label: 'Package', value: p => link(`#/exchange/${p.id}`, `${p.kind.toLowerCase()} ${p.id.slice(0, 8)}`) },
        { label: 'State', value: p => badge(p.state.toLowerCase(), STATE_KIND[p.state]) },
        { label: 'Entries', value: p => `${p.entryCount} entries, ${p.feedbackCount} feedback${p.revocationCount ? `, ${p.revocationCount} revoked` : ''}` },
        { label: 'Composed', value: p => `${when(p.composedAt)} by ${p.composedBy}` },
        { label: 'Decided', value: p => p.decidedBy ? `${when(p.decidedAt)} by ${p.decidedBy}` : '' },
        { label: 'Sent', value: p => p.sentAt ? `${when(p.sentAt)} by ${p.sentBy}` : '' },
      ],
    }));
  load();
  const parts = [pageHeader('International exchange'),
    h('p', { class: 'lede' }, 'Packages carry hashes and categories only: never a case, agency, officer, file path or location. '
      + 'A supervisor who did not compose a package approves it before it leaves.')];
  if (liaison) parts.push(await composeSection(app));
  parts.push(section('Packages',
    h('div', { class: 'filters', role: 'group', 'aria-label': 'State' }, ['', 'COMPOSED', 'APPROVED', 'SENT', 'REFUSED'].map(s =>
      h('a', { href: `#/exchange${s ? `?state=${s}` : ''}`, class: 'chip', 'aria-current': s === state ? 'true' : null },
        s ? s.toLowerCase() : 'all'))),
    packages));
  parts.push(subscriptionSection(app, liaison || supervisor, supervisor));
  return h('div', {}, parts);
}

async function composeSection(app) {
  const [scheme, cases] = await Promise.all([app.categories(), app.api.get('/api/cases')]);
  const result = h('div', { id: 'compose-result' });
  return section('Compose a package', form({
    submitLabel: 'Compose',
    fields: [
      ...scheme.categories.map(c => ({ name: `category-${c.code}`, label: `Category ${c.code} ${c.label}`, type: 'checkbox', value: c.alert })),
      { name: 'caseId', label: 'Cases', type: 'select', options: [{ value: '', label: 'Every case I may read' },
        ...cases.map(c => ({ value: c.id, label: `${c.reference} ${c.title}` }))] },
      { name: 'victimIdentified', label: 'Victim identified', type: 'select',
        options: [{ value: '', label: 'Either' }, { value: 'true', label: 'Yes' }, { value: 'false', label: 'No' }] },
      { name: 'categorisedFrom', label: 'Categorised from', type: 'date' },
      { name: 'categorisedTo', label: 'Categorised until', type: 'date' },
      { name: 'includeIdentificationCounts', label: 'Add the counts of identified victims and offenders', type: 'checkbox', value: true },
    ],
    onSubmit: async v => {
      const categories = scheme.categories.filter(c => v[`category-${c.code}`]).map(c => c.code);
      const p = await app.api.post('/api/exchange/packages', {
        categories: categories.length ? categories : null,
        caseIds: v.caseId ? [v.caseId] : null,
        victimIdentified: v.victimIdentified === '' ? null : v.victimIdentified === 'true',
        categorisedFrom: v.categorisedFrom || null,
        categorisedTo: v.categorisedTo || null,
        includeIdentificationCounts: v.includeIdentificationCounts,
      });
      toast(`Package composed: ${p.entryCount} entries, ${p.feedbackCount} feedback; a supervisor approves it next`);
      app.navigate(`#/exchange/${p.id}`);
    },
  }), result);
}

function subscriptionSection(app, canPull, canSubscribe) {
  const holder = h('div');
  const load = () => loadInto(holder, async () => {
    try {
      return await app.api.get('/api/exchange/subscription');
    } catch (e) {
      if (e.status === 404) return null;
      throw e;
    }
  }, s => s ? [
    details([
      ['Hub', s.hubUrl],
      ['Entries known internationally', s.entries.toLocaleString('en-GB')],
      ['Trusted', s.trusted.toLocaleString('en-GB')],
      ['In conflict', s.conflicts.toLocaleString('en-GB')],
      ['Revision', String(s.revision)],
      ['Last pull', s.pulledAt ? when(s.pulledAt) : 'not yet'],
      ['Last error', s.lastError],
    ]),
    canPull ? button('Pull now', async () => {
      try {
        await app.api.post('/api/exchange/subscription/pulls');
        toast('Pull started');
      } catch (e) {
        problemToast(e);
      }
    }) : null,
  ] : [h('p', {}, 'This node does not subscribe to the hub yet.'), canSubscribe ? button('Subscribe', async () => {
    try {
      await app.api.post('/api/exchange/subscription');
      toast('Subscribed; the first pull is queued');
      load();
    } catch (e) {
      problemToast(e);
    }
  }, { kind: 'primary' }) : null]);
  load();
  return section('The hub', holder);
}

export async function packageView({ app, params }) {
  const base = `/api/exchange/packages/${params.packageId}`;
  const p = await app.api.get(base);
  const supervisor = app.auth.hasRole(ROLES.supervisor);
  const liaison = app.auth.hasRole(ROLES.liaison);
  const reload = () => app.navigate(`#/exchange/${p.id}?v=${Date.now()}`);
  const act = async (fn, message) => {
    try {
      await fn();
      toast(message);
      reload();
    } catch (e) {
      problemToast(e);
    }
  };
  const payload = h('div');
  const actions = [];
  if (p.state === 'COMPOSED' && supervisor) {
    actions.push(button('Approve and sign', () => act(() => app.api.post(`${base}/approval`), 'Package approved and signed'),
      { kind: 'primary', id: 'approve-package' }));
    actions.push(button('Refuse', async () => {
      const reason = await dialog({
        title: 'Refuse the package',
        body: h('div', { class: 'field' }, h('label', { for: 'refusal-reason' }, 'Reason (stays at this node)'),
          h('textarea', { id: 'refusal-reason', maxlength: 2000, required: true })),
        actions: [{ label: 'Cancel' }, { label: 'Refuse', kind: 'danger', value: () => {
          const text = document.getElementById('refusal-reason').value.trim();
          return text || undefined;
        } }],
      });
      if (reason) act(() => app.api.post(`${base}/refusal`, { reason }), 'Package refused');
    }, { kind: 'danger' }));
  }
  if (p.state === 'APPROVED' && (liaison || supervisor)) {
    actions.push(button('Send to the hub', () => act(() => app.api.post(`${base}/sending`), 'Package sent; the hub acknowledged it'),
      { kind: 'primary', id: 'send-package' }));
  }
  return h('div', {}, h('p', {}, link('#/exchange', 'International exchange')),
    pageHeader(`Package ${p.id.slice(0, 8)}`, ...actions),
    section('Package', details([
      ['State', badge(p.state.toLowerCase(), STATE_KIND[p.state])],
      ['Kind', p.kind.toLowerCase()],
      ['Country', p.country],
      ['Entries', `${p.entryCount} entries, ${p.feedbackCount} feedback`],
      ['Left out', Object.entries(p.leftOut ?? {}).map(([k, n]) => `${k.replace(/([A-Z])/g, ' $1').toLowerCase()}: ${n}`).join('; ') || null],
      ['Composed', `${when(p.composedAt)} by ${p.composedBy}`],
      ['Decided', p.decidedBy ? `${when(p.decidedAt)} by ${p.decidedBy}` : null],
      ['Refusal', p.refusalReason],
      ['Signed with key', p.keyId],
      ['Payload SHA-256', p.payloadSha256 ? h('code', {}, p.payloadSha256) : null],
      ['Sent', p.sentAt ? `${when(p.sentAt)} by ${p.sentBy}` : null],
      ['Hub acknowledgement', p.hubAnswer ? h('code', {}, JSON.stringify(p.hubAnswer)) : null],
    ])),
    section('Disclosures', table({
      rows: p.disclosures ?? [],
      empty: 'The package has not left this node.',
      columns: [
        { label: 'Channel', value: d => d.channel },
        { label: 'Recipient', value: d => d.recipient },
        { label: 'Outcome', value: d => d.outcome },
        { label: 'By', value: d => `${d.disclosedBy}, ${when(d.disclosedAt)}` },
      ],
    })),
    section('What leaves, exactly as signed',
      button('Show the payload', () => loadInto(payload, () => app.api.get(`${base}/payload`),
        body => h('pre', { class: 'payload' }, JSON.stringify(body, null, 2))), { id: 'show-payload' }),
      payload));
}

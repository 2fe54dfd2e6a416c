// International exchange: liaison officers compose anonymised hash packages and send them once a
// supervisor (not the composer) has approved them; the hub's receipt acknowledges them. The
// subscription shows what the hub holds for this node.
import { h, replace, when } from '../dom.js';
import { ROLES } from '../roles.js';
import { badge, button, details, dialog, form, link, loadInto, pageHeader, section, table, toast } from '../ui.js';
import { problemToast, reloadingAction } from './cases.js';
import { statisticsReport } from './hub.js';

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
      ...scheme.categories.map(c => ({ name: `category-${c.code}`, label: `Category ${c.code} ${c.label}`, type: 'checkbox',
        hint: c === scheme.categories[0] ? 'None ticked: every category that has an international equivalent' : undefined })),
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
    h('p', {}, link('#/exchange/hub-statistics', 'The hub\'s statistics for the international community')),
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
  const act = reloadingAction(app, `#/exchange/${p.id}`);
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
  const withdraw = p.state === 'SENT' && p.kind === 'SUBMISSION' && liaison ? section('Withdraw the package',
    h('p', { class: 'hint' }, 'A revocation is a package of its own: approved by a supervisor, then sent. The hub withdraws the entries.'),
    form({
      submitLabel: 'Compose the revocation',
      fields: [{ name: 'reason', label: 'Reason (told to the hub as a code)', type: 'select', options: [
        { value: 'WRONG_CATEGORY', label: 'Wrong category' },
        { value: 'RELEASED', label: 'Released (no longer to be exchanged)' },
        { value: 'SENT_IN_ERROR', label: 'Sent in error' }] }],
      onSubmit: async v => {
        const r = await app.api.post('/api/exchange/revocations', { packageIds: [p.id], reason: v.reason });
        toast('Revocation composed; a supervisor approves it next');
        app.navigate(`#/exchange/${r.id}`);
      },
    })) : null;
  const disclosures = h('div', { id: 'disclosures' }, disclosureTable(p));
  const handOver = (p.state === 'APPROVED' || p.state === 'SENT') && liaison
    ? handOverSection(app, p, base, async () => replace(disclosures, disclosureTable(await app.api.get(base)))) : null;
  return h('div', {}, h('p', {}, link('#/exchange', 'International exchange')),
    pageHeader(`Package ${p.id.slice(0, 8)}`, ...actions),
    section('Package', details([
      ['State', h('span', { id: 'package-state' }, badge(p.state.toLowerCase(), STATE_KIND[p.state]))],
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
    handOver,
    withdraw,
    section('Disclosures', disclosures),
    section('What leaves, exactly as signed',
      button('Show the payload', () => loadInto(payload, () => app.api.get(`${base}/payload`),
        body => h('pre', { class: 'payload' }, JSON.stringify(body, null, 2))), { id: 'show-payload' }),
      payload));
}

function disclosureTable(p) {
  return table({
    rows: p.disclosures ?? [],
    empty: 'The package has not left this node.',
    columns: [
      { label: 'Channel', value: d => d.channel },
      { label: 'Recipient', value: d => d.recipient },
      { label: 'Outcome', value: d => d.outcome },
      { label: 'By', value: d => `${d.disclosedBy}, ${when(d.disclosedAt)}` },
    ],
  });
}

/** An approved package handed over by other means: the signed file or ICSE CSV, each a disclosure with its recipient. */
function handOverSection(app, p, base, refresh) {
  const link = h('p', { id: 'hand-over-file' });
  return section('Hand over as a file', h('p', { class: 'hint' },
    'For a hub or partner reached by other means. Each file is a disclosure, recorded with its recipient.'),
  form({
    submitLabel: 'Make the file',
    fields: [
      { name: 'recipient', label: 'Recipient', required: true, maxlength: 200, hint: 'Who receives it, as the audit trail records it' },
      { name: 'format', label: 'Format', type: 'select', options: [
        { value: 'file', label: 'Signed package (JWS), for a hub' },
        { value: 'icse-csv', label: 'ICSE CSV (16 columns), for ICSE' }] },
    ],
    onSubmit: async v => {
      const response = await app.api.request('POST', `${base}/${v.format}`, { recipient: v.recipient },
        { headers: { Accept: v.format === 'file' ? 'application/jose, application/problem+json' : 'text/csv, application/problem+json' }, raw: true });
      const name = v.format === 'file' ? `vidcase-package-${p.id}.jws` : `vidcase-package-${p.id}-icse.csv`;
      const url = URL.createObjectURL(await response.blob());
      replace(link, h('a', { href: url, download: name, id: 'hand-over-download' }, `Save ${name}`),
        ` (disclosed to ${v.recipient})`);
      toast(`Disclosure to ${v.recipient} recorded`);
      await refresh();
    },
  }), link);
}

/** The hub's figures, read at the hub as this node's service account. */
export async function hubStatisticsView({ app }) {
  const s = await app.api.get('/api/exchange/hub-statistics');
  return h('div', {}, h('p', {}, link('#/exchange', 'International exchange')), pageHeader('The hub\'s statistics'),
    statisticsReport(s));
}

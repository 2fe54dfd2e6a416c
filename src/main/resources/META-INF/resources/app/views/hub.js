// The international exchange hub, for its administrators: the figures for the international
// community, the registry of national nodes and their signing keys, the review of entries the
// countries disagree on, and the baseline lists handed to blocking partners. The hub holds hashes,
// categories and series pseudonyms only: nothing here is case content.
import { h, plural, replace, when } from '../dom.js';
import { ROLES } from '../roles.js';
import { InputError, badge, button, details, dialog, form, link, loadInto, pageHeader, section, table, toast } from '../ui.js';
import { problemToast } from './cases.js';

const CATEGORIES = [
  { value: '1', label: '1 Child abuse material' },
  { value: '2', label: '2 Child exploitative or age-difficult' },
  { value: '3', label: '3 Animation or computer-generated abuse material' },
];
const STATUS_KIND = { TRUSTED: 'ok', CANDIDATE: 'info', CONFLICT: 'danger' };
const n = v => Number(v).toLocaleString('en-GB');

/** The hub's pages, as tabs under each page's title. */
function hubTabs(app, current) {
  const tabs = [['#/hub', 'Statistics', app.auth.hasRole(ROLES.hubAdmin)],
    ['#/hub/nodes', 'Nodes and keys', app.auth.hasRole(ROLES.hubAdmin)],
    ['#/hub/conflicts', 'Conflicts', app.auth.hasRole(ROLES.hubAdmin)],
    ['#/hub/baseline-exports', 'Baseline exports', app.auth.hasRole(ROLES.hubAdmin, ROLES.auditor)]];
  return h('nav', { class: 'filters', 'aria-label': 'Hub' }, tabs.filter(([, , shown]) => shown).map(([href, label]) =>
    h('a', { href, class: 'chip', 'aria-current': href === current ? 'page' : null }, label)));
}

/** The statistics as sections: used at the hub and, read through the node, on a node's exchange page. */
export function statisticsReport(s) {
  return [
    h('p', { class: 'lede' }, `Counts of hashes, countries and series pseudonyms as of ${when(s.at)}. The hub holds no case content.`),
    section('Entries', details([
      ['Live', n(s.entries.live)], ['Trusted', n(s.entries.trusted)], ['Candidates', n(s.entries.candidate)],
      ['In conflict', n(s.entries.conflict)], ['Baseline', n(s.entries.baseline)], ['Withdrawn', n(s.entries.withdrawn)],
      ['Series across borders', `${n(s.crossBorderSeries.series)} series, ${n(s.crossBorderSeries.entries)} entries`],
    ])),
    section('By category', table({ rows: s.byCategory ?? [], empty: 'No entry yet.', caption: 'Live entries by international category',
      columns: [
        { label: 'Category', value: c => CATEGORIES.find(k => k.value === c.category)?.label ?? c.category },
        { label: 'Live entries', value: c => n(c.entries), class: 'num' },
        { label: 'Trusted', value: c => n(c.trusted), class: 'num' }] })),
    section('By country', table({ rows: s.byCountry ?? [], empty: 'No country has submitted yet.', caption: 'What each country contributed',
      columns: [
        { label: 'Country', value: c => c.country },
        { label: 'Live submissions', value: c => n(c.submissions), class: 'num' },
        { label: 'Packages', value: c => n(c.packages), class: 'num' },
        { label: 'Feedback', value: c => n(c.feedback), class: 'num' }] })),
    section('Identifications reported', table({ rows: s.identifications ?? [], empty: 'None reported.', columns: [
      { label: 'Year', value: y => String(y.year) },
      { label: 'Victims', value: y => n(y.victims), class: 'num' },
      { label: 'Offenders', value: y => n(y.offenders), class: 'num' }] })),
    section('Growth', table({ rows: s.growth ?? [], empty: 'No entry yet.', columns: [
      { label: 'Month', value: m => m.month },
      { label: 'New entries', value: m => n(m.newEntries), class: 'num' },
      { label: 'Total', value: m => n(m.total), class: 'num' }] })),
  ];
}

/** The hub's figures for the international community (a hub administrator, on the hub). */
export async function statistics({ app }) {
  const s = await app.api.get('/api/hub/statistics');
  return h('div', {}, pageHeader('Hub statistics'), hubTabs(app, '#/hub'), statisticsReport(s));
}

/** The national nodes: which client submits as which country, and the keys their packages are signed with. */
export async function nodes({ app }) {
  const list = h('div', { id: 'hub-nodes' });
  const load = () => loadInto(list, () => app.api.get('/api/hub/nodes'), nodes => nodes.length
    ? nodes.map(node => nodePanel(app, node, load))
    : h('p', { class: 'empty' }, 'No node is registered yet: register the first one below.'));
  load();
  return h('div', {}, pageHeader('Nodes and keys'), hubTabs(app, '#/hub/nodes'),
    h('p', { class: 'lede' }, 'A node submits and pulls as its service account at this hub\'s realm. Its packages are accepted '
      + 'only when signed with one of its registered keys that is not revoked, and it submits only as its own country.'),
    list,
    section('Register a node', h('p', { class: 'hint' }, 'The same form changes a registered node: its country, description or suspension.'),
      form({
        submitLabel: 'Register',
        fields: [
          { name: 'clientId', label: 'Client id at this hub\'s realm', required: true, maxlength: 200,
            pattern: '[A-Za-z0-9._-]+', title: 'Letters, digits, dot, underscore and hyphen only', placeholder: 'vidcase-node-nl' },
          { name: 'country', label: 'Country (ISO 3166-1 alpha-2)', required: true, pattern: '[A-Z]{2}', maxlength: 2,
            title: 'Two capital letters, e.g. NL' },
          { name: 'description', label: 'Description', maxlength: 500 },
          { name: 'active', label: 'May submit and pull now', type: 'checkbox', value: true },
        ],
        onSubmit: async v => {
          const node = await app.api.put(`/api/hub/nodes/${encodeURIComponent(v.clientId)}`,
            { country: v.country, description: v.description || null, active: v.active });
          toast(`Node ${node.clientId} (${node.country}) registered`);
          load();
        },
      })));
}

function nodePanel(app, node, reload) {
  const base = `/api/hub/nodes/${encodeURIComponent(node.clientId)}`;
  const suspend = button(node.active ? 'Suspend' : 'Resume', async () => {
    try {
      await app.api.put(base, { country: node.country, description: node.description, active: !node.active });
      toast(`${node.clientId} ${node.active ? 'suspended' : 'resumed'}`);
      reload();
    } catch (e) {
      problemToast(e);
    }
  }, { kind: node.active ? 'danger' : 'secondary', 'aria-label': `${node.active ? 'Suspend' : 'Resume'} ${node.clientId}` });
  return section(`${node.country} · ${node.clientId}`,
    details([
      ['State', badge(node.active ? 'active' : 'suspended', node.active ? 'ok' : 'warn')],
      ['Description', node.description],
      ['Registered', `${when(node.createdAt)} by ${node.createdBy}`],
      ['Changed', node.updatedAt ? `${when(node.updatedAt)} by ${node.updatedBy}` : null],
    ]),
    suspend,
    table({
      caption: `Signing keys of ${node.clientId}`,
      rows: node.keys ?? [],
      empty: 'No key yet: the node cannot submit until one is added.',
      columns: [
        { label: 'Key id', value: k => h('code', {}, k.keyId) },
        { label: 'Thumbprint (RFC 7638)', value: k => h('code', { class: 'hash' }, k.thumbprint) },
        { label: 'Added', value: k => `${when(k.addedAt)} by ${k.addedBy}` },
        { label: 'State', value: k => k.revokedAt
          ? [badge('revoked', 'danger'), ` ${when(k.revokedAt)} by ${k.revokedBy}: ${k.revokeReason}`]
          : badge('valid', 'ok') },
        { label: 'Action', value: k => k.revokedAt ? '' : button('Revoke', () => revokeKey(app, base, k, reload),
          { kind: 'danger', 'aria-label': `Revoke key ${k.keyId}` }) },
      ],
    }),
    h('details', { class: 'add-key' }, h('summary', {}, `Add a signing key to ${node.clientId}`),
      form({
        submitLabel: 'Add the key',
        fields: [{ name: 'jwk', label: 'Public key (JWK, as the node\'s GET /api/exchange/keys lists it)', type: 'textarea',
          required: true, maxlength: 4000, rows: 6,
          hint: 'EC P-256 with its kid, no private part. Compare the thumbprint with the node\'s by a second channel.' }],
        onSubmit: async v => {
          let jwk;
          try {
            jwk = JSON.parse(v.jwk);
          } catch {
            throw new InputError('The key is not JSON: paste one key, e.g. {"kty":"EC","crv":"P-256","kid":"…","x":"…","y":"…"}.');
          }
          if (jwk && Array.isArray(jwk.keys)) {
            if (jwk.keys.length !== 1) throw new InputError('Paste one key, not a key set of several.');
            jwk = jwk.keys[0];
          }
          const updated = await app.api.post(`${base}/keys`, { jwk });
          toast(`Key ${jwk.kid} added to ${updated.clientId}`);
          reload();
        },
      })));
}

async function revokeKey(app, base, key, reload) {
  const reason = await dialog({
    title: `Revoke key ${key.keyId}`,
    body: h('div', {},
      h('p', {}, 'Packages signed with this key are refused from now on, also those signed before. The node needs another key to submit.'),
      h('div', { class: 'field' }, h('label', { for: 'key-revocation-reason' }, 'Reason (e.g. compromised, lost)'),
        h('textarea', { id: 'key-revocation-reason', maxlength: 2000, required: true }))),
    actions: [{ label: 'Cancel' }, { label: 'Revoke', kind: 'danger', value: () => {
      const text = document.getElementById('key-revocation-reason').value.trim();
      return text || undefined;
    } }],
  });
  if (!reason) return;
  try {
    await app.api.post(`${base}/keys/${encodeURIComponent(key.keyId)}/revocation`, { reason });
    toast(`Key ${key.keyId} revoked`);
    reload();
  } catch (e) {
    problemToast(e);
  }
}

/** Entries the countries disagree on, oldest first. */
export async function conflicts({ app, query }) {
  const page = Math.max(0, Number.parseInt(query.get('page') ?? '0', 10) || 0);
  const size = 50;
  const list = await app.api.get('/api/hub/conflicts', { page, size });
  return h('div', {}, pageHeader('Conflicts'), hubTabs(app, '#/hub/conflicts'),
    h('p', { class: 'lede' }, 'Countries gave these entries different categories. An entry in conflict alerts no node as trusted '
      + 'until a reviewer decides its category; a country that contradicts the decision afresh reopens it.'),
    section('To review', table({
      caption: 'Entries in conflict, oldest first',
      rows: list,
      empty: page ? 'No more conflicts.' : 'No conflict to review.',
      columns: [
        { label: 'Entry', value: e => link(`#/hub/entries/${e.id}`, `Entry ${e.id}`) },
        { label: 'Media', value: e => e.mediaType ?? '' },
        { label: 'Countries and their categories', value: e => (e.submissionsByCountry ?? []).filter(s => !s.revokedAt)
          .map(s => `${s.country}: ${s.category}`).join(', ') },
        { label: 'Feedback', value: e => (e.feedback ?? []).map(f => `${f.country}: ${f.agree ? 'agrees' : `proposes ${f.proposed}`}`).join(', ') },
        { label: 'First submitted', value: e => e.firstSubmitted ?? '' },
      ],
    }),
    h('p', { class: 'pager' },
      page > 0 ? link(`#/hub/conflicts?page=${page - 1}`, 'Previous page') : null, ' ',
      list.length === size ? link(`#/hub/conflicts?page=${page + 1}`, 'Next page') : null)));
}

/** One entry with every country's submission and feedback; a conflict is decided here. */
export async function entry({ app, params }) {
  const base = `/api/hub/entries/${encodeURIComponent(params.entryId)}`;
  const e = await app.api.get(base);
  const decide = e.status === 'CONFLICT' ? section('Decide the category', form({
    submitLabel: 'Decide',
    fields: [{ name: 'category', label: 'International category from now on', type: 'select', required: true,
      options: [{ value: '', label: 'Choose a category' }, ...CATEGORIES] }],
    onSubmit: async v => {
      await app.api.post(`${base}/resolution`, { category: v.category });
      toast(`Entry ${e.id} decided: category ${v.category}`);
      app.navigate(`#/hub/entries/${e.id}?decided=${Date.now()}`);
    },
  })) : null;
  return h('div', {}, h('p', {}, link('#/hub/conflicts', 'Conflicts')),
    pageHeader(`Entry ${e.id}`),
    section('Entry', details([
      ['Status', h('span', { id: 'entry-status' }, badge(e.status.toLowerCase(), STATUS_KIND[e.status]))],
      ['Live', e.live ? 'yes' : 'no (withdrawn)'],
      ['Category', e.category],
      ['Decided', e.resolvedCategory ? `category ${e.resolvedCategory} by ${e.resolvedBy}` : null],
      ['Media', e.mediaType],
      ['MD5', e.md5 ? h('code', { class: 'hash' }, e.md5) : null],
      ['SHA-1', e.sha1 ? h('code', { class: 'hash' }, e.sha1) : null],
      ['SHA-256', e.sha256 ? h('code', { class: 'hash' }, e.sha256) : null],
      ['PDQ', e.pdq ? h('code', { class: 'hash' }, e.pdq) : null],
      ['Countries', `${e.submissions} submitted, ${e.agreeing} agree${e.dissenting?.length ? `; dissenting: ${e.dissenting.join(', ')}` : ''}`],
      ['Baseline', e.baseline ? 'yes' : 'no'],
      ['Series', e.series ? `${e.series} (${plural(e.seriesCountries, 'country', 'countries')})` : null],
      ['First submitted', e.firstSubmitted],
    ])),
    decide,
    section('Submissions', table({
      caption: 'Each country\'s submission, revoked ones included',
      rows: e.submissionsByCountry ?? [],
      columns: [
        { label: 'Country', value: s => s.country },
        { label: 'Category', value: s => s.category },
        { label: 'Baseline', value: s => s.baseline ? 'yes' : 'no' },
        { label: 'Identified', value: s => [s.victimIdentified ? 'victim' : null, s.offenderIdentified ? 'offender' : null]
          .filter(Boolean).join(', ') || 'no' },
        { label: 'Submitted', value: s => s.submitted ?? '' },
        { label: 'Received', value: s => when(s.receivedAt) },
        { label: 'Revoked', value: s => s.revokedAt ? `${when(s.revokedAt)} (${s.revokeReason})` : '' },
      ],
    })),
    section('Feedback', table({
      rows: e.feedback ?? [],
      empty: 'No country has given feedback on this entry.',
      columns: [
        { label: 'Country', value: f => f.country },
        { label: 'On category', value: f => f.category },
        { label: 'Opinion', value: f => f.agree ? 'agrees' : `proposes ${f.proposed}` },
        { label: 'Received', value: f => when(f.receivedAt) },
      ],
    })));
}

/** The baseline lists handed to blocking partners: to whom, on what legal basis; a new one is made here. */
export async function baselineExports({ app }) {
  const list = h('div', { id: 'baseline-exports' });
  const load = () => loadInto(list, () => app.api.get('/api/hub/baseline-exports'), exports => table({
    caption: 'Every baseline list handed out',
    rows: exports,
    empty: 'No baseline list has been handed out.',
    columns: [
      { label: 'Recipient', value: x => x.recipient },
      { label: 'Legal basis', value: x => x.legalBasis },
      { label: 'Entries', value: x => n(x.entryCount), class: 'num' },
      { label: 'File SHA-256', value: x => h('code', { class: 'hash' }, x.sha256) },
      { label: 'Exported', value: x => `${when(x.exportedAt)} by ${x.exportedBy}` },
    ],
  }));
  load();
  const saved = h('p', { id: 'baseline-download' });
  const make = app.auth.hasRole(ROLES.hubAdmin) ? section('Hand out the baseline list',
    h('p', { class: 'hint' }, 'Live, trusted entries every submitting country marked baseline, as ICSE CSV, for a partner that '
      + 'blocks them (hash blocking). The recipient and legal basis are recorded with the file\'s SHA-256.'),
    form({
      submitLabel: 'Make the list',
      fields: [
        { name: 'recipient', label: 'Recipient', required: true, maxlength: 500, placeholder: 'Example ISP abuse desk (hash blocking)' },
        { name: 'legalBasis', label: 'Legal basis', type: 'textarea', required: true, maxlength: 2000 },
      ],
      onSubmit: async v => {
        const response = await app.api.request('POST', '/api/hub/baseline-exports', { recipient: v.recipient, legalBasis: v.legalBasis },
          { headers: { Accept: 'text/csv, application/problem+json' }, raw: true });
        const id = response.headers.get('X-Export-Id');
        const name = `baseline-${id}.csv`;
        const url = URL.createObjectURL(await response.blob());
        replace(saved, h('a', { href: url, download: name, id: 'baseline-download-link' }, `Save ${name}`),
          ` (for ${v.recipient}, SHA-256 ${response.headers.get('X-Content-SHA256')})`);
        toast(`Baseline list for ${v.recipient} recorded`);
        load();
      },
    }), saved) : null;
  return h('div', {}, pageHeader('Baseline exports'), hubTabs(app, '#/hub/baseline-exports'), make, section('Handed out', list));
}

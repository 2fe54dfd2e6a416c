// Leads: my leads and search over every case, a case's board by status, and one lead with its
// clues, evidence links, comments, referrals, history and workflow.
import { day, h, replace, when } from '../dom.js';
import { ROLES } from '../roles.js';
import { badge, button, details, form, link, loadInto, pageHeader, section, table, toast } from '../ui.js';
import { caseContext, caseNav, historyTable, problemToast } from './cases.js';

const STATUSES = ['OPEN', 'ASSIGNED', 'IN_PROGRESS', 'REFERRED', 'CLOSED'];
const FACTORS = [
  ['ongoingAbuse', 'Signs of ongoing abuse'],
  ['recentProduction', 'Produced recently'],
  ['youngAge', 'Very young child'],
  ['newSeries', 'New series'],
  ['inCountry', 'In this country'],
];

const words = s => s.toLowerCase().replace(/_/g, ' ');

function bandBadge(band, score) {
  return badge(`${band.toLowerCase()} ${score}`, band === 'HIGH' ? 'danger' : band === 'MEDIUM' ? 'warn' : 'neutral');
}

function leadsTable(rows, empty) {
  return table({
    rows,
    empty,
    columns: [
      { label: 'Lead', value: l => link(`#/cases/${l.caseId}/leads/${l.id}`, `${l.reference} ${l.title}`) },
      { label: 'Status', value: l => words(l.status) },
      { label: 'Priority', value: l => bandBadge(l.band, l.score) },
      { label: 'Due', value: l => [l.dueDate ? day(l.dueDate) : '', l.overdue ? [' ', badge('overdue', 'danger')] : null] },
      { label: 'Assignees', value: l => l.assignees.join(', ') },
    ],
  });
}

/** Across cases: my leads, overdue ones, and full-text search. */
export async function mine({ app, query }) {
  const board = await app.api.get('/api/leads/dashboard');
  const results = h('div', { id: 'lead-results' });
  const q = query.get('q') || '';
  if (q) {
    loadInto(results, () => app.api.get('/api/leads/search', { q, size: 50 }),
      r => [h('p', {}, `${r.total} found`), leadsTable(r.leads, 'No lead matches.')]);
  }
  const search = h('form', { class: 'form inline', role: 'search' },
    h('div', { class: 'field' }, h('label', { for: 'lead-q' }, 'Search leads'),
      h('input', { id: 'lead-q', name: 'q', type: 'search', value: q, maxlength: 500 })),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, 'Search')));
  search.addEventListener('submit', e => {
    e.preventDefault();
    app.navigate(`#/leads?q=${encodeURIComponent(search.elements.q.value.trim())}`);
  });
  return h('div', {}, pageHeader('Leads'),
    section('Search', search, results),
    section('Assigned to me', leadsTable(board.mine, 'No open lead is assigned to you.')),
    section('Overdue', leadsTable(board.overdue, 'Nothing overdue.')),
    section('By status', h('p', {}, STATUSES.map(s => `${words(s)} ${board.byStatus[s] ?? 0}`).join(' · '))));
}

/** A case's leads as a board by status, and a new lead. */
export async function board({ app, params }) {
  const c = await caseContext(app, params.caseId);
  const leads = await app.api.get(`/api/cases/${c.id}/leads`);
  const columns = STATUSES.map(status => h('section', { class: 'board-column', 'aria-label': words(status) },
    h('h2', {}, `${words(status)} (${leads.filter(l => l.status === status).length})`),
    h('ul', { class: 'cards' }, leads.filter(l => l.status === status).map(l => h('li', { class: 'card' },
      link(`#/cases/${c.id}/leads/${l.id}`, `${l.reference} ${l.title}`),
      h('p', {}, bandBadge(l.band, l.score), l.overdue ? [' ', badge('overdue', 'danger')] : null),
      l.assignees.length ? h('p', { class: 'muted small' }, l.assignees.join(', ')) : null)))));
  const create = c.canWork ? section('Open a lead', form({
    submitLabel: 'Open the lead',
    fields: [
      { name: 'title', label: 'Title', required: true, maxlength: 300 },
      { name: 'description', label: 'Description', type: 'textarea', maxlength: 20000 },
      { name: 'dueDate', label: 'Due', type: 'date' },
      ...FACTORS.map(([name, label]) => ({ name, label, type: 'checkbox' })),
    ],
    onSubmit: async v => {
      const factors = Object.fromEntries(FACTORS.map(([name]) => [name, v[name]]));
      const lead = await app.api.post(`/api/cases/${c.id}/leads`, {
        title: v.title, description: v.description || null, dueDate: v.dueDate || null, factors,
      });
      toast(`Lead ${lead.reference} opened`);
      app.navigate(`#/cases/${c.id}/leads/${lead.id}`);
    },
  })) : null;
  return h('div', {}, caseNav(c, 'Leads'), pageHeader('Leads of the case'),
    h('div', { class: 'board' }, columns), create);
}

export async function view({ app, params }) {
  const c = await caseContext(app, params.caseId);
  const base = `/api/cases/${c.id}/leads/${params.leadId}`;
  const [lead, members] = await Promise.all([app.api.get(base), app.api.get(`/api/cases/${c.id}/members`)]);
  const reload = () => app.navigate(`#/cases/${c.id}/leads/${lead.id}?v=${Date.now()}`);
  const open = lead.status !== 'CLOSED';
  const can = c.canWork && open;
  const history = h('div');
  loadInto(history, () => app.api.get(`${base}/history`), events => historyTable(events, [
    { label: 'Field', value: e => e.field ?? '' },
    { label: 'From', value: e => e.oldValue ?? '' },
    { label: 'To', value: e => e.newValue ?? '' },
  ]));
  const p = lead.priority;
  return h('div', {}, caseNav(c, 'Leads'),
    pageHeader(`Lead ${lead.reference}: ${lead.title}`),
    section('Lead', details([
      ['Status', h('strong', { id: 'lead-status' }, words(lead.status))],
      ['Priority', [bandBadge(p.band, p.score), ` factors ${p.factorScore}`,
        p.override ? ` (override ${p.override.score} by ${p.override.by}: ${p.override.reason})` : '',
        ': ', FACTORS.filter(([k]) => p[k]).map(([, label]) => label).join(', ') || 'no factor set']],
      ['Due', lead.dueDate ? [day(lead.dueDate), lead.overdue ? [' ', badge('overdue', 'danger')] : null] : null],
      ['Assignees', lead.assignees.join(', ') || 'nobody'],
      ['Description', lead.description],
      ['Series', lead.series.length ? lead.series.map(s => [link(`#/cases/${c.id}/series/${s.id}`, `${s.reference} ${s.name}`), ' ']) : null],
      ['Media items', lead.mediaItemIds.length ? lead.mediaItemIds.map(id => [link(`#/cases/${c.id}/media/${id}`, id.slice(0, 8)), ' ']) : null],
      ['Outcomes', lead.outcomes.length ? lead.outcomes.map(o => `${words(o.outcome)} on ${day(o.date)}`).join('; ') : null],
      ['Opened', `${when(lead.createdAt)} by ${lead.createdBy}`],
    ])),
    workflowSection(app, c, lead, base, reload, members),
    can ? assignSection(app, lead, base, reload, members) : null,
    can ? linksSection(app, c, lead, base, reload) : null,
    cluesSection(app, lead, base, reload, can),
    commentsSection(app, lead, base, reload, can),
    referralsSection(app, c, lead, base, reload),
    section('History', history));
}

function workflowSection(app, c, lead, base, reload) {
  const moves = lead.nextStatuses;
  const parts = [];
  const requestable = moves.filter(m => m.how === 'REQUEST');
  if (c.canWork && requestable.length) {
    parts.push(h('div', { class: 'form-actions' }, requestable.map(m => button(`Move to ${words(m.status)}`, async () => {
      try {
        await app.api.post(`${base}/status`, { version: lead.version, status: m.status });
        toast(`Lead ${words(m.status)}`);
        reload();
      } catch (e) {
        problemToast(e);
      }
    }, { kind: 'primary', dataset: { move: m.status } }))));
  }
  if (c.canWork && moves.some(m => m.how === 'CLOSE')) {
    parts.push(h('h3', {}, 'Close with an outcome'), form({
      className: 'inline',
      submitLabel: 'Close the lead',
      fields: [
        { name: 'outcome', label: 'Outcome', type: 'select', options: ['VICTIM_IDENTIFIED', 'OFFENDER_IDENTIFIED', 'NO_FURTHER_ACTION']
          .map(o => ({ value: o, label: words(o) })) },
        { name: 'date', label: 'On', type: 'date', required: true, max: new Date().toISOString().slice(0, 10) },
      ],
      onSubmit: async v => {
        await app.api.post(`${base}/status`, { version: lead.version, status: 'CLOSED', outcomes: [{ outcome: v.outcome, date: v.date }] });
        toast('Lead closed');
        reload();
      },
    }));
  }
  if (lead.status === 'CLOSED' && app.auth.hasRole(ROLES.supervisor)) {
    parts.push(h('h3', {}, 'Reopen'), form({
      className: 'inline',
      submitLabel: 'Reopen the lead',
      fields: [{ name: 'reason', label: 'Reason', required: true, maxlength: 2000 }],
      onSubmit: async v => {
        await app.api.post(`${base}/reopen`, { version: lead.version, reason: v.reason });
        toast('Lead reopened');
        reload();
      },
    }));
  }
  if (!parts.length) {
    parts.push(h('p', { class: 'muted' }, moves.length
      ? `Next: ${moves.map(m => `${words(m.status)} (${words(m.how)})`).join(', ')}.` : 'No move from here.'));
  }
  return section('Workflow', parts);
}

function assignSection(app, lead, base, reload, members) {
  const workers = members.filter(m => m.role !== 'OBSERVER');
  const boxes = workers.map(m => h('label', { class: 'check' },
    h('input', { type: 'checkbox', value: m.username, checked: lead.assignees.includes(m.username) }), ` ${m.username}`));
  return section('Assignees', h('fieldset', { class: 'checks' }, h('legend', {}, 'Team members working on it'), boxes),
    button('Save the assignees', async () => {
      try {
        const usernames = boxes.map(b => b.querySelector('input')).filter(i => i.checked).map(i => i.value);
        await app.api.put(`${base}/assignees`, { version: lead.version, usernames });
        toast('Assignees saved');
        reload();
      } catch (e) {
        problemToast(e);
      }
    }, { id: 'save-assignees' }));
}

function linksSection(app, c, lead, base, reload) {
  const holder = h('div');
  loadInto(holder, () => app.api.get(`/api/cases/${c.id}/series`), all => form({
    className: 'inline',
    submitLabel: 'Link the series',
    fields: [{ name: 'series', label: 'Evidence: a series of the case', type: 'select',
      options: all.filter(s => !s.mergedInto).map(s => ({ value: s.id, label: `${s.reference} ${s.name}` })) }],
    onSubmit: async v => {
      const ids = [...new Set([...lead.series.map(s => s.id), v.series])];
      await app.api.put(`${base}/links`, { version: lead.version, seriesIds: ids });
      toast('Series linked');
      reload();
    },
  }));
  return section('Evidence links', holder);
}

function cluesSection(app, lead, base, reload, can) {
  const add = can ? form({
    className: 'inline',
    submitLabel: 'Add the clue',
    fields: [
      { name: 'type', label: 'Type', type: 'select', options: ['LOCATION', 'OBJECT', 'TEXT', 'CLOTHING', 'DEVICE', 'ONLINE_ACCOUNT', 'OTHER']
        .map(t => ({ value: t, label: words(t) })) },
      { name: 'value', label: 'Clue', required: true, maxlength: 2000 },
      { name: 'confidence', label: 'Confidence', type: 'select', value: 'MEDIUM',
        options: ['LOW', 'MEDIUM', 'HIGH'].map(v => ({ value: v, label: words(v) })) },
    ],
    onSubmit: async v => {
      const clue = await app.api.post(`${base}/clues`, v);
      toast(clue.relatedElsewhere?.length
        ? `Clue added. A related lead exists elsewhere: contact ${clue.relatedElsewhere.join('; ')}`
        : 'Clue added');
      reload();
    },
  }) : null;
  return section('Clues', table({
    rows: lead.clues,
    empty: 'No clue yet.',
    columns: [
      { label: 'Type', value: k => words(k.type) },
      { label: 'Clue', value: k => k.type === 'GPS' ? `${k.latitude}, ${k.longitude}` : k.value },
      { label: 'Confidence', value: k => words(k.confidence) },
      { label: 'Added', value: k => `${when(k.addedAt)} by ${k.addedBy}` },
      { label: 'State', value: k => k.withdrawn ? `withdrawn: ${k.withdrawReason}` : 'live' },
    ],
  }), add);
}

function commentsSection(app, lead, base, reload, can) {
  return section('Comments',
    lead.comments.length ? h('ol', { class: 'comments' }, lead.comments.map(cm => h('li', {},
      h('p', { class: 'muted small' }, `${cm.author}, ${when(cm.at)}`), h('p', {}, cm.text)))) : h('p', { class: 'empty' }, 'No comment yet.'),
    can ? form({
      submitLabel: 'Comment',
      fields: [{ name: 'text', label: 'Comment', type: 'textarea', required: true, maxlength: 10000 }],
      onSubmit: async v => {
        await app.api.post(`${base}/comments`, { text: v.text });
        reload();
      },
    }) : null);
}

function referralsSection(app, c, lead, base, reload) {
  const liaison = app.auth.hasRole(ROLES.liaison);
  const replyHolder = h('div');
  const actions = r => {
    const out = [];
    if (r.state === 'AWAITING_DISPATCH' && liaison && c.status === 'OPEN') {
      out.push(button('Dispatch abroad', async () => {
        try {
          await app.api.post(`${base}/referrals/${r.id}/dispatch`);
          toast('Referral dispatched');
          reload();
        } catch (e) {
          problemToast(e);
        }
      }, { class: 'btn btn-small' }));
    }
    if (r.state === 'SENT' && (r.recipientKind === 'COUNTRY' ? liaison : c.canWork)) {
      out.push(button('Record the reply', async () => {
        replace(replyHolder, form({
          submitLabel: 'Record the reply',
          fields: [{ name: 'reply', label: `Reply from ${r.recipient}`, type: 'textarea', required: true, maxlength: 10000 }],
          onSubmit: async v => {
            await app.api.post(`${base}/referrals/${r.id}/reply`, { reply: v.reply });
            toast('Reply recorded');
            reload();
          },
        }));
      }, { class: 'btn btn-small' }));
    }
    return out;
  };
  const canRefer = c.canWork && ['IN_PROGRESS', 'REFERRED'].includes(lead.status);
  return section('Referrals', table({
    rows: lead.referrals,
    empty: 'No referral.',
    columns: [
      { label: 'To', value: r => `${r.recipient}${r.country ? ` (${r.country})` : ''}` },
      { label: 'Subject', value: r => r.subject },
      { label: 'State', value: r => words(r.state) },
      { label: 'Sent', value: r => r.sentAt ? `${when(r.sentAt)} by ${r.sentBy}` : '' },
      { label: 'Reply', value: r => r.reply ?? '' },
      { label: 'Actions', value: actions },
    ],
  }), replyHolder, canRefer ? form({
    className: 'inline',
    submitLabel: 'Refer',
    fields: [
      { name: 'recipientKind', label: 'To', type: 'select', options: [{ value: 'AGENCY', label: 'An agency at home' }, { value: 'COUNTRY', label: 'Abroad (through a liaison officer)' }] },
      { name: 'recipient', label: 'Recipient', required: true, maxlength: 300 },
      { name: 'country', label: 'Country (ISO code, abroad only)', maxlength: 2, pattern: '[A-Z]{2}', title: 'Country must be two capital letters, e.g. NL.' },
      { name: 'subject', label: 'Subject', required: true, maxlength: 4000 },
    ],
    onSubmit: async v => {
      await app.api.post(`${base}/referrals`, { ...v, country: v.country || null });
      toast('Referral recorded');
      reload();
    },
  }) : null);
}

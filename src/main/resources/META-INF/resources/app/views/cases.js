// Cases: the user's cases, a case with its team and exhibits, opening and closing a case.
import { h, replace, when } from '../dom.js';
import { ROLES } from '../roles.js';
import { badge, button, details, dialog, form, link, loadInto, pageHeader, section, table, toast } from '../ui.js';

export const CASE_REFERENCE = {
  // Browsers compile a pattern with the v flag, where / and - in a class must be escaped.
  pattern: '[A-Za-z0-9][A-Za-z0-9._\\/\\-]{2,63}',
  title: 'Reference must be 3 to 64 letters, digits or . _ / -, starting with a letter or digit.',
};

export function caseLink(c) {
  return link(`#/cases/${c.id}`, c.reference);
}

export function statusBadge(status) {
  return badge(status === 'OPEN' ? 'Open' : 'Closed', status === 'OPEN' ? 'ok' : 'neutral');
}

/** The case and the caller's rights in it, for the screens below a case. */
export async function caseContext(app, caseId) {
  const c = await app.api.get(`/api/cases/${caseId}`);
  const supervises = app.auth.hasRole(ROLES.supervisor);
  const open = c.status === 'OPEN';
  const writerRole = app.auth.hasRole(ROLES.officer, ROLES.investigator, ROLES.supervisor);
  return {
    ...c,
    canWork: open && writerRole && (supervises || c.myRole === 'LEAD' || c.myRole === 'MEMBER'),
    canManage: writerRole && (supervises || c.myRole === 'LEAD'),
  };
}

export function caseNav(c, current) {
  const items = [
    [`#/cases/${c.id}`, 'Overview'],
    [`#/cases/${c.id}/triage`, 'Triage'],
    [`#/cases/${c.id}/series`, 'Series'],
    [`#/cases/${c.id}/leads`, 'Leads'],
    [`#/cases/${c.id}/report`, 'Exhibit report'],
  ];
  return h('nav', { class: 'case-nav', 'aria-label': `Case ${c.reference}` },
    h('p', { class: 'case-crumb' }, link('#/cases', 'Cases'), ' / ', h('strong', {}, c.reference), ' ', c.title),
    h('ul', {}, items.map(([href, label]) => h('li', {},
      h('a', { href, 'aria-current': label === current ? 'page' : null }, label)))));
}

export async function list({ app, query }) {
  const status = query.get('status') || 'OPEN';
  const canOpen = app.auth.hasRole(ROLES.officer, ROLES.investigator, ROLES.supervisor);
  const results = h('div');
  const page = h('div', {},
    pageHeader('Cases', canOpen ? button('Open a case', () => showForm(), { kind: 'primary', id: 'open-case' }) : null),
    h('div', { class: 'filters', role: 'group', 'aria-label': 'Status' },
      ['OPEN', 'CLOSED'].map(s => h('a', { href: `#/cases?status=${s}`, class: 'chip', 'aria-current': s === status ? 'true' : null },
        s === 'OPEN' ? 'Open cases' : 'Closed cases'))),
    h('div', { id: 'case-form' }),
    results);
  const showForm = () => {
    const holder = page.querySelector('#case-form');
    replace(holder, section('Open a case', form({
      submitLabel: 'Open the case',
      fields: [
        { name: 'reference', label: 'Reference', required: true, maxlength: 64, ...CASE_REFERENCE,
          hint: "The unit's own case number, e.g. NCA-2026-0412" },
        { name: 'title', label: 'Title', required: true, maxlength: 200 },
        { name: 'description', label: 'Description', type: 'textarea', maxlength: 4000 },
      ],
      cancel: () => replace(holder),
      onSubmit: async v => {
        const created = await app.api.post('/api/cases', { reference: v.reference, title: v.title, description: v.description || null });
        toast(`Case ${created.reference} opened`);
        app.navigate(`#/cases/${created.id}`);
      },
    })));
    holder.querySelector('input')?.focus();
  };
  loadInto(results, () => app.api.get('/api/cases', { status }), cases => table({
    caption: status === 'OPEN' ? 'Open cases you may see' : 'Closed cases you may see',
    rows: cases,
    empty: status === 'OPEN' ? 'No open case you may see.' : 'No closed case you may see.',
    columns: [
      { label: 'Reference', value: c => caseLink(c) },
      { label: 'Title', value: c => c.title },
      { label: 'My role', value: c => c.myRole ?? 'supervisor' },
      { label: 'Opened', value: c => `${when(c.createdAt)} by ${c.createdBy}` },
      { label: 'Status', value: c => [statusBadge(c.status), c.legalHold ? [' ', badge('Legal hold', 'warn')] : null] },
    ],
  }));
  return page;
}

export async function overview({ app, params }) {
  const c = await caseContext(app, params.caseId);
  const page = h('div', {}, caseNav(c, 'Overview'), pageHeader(`${c.reference}: ${c.title}`));
  page.append(section('Case', details([
    ['Status', [statusBadge(c.status), c.closingReason ? ` ${c.closingReason}` : null]],
    ['Description', c.description],
    ['Opened', `${when(c.createdAt)} by ${c.createdBy}`],
    ['Closed', c.closedAt ? `${when(c.closedAt)} by ${c.closedBy}` : null],
    ['My role', c.myRole ?? 'supervisor of the unit'],
    ['Kept until', c.retainUntil ? when(c.retainUntil) : null],
    ['Legal hold', c.legalHold ? `${c.legalHold.reason} (set by ${c.legalHold.setBy}, ${when(c.legalHold.setAt)})` : null],
  ])));
  page.append(exhibitsSection(app, c));
  page.append(teamSection(app, c));
  if (app.auth.hasRole(ROLES.supervisor)) {
    const { retention } = await import('./retention.js');
    page.append(retention(app, c));
  }
  if (c.canManage && c.status === 'OPEN') page.append(closeSection(app, c));
  return page;
}

function exhibitsSection(app, c) {
  const holder = h('div');
  const formHolder = h('div');
  const load = () => loadInto(holder, () => app.api.get(`/api/cases/${c.id}/seizures`), seizures => table({
    caption: 'Exhibits',
    rows: seizures,
    empty: 'No exhibit registered yet.',
    columns: [
      { label: 'Exhibit', value: s => link(`#/cases/${c.id}/seizures/${s.id}`, s.reference) },
      { label: 'Device', value: s => s.deviceDescription ?? '' },
      { label: 'Seized', value: s => [when(s.seizedAt), s.seizedBy ? ` by ${s.seizedBy}` : ''] },
      { label: 'Tool', value: s => s.forensicTool ?? '' },
    ],
  }));
  load();
  const add = () => {
    replace(formHolder, form({
      submitLabel: 'Register the exhibit',
      fields: [
        { name: 'reference', label: 'Exhibit reference', required: true, maxlength: 100, hint: 'As on its bag and label, e.g. EX-0001' },
        { name: 'deviceDescription', label: 'Device', maxlength: 2000, hint: 'Make, model, serial, capacity' },
        { name: 'seizedAt', label: 'Seized at', type: 'datetime-local', max: localNow() },
        { name: 'seizedBy', label: 'Seized by', maxlength: 200 },
        { name: 'forensicTool', label: 'Forensic tool', maxlength: 200 },
      ],
      cancel: () => replace(formHolder),
      onSubmit: async v => {
        const s = await app.api.post(`/api/cases/${c.id}/seizures`, {
          reference: v.reference, deviceDescription: v.deviceDescription || null,
          seizedAt: v.seizedAt ? new Date(v.seizedAt).toISOString() : null,
          seizedBy: v.seizedBy || null, forensicTool: v.forensicTool || null,
        });
        toast(`Exhibit ${s.reference} registered`);
        app.navigate(`#/cases/${c.id}/seizures/${s.id}`);
      },
    }));
    formHolder.querySelector('input')?.focus();
  };
  return section('Exhibits',
    c.canWork ? button('Register an exhibit', add, { id: 'add-exhibit' }) : null,
    formHolder, holder);
}

/** Now, for the max of a datetime-local field (the API refuses times in the future). */
export function localNow() {
  const d = new Date(Date.now() + 60_000);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function teamSection(app, c) {
  const holder = h('div');
  const load = () => loadInto(holder, () => app.api.get(`/api/cases/${c.id}/members`), members => table({
    caption: 'Team',
    rows: members,
    columns: [
      { label: 'User', value: m => m.username },
      { label: 'Role', value: m => c.canManage ? roleSelect(m) : m.role },
      { label: 'Added', value: m => `${when(m.addedAt)} by ${m.addedBy}` },
      { label: 'Actions', value: m => c.canManage ? button('Remove', () => remove(m), { 'aria-label': `Remove ${m.username}` }) : '' },
    ],
  }));
  const roleSelect = m => {
    const select = h('select', { 'aria-label': `Role of ${m.username}` },
      ['LEAD', 'MEMBER', 'OBSERVER'].map(r => h('option', { value: r, selected: r === m.role }, r)));
    select.addEventListener('change', async () => {
      try {
        await app.api.put(`/api/cases/${c.id}/members/${encodeURIComponent(m.username)}`, { role: select.value });
        m.role = select.value; // a later refusal goes back to this role, not the first one
        toast(`${m.username} is now ${select.value}`);
      } catch (e) {
        select.value = m.role;
        problemToast(e);
      }
    });
    return select;
  };
  const remove = async m => {
    const ok = await dialog({
      title: `Remove ${m.username} from the team?`,
      body: h('p', {}, 'They will no longer see this case or anything in it.'),
      actions: [{ label: 'Cancel' }, { label: 'Remove', kind: 'danger', value: () => true }],
    });
    if (ok !== true) return;
    try {
      await app.api.delete(`/api/cases/${c.id}/members/${encodeURIComponent(m.username)}`);
      toast(`${m.username} removed`);
      load();
    } catch (e) {
      problemToast(e);
    }
  };
  load();
  const addForm = c.canManage ? form({
    className: 'inline',
    submitLabel: 'Add to the team',
    fields: [
      { name: 'username', label: 'User name', required: true, maxlength: 200, pattern: '[^\\/\\s]+', title: 'A user name has no spaces or slashes.' },
      { name: 'role', label: 'Role', type: 'select', value: 'MEMBER',
        options: ['LEAD', 'MEMBER', 'OBSERVER'].map(r => ({ value: r, label: r })) },
    ],
    onSubmit: async v => {
      await app.api.put(`/api/cases/${c.id}/members/${encodeURIComponent(v.username)}`, { role: v.role });
      toast(`${v.username} added as ${v.role}`);
      addForm.reset(); // ready for the next member
      load();
    },
  }) : null;
  return section('Team', holder, addForm);
}

function closeSection(app, c) {
  return section('Close the case', h('p', {}, 'Closing is final: nothing can be added afterwards. The reason is kept with the case.'),
    form({
      submitLabel: 'Close the case',
      fields: [{ name: 'reason', label: 'Reason for closing', type: 'textarea', required: true, maxlength: 2000 }],
      onSubmit: async v => {
        await app.api.post(`/api/cases/${c.id}/close`, { reason: v.reason });
        toast(`Case ${c.reference} closed`);
        app.navigate(`#/cases/${c.id}?closed`);
      },
    }));
}

/**
 * An action of a page: its outcome as a toast and the page drawn again at {@code hash}, or the
 * problem in words (the page stays as it was).
 */
export function reloadingAction(app, hash) {
  return async (fn, message) => {
    try {
      await fn();
      toast(message);
      app.navigate(`${hash}?v=${Date.now()}`);
    } catch (e) {
      problemToast(e);
    }
  };
}

/** The history of a lead or a series: when, who, what, then the columns of its kind. */
export function historyTable(events, columns) {
  return table({
    caption: 'History, oldest first',
    rows: events,
    columns: [
      { label: 'When', value: e => when(e.at) },
      { label: 'Who', value: e => e.actor },
      { label: 'What', value: e => e.action },
      ...columns,
    ],
  });
}

export function problemToast(e) {
  toast(`${e.title ?? 'Error'}: ${e.problem?.detail ?? e.message}`, 'error');
}

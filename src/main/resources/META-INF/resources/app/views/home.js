// The start page: what needs the user today, by role.
import { h, plural } from '../dom.js';
import { ROLES } from '../roles.js';
import { link, loadInto, pageHeader, section, table } from '../ui.js';
import { caseLink, statusBadge } from './cases.js';

export async function view({ app }) {
  const { auth, api } = app;
  const user = auth.user;
  const page = h('div', {}, pageHeader(`Welcome, ${user.name}`),
    h('p', { class: 'lede' }, `Signed in as ${user.username} (${user.roles.join(', ')})${user.units.length ? `, unit ${user.units.join(', ')}` : ''}.`));
  if (auth.hasRole(ROLES.officer, ROLES.investigator, ROLES.liaison, ROLES.supervisor)) {
    const mine = h('div');
    page.append(section('My open cases', mine));
    loadInto(mine, () => api.get('/api/cases', { status: 'OPEN' }), list => table({
      rows: list,
      empty: 'You are not on the team of any open case.',
      columns: [
        { label: 'Reference', value: c => caseLink(c) },
        { label: 'Title', value: c => c.title },
        { label: 'My role', value: c => c.myRole ?? 'supervisor' },
        { label: 'Status', value: c => statusBadge(c.status) },
      ],
    }));
    const leads = h('div');
    page.append(section('Leads assigned to me', leads));
    loadInto(leads, () => api.get('/api/leads/dashboard'), board => table({
      rows: board.mine,
      empty: 'No open lead is assigned to you.',
      columns: [
        { label: 'Lead', value: l => link(`#/cases/${l.caseId}/leads/${l.id}`, `${l.reference} ${l.title}`) },
        { label: 'Status', value: l => l.status },
        { label: 'Priority', value: l => `${l.band} (${l.score})` },
        { label: 'Due', value: l => (l.overdue ? 'overdue ' : '') + (l.dueDate ?? '') },
      ],
    }));
  }
  if (auth.hasRole(ROLES.supervisor)) {
    const waiting = h('div', { id: 'waiting-for-me' });
    page.querySelector('.lede').after(section('Waiting for your approval', waiting));
    loadInto(waiting, () => Promise.all([
      api.get('/api/exchange/packages', { state: 'COMPOSED', size: 500 }),
      api.get('/api/second-opinions', { state: 'DISAGREED', size: 500 }),
      api.get('/api/disposals/due'),
    ]), ([packages, disagreements, due]) => h('ul', {},
      h('li', {}, link('#/exchange?state=COMPOSED', `${plural(packages.length, 'exchange package')} to approve or refuse`)),
      h('li', {}, link('#/second-opinions?state=DISAGREED', `${plural(disagreements.length, 'disagreement')} between graders to resolve`)),
      h('li', {}, link('#/disposals', `${plural(due.length, 'closed case')} due for disposal`))));
  }
  if (auth.hasRole(ROLES.hubAdmin) && app.exchangeMode === 'hub') {
    const conflicts = h('li', {}, link('#/hub/conflicts', 'Conflicts to review'));
    page.append(section('The exchange hub', h('ul', { id: 'hub-start' },
      h('li', {}, link('#/hub', 'Statistics for the international community')),
      h('li', {}, link('#/hub/nodes', 'National nodes and their signing keys')),
      conflicts,
      h('li', {}, link('#/hub/baseline-exports', 'Baseline lists for blocking partners')))));
    api.get('/api/hub/conflicts', { size: 500 }).then(list => {
      conflicts.firstChild.textContent = `${plural(list.length, 'conflict')}${list.length === 500 ? ' or more' : ''} to review`;
    }).catch(() => { /* the conflicts page shows the problem in words */ });
  } else if (auth.hasRole(ROLES.hubAdmin)) {
    page.append(section('The exchange hub', h('p', {}, 'This server is a national node: the hub is administered on the hub\'s own server.')));
  }
  if (auth.hasRole(ROLES.auditor)) {
    page.append(section('Audit', h('p', {}, link('#/audit', 'Read the audit trail and verify its chain'))));
  }
  return page;
}

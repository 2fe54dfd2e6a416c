// Disposal: the closed cases due (supervisors) and the disposal register (supervisors, auditors).
import { h, when } from '../dom.js';
import { ROLES } from '../roles.js';
import { link, loadInto, pageHeader, section, table } from '../ui.js';

export async function view({ app }) {
  const parts = [pageHeader('Disposals')];
  if (app.auth.hasRole(ROLES.supervisor)) {
    const due = h('div');
    loadInto(due, () => app.api.get('/api/disposals/due'), list => table({
      caption: 'Closed cases past their retention, not on hold',
      rows: list,
      empty: 'No case is due for disposal.',
      columns: [
        { label: 'Case', value: d => link(`#/cases/${d.caseId}`, `${d.reference} ${d.title}`) },
        { label: 'Closed', value: d => `${when(d.closedAt)} by ${d.closedBy}` },
        { label: 'Kept until', value: d => when(d.retainUntil) },
      ],
    }));
    parts.push(section('Due for disposal', h('p', { class: 'hint' }, 'Open a case to approve its disposal or set a legal hold.'), due));
  }
  const register = h('div');
  loadInto(register, () => app.api.get('/api/disposals'), list => table({
    caption: 'The disposal register',
    rows: list,
    empty: 'No disposal yet.',
    columns: [
      { label: 'Case', value: d => d.caseReference },
      { label: 'State', value: d => d.state.toLowerCase() },
      { label: 'Approved', value: d => `${when(d.approvedAt)} by ${d.approvedBy}` },
      { label: 'Legal basis', value: d => d.legalBasis },
      { label: 'Disposed', value: d => d.disposedAt ? when(d.disposedAt) : '' },
      { label: 'Key destroyed', value: d => d.keyDestroyedAt ? when(d.keyDestroyedAt) : '' },
    ],
  }));
  parts.push(section('Register', register));
  return h('div', {}, parts);
}

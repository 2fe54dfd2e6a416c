// The audit trail for auditors: events with filters, and the chain's verification.
import { h, replace, when } from '../dom.js';
import { badge, button, loadInto, pageHeader, problem, section, table } from '../ui.js';

const FILTERS = [['actor', 'Actor'], ['action', 'Action'], ['caseId', 'Case id'], ['objectId', 'Object id']];

export async function view({ app, query }) {
  const filters = Object.fromEntries(FILTERS.map(([k]) => [k, query.get(k) || '']));
  const page = Number(query.get('page')) || 0;
  const verification = h('div', { id: 'verification' });
  const verify = async () => {
    replace(verification, h('p', { class: 'loading', role: 'status' }, 'Verifying the chain…'));
    try {
      const v = await app.api.get('/api/audit/verification');
      replace(verification, v.intact
        ? h('p', { role: 'status' }, badge('intact', 'ok'), ` ${v.eventsChecked.toLocaleString('en-GB')} events checked; head ${v.headHash}`)
        : h('div', { role: 'alert' }, badge('broken', 'danger'), ` at event ${v.brokenAtSeq}: ${v.reason}`));
    } catch (e) {
      replace(verification, problem(e));
    }
  };
  const form = h('form', { class: 'form inline', role: 'search' },
    FILTERS.map(([k, label]) => h('div', { class: 'field' }, h('label', { for: `audit-${k}` }, label),
      h('input', { id: `audit-${k}`, name: k, value: filters[k], maxlength: 200 }))),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, 'Filter')));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const [k] of FILTERS) if (form.elements[k].value.trim()) q.set(k, form.elements[k].value.trim());
    app.navigate(`#/audit?${q}`);
  });
  const events = h('div');
  loadInto(events, () => app.api.get('/api/audit/events', { ...filters, page, size: 100 }), list => [
    table({
      caption: `Events, newest first (page ${page + 1})`,
      rows: list,
      empty: 'No event matches.',
      columns: [
        { label: '#', value: e => String(e.seq), class: 'num' },
        { label: 'When', value: e => when(e.occurredAt) },
        { label: 'Actor', value: e => e.actor },
        { label: 'Action', value: e => e.action },
        { label: 'Outcome', value: e => badge(e.outcome.toLowerCase(), e.outcome === 'SUCCESS' ? 'ok' : 'warn') },
        { label: 'Object', value: e => `${e.objectType ?? ''} ${e.objectId ?? ''}` },
        { label: 'Detail', value: e => [e.justification ? `Justification: ${e.justification}. ` : '', e.detail ?? ''] },
      ],
    }),
    h('p', { class: 'form-actions' },
      page > 0 ? h('a', { href: `#/audit?${new URLSearchParams({ ...filters, page: page - 1 })}`, class: 'btn btn-secondary' }, 'Newer') : null,
      list.length === 100 ? h('a', { href: `#/audit?${new URLSearchParams({ ...filters, page: page + 1 })}`, class: 'btn btn-secondary' }, 'Older') : null),
  ]);
  return h('div', {}, pageHeader('Audit trail', button('Verify the chain', verify, { kind: 'primary', id: 'verify-chain' })),
    verification, section('Filter', form), section('Events', events));
}

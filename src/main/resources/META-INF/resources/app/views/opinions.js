// Second opinions: decisions of others waiting for a second grader (graded blind, from the
// metadata), and for supervisors the disagreements to resolve, both decisions side by side.
import { h, plural, when } from '../dom.js';
import { ROLES } from '../roles.js';
import { form, link, loadInto, pageHeader, section, toast } from '../ui.js';

const STATES = [
  ['AWAITING', 'Waiting for a second grader'],
  ['DISAGREED', 'Disagreements for a supervisor'],
  ['AGREED', 'Agreed'],
  ['RESOLVED', 'Resolved'],
];

export async function view({ app, query }) {
  const state = query.get('state') || (app.auth.hasRole(ROLES.supervisor) ? 'DISAGREED' : 'AWAITING');
  const scheme = await app.categories();
  const options = scheme.categories.map(c => ({ value: c.code, label: `${c.code} ${c.label}` }));
  const holder = h('div');
  const load = () => loadInto(holder, () => app.api.get('/api/second-opinions', { state, size: 200 }), list => {
    if (!list.length) return h('p', { class: 'empty' }, 'Nothing here.');
    return h('ul', { class: 'opinions' }, list.map(o => h('li', { class: 'panel opinion', dataset: { opinion: o.id } },
      h('h2', {}, link(`#/cases/${o.caseId}/media/${o.mediaItemId}`, `Case ${o.caseReference}: item ${o.mediaItemId.slice(0, 8)}`)),
      h('p', {}, `${o.reason === 'ALERT' ? 'An alert category' : 'A sampled decision'} by ${o.firstBy}, ${when(o.firstAt)}, `
        + `covering ${plural(o.itemCount, 'item')}.`),
      o.firstCategory ? h('p', {}, `First grader: ${o.firstCategory}`) : h('p', { class: 'muted' }, 'The first category is hidden until you have decided.'),
      o.secondCategory ? h('p', {}, `Second grader ${o.secondBy}: ${o.secondCategory}${o.secondNote ? ` (${o.secondNote})` : ''}, ${when(o.secondAt)}`) : null,
      o.resolvedCategory ? h('p', {}, `Resolved by ${o.resolvedBy}: ${o.resolvedCategory} (${o.resolutionNote}), ${when(o.resolvedAt)}`) : null,
      o.state === 'AWAITING' && o.firstBy !== app.auth.user.username ? form({
        className: 'inline',
        submitLabel: 'Give my category',
        fields: [
          { name: 'category', label: 'My category', type: 'select', options },
          { name: 'note', label: 'Note', maxlength: 2000 },
        ],
        onSubmit: async v => {
          const r = await app.api.post(`/api/cases/${o.caseId}/second-opinions/${o.id}/grade`,
            { category: v.category, note: v.note || null, version: o.version });
          toast(r.state === 'AGREED' ? 'Agreed with the first grader' : `Disagreement: the first grader said ${r.firstCategory}; a supervisor decides`);
          load();
        },
      }) : null,
      o.state === 'DISAGREED' && app.auth.hasRole(ROLES.supervisor) ? form({
        className: 'inline',
        submitLabel: 'Resolve',
        fields: [
          { name: 'category', label: 'Final category', type: 'select', options, value: o.secondCategory },
          { name: 'note', label: 'Why', required: true, maxlength: 2000 },
        ],
        onSubmit: async v => {
          await app.api.post(`/api/cases/${o.caseId}/second-opinions/${o.id}/resolution`,
            { category: v.category, note: v.note, version: o.version });
          toast('Disagreement resolved');
          load();
        },
      }) : null)));
  });
  load();
  return h('div', {}, pageHeader('Second opinions'),
    h('p', { class: 'lede' }, 'Every decision to an alert category, and a share of the others, is checked by a second grader. '
      + 'Disagreements go to a supervisor; both decisions are kept.'),
    h('div', { class: 'filters', role: 'group', 'aria-label': 'Queue' }, STATES.map(([s, label]) =>
      h('a', { href: `#/second-opinions?state=${s}`, class: 'chip', 'aria-current': s === state ? 'true' : null }, label))),
    section(STATES.find(([s]) => s === state)?.[1] ?? state, holder));
}

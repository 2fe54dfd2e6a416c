// The exhibit report for court or prosecution, ready to print: per exhibit, items per category,
// and each graded item with who graded it and when.
import { day, h, when } from '../dom.js';
import { button, pageHeader, section, table } from '../ui.js';
import { caseContext, caseNav } from './cases.js';

export async function view({ app, params, query }) {
  const c = await caseContext(app, params.caseId);
  const seizureId = query.get('seizure') || undefined;
  const r = await app.api.get(`/api/cases/${c.id}/exhibit-report`, { seizureId });
  const label = code => r.categories.find(k => k.code === code)?.label ?? code;
  return h('div', { class: 'report' }, caseNav(c, 'Exhibit report'),
    pageHeader(`Exhibit report, case ${r.caseReference}`, button('Print', () => print(), { kind: 'primary', id: 'print-report' })),
    h('p', { class: 'report-meta' }, `${r.caseTitle}. Produced ${when(r.generatedAt)} by ${r.generatedBy} from VIDCase; `
      + `categories of the ${r.scheme} scheme. Every grading below is recorded in the case's audit trail.`),
    r.exhibits.length ? null : h('p', { class: 'empty' }, 'The case has no exhibit.'),
    r.exhibits.map(x => section(`Exhibit ${x.reference}`,
      h('p', {}, [x.deviceDescription, x.seizedAt ? `seized ${day(x.seizedAt)}` : null, x.seizedBy ? `by ${x.seizedBy}` : null,
        x.forensicTool ? `processed with ${x.forensicTool}` : null].filter(Boolean).join(', ') || 'No device details recorded.'),
      table({
        caption: `Items per category (${x.items} distinct items on the exhibit)`,
        rows: [...r.categories.map(k => ({ code: k.code, label: k.label, alert: k.alert,
          items: x.counts.find(n => n.category === k.code)?.items ?? 0 })),
        { code: '', label: 'Not categorised', items: x.counts.find(n => n.category === null)?.items ?? 0 }],
        columns: [
          { label: 'Category', value: k => k.code ? `${k.code} ${k.label}${k.alert ? ' (alert)' : ''}` : k.label },
          { label: 'Items', value: k => k.items.toLocaleString('en-GB'), class: 'num' },
        ],
      }),
      table({
        caption: 'Graded items',
        rows: x.graded,
        empty: 'No item on this exhibit is categorised yet.',
        columns: [
          { label: 'Category', value: g => `${g.category} ${label(g.category)}` },
          { label: 'File', value: g => g.fileNames ?? '(hash only)' },
          { label: 'SHA-256 / MD5', value: g => h('code', {}, g.sha256 ?? g.md5 ?? '') },
          { label: 'Graded by', value: g => g.source === 'HUMAN' ? g.gradedBy : `${g.gradedBy ?? ''} (${g.source.toLowerCase().replace('_', ' ')})` },
          { label: 'When', value: g => when(g.gradedAt) },
          { label: 'Second opinion', value: g => g.secondBy ? `${g.secondCategory} by ${g.secondBy} (${g.secondOpinionState.toLowerCase()})`
            : g.secondOpinionState ? g.secondOpinionState.toLowerCase() : '' },
        ],
      }),
      x.gradedLeftOut ? h('p', { class: 'muted' }, `${x.gradedLeftOut} further graded items are not listed.`) : null)));
}

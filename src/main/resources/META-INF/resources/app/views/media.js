// One item: what it is (metadata, hashes), its reference-set matches, similar items, its
// categorisation history.
import { h, when } from '../dom.js';
import { button, link, loadInto, pageHeader, section, table } from '../ui.js';
import { caseContext, caseNav } from './cases.js';
import { picturePanel } from './pictures.js';
import { fileNameOf, itemFacts } from './triage.js';

export async function view({ app, params }) {
  const c = await caseContext(app, params.caseId);
  const base = `/api/cases/${c.id}/media/${params.mediaId}`;
  const item = await app.api.get(base);
  const matches = h('div');
  loadInto(matches, () => app.api.get(`${base}/matches`), list => table({
    caption: 'Matches with reference hash sets, the decisive one first',
    rows: list,
    empty: 'No reference-set match.',
    columns: [
      { label: 'Set', value: m => `${m.hashSet} ${m.hashSetVersion}${m.setActive ? '' : ' (inactive)'}` },
      { label: 'Kind', value: m => m.kind.toLowerCase() },
      { label: 'By', value: m => m.hashType === 'PDQ' ? `PDQ, distance ${m.distance}${m.dihedral && m.dihedral !== 'ORIGINAL' ? `, ${m.dihedral.toLowerCase()}` : ''}` : `${m.hashType} exact` },
      { label: 'Category', value: m => m.category ?? '' },
      { label: 'Series', value: m => m.series ?? '' },
      { label: 'Decisive', value: m => m.decisive ? 'yes' : '' },
    ],
  }));
  const similar = h('div');
  const findSimilar = () => loadInto(similar, () => app.api.get(`${base}/similar`, { radius: 31, k: 20 }), r => [
    table({
      caption: 'Items you may see with a similar picture (PDQ), nearest first',
      rows: r.items,
      empty: 'No similar item in the cases you may see.',
      columns: [
        { label: 'Item', value: i => i.caseId === c.id ? link(`#/cases/${c.id}/media/${i.mediaItemId}`, i.mediaItemId)
          : link(`#/cases/${i.caseId}/media/${i.mediaItemId}`, `${i.mediaItemId} (another case)`) },
        { label: 'Distance', value: i => String(i.distance), class: 'num' },
        { label: 'Turned', value: i => i.dihedral === 'ORIGINAL' ? '' : i.dihedral.toLowerCase() },
        { label: 'Type', value: i => i.mediaType ?? '' },
      ],
    }),
    table({
      caption: 'Reference entries near it',
      rows: r.hashSetEntries,
      empty: 'No reference entry near it.',
      columns: [
        { label: 'Set', value: e => e.hashSetName },
        { label: 'Kind', value: e => e.kind.toLowerCase() },
        { label: 'Distance', value: e => String(e.distance), class: 'num' },
        { label: 'Category', value: e => e.category ?? '' },
        { label: 'Series', value: e => e.series ?? '' },
      ],
    }),
  ]);
  const history = h('div');
  loadInto(history, () => app.api.get(`${base}/categorisations`), list => table({
    caption: 'Categorisation history, oldest first',
    rows: list,
    empty: 'Never categorised.',
    columns: [
      { label: 'When', value: e => when(e.categorisedAt) },
      { label: 'Who', value: e => e.categorisedBy },
      { label: 'Category', value: e => e.category ?? 'none' },
      { label: 'Source', value: e => e.undoes ? 'undo' : (e.source ?? '').toLowerCase().replace('_', ' ') },
      { label: 'Note', value: e => e.note ?? '' },
    ],
  }));
  return h('div', {}, caseNav(c, null), pageHeader(fileNameOf(item)),
    picturePanel(app, c, item),
    itemFacts(item),
    section('Matches', matches),
    section('Find similar', item.pdq ? button('Find similar items', findSimilar, { id: 'find-similar' })
      : h('p', { class: 'muted' }, 'No PDQ hash: similarity search needs one.'), similar),
    section('History', history));
}

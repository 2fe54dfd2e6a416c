// Series of a case: the list, the clustering job, cross-case hits ("contact the owning unit"),
// and one series with its members, merge, split, status and history.
import { h, plural, replace, when } from '../dom.js';
import { InputError, badge, button, details, form, link, loadInto, pageHeader, problem, section, table, toast } from '../ui.js';
import { caseContext, caseNav, historyTable, problemToast, reloadingAction } from './cases.js';
import { jobProgress } from './jobs.js';

export async function list({ app, params, signal }) {
  const c = await caseContext(app, params.caseId);
  const base = `/api/cases/${c.id}/series`;
  const holder = h('div');
  const load = () => loadInto(holder, () => app.api.get(base), all => table({
    caption: 'Series of the case',
    rows: all,
    empty: 'No series yet: run the detection, or open one by hand.',
    columns: [
      { label: 'Series', value: s => link(`#/cases/${c.id}/series/${s.id}`, `${s.reference} ${s.name}`) },
      { label: 'Status', value: s => s.mergedInto ? 'merged' : s.status.toLowerCase() },
      { label: 'Confirmed', value: s => String(s.confirmed), class: 'num' },
      { label: 'Suggested', value: s => String(s.suggested), class: 'num' },
      { label: 'Identified', value: s => [s.victimIdentified ? badge('victim', 'ok') : null, ' ', s.offenderIdentified ? badge('offender', 'ok') : null] },
      { label: 'Other cases', value: s => s.linkedCases.length ? String(s.linkedCases.length) : '' },
    ],
  }));
  load();
  const progress = h('div', { id: 'clustering-progress' });
  const cluster = async () => {
    try {
      const job = await app.api.post(`${base}/clustering-jobs`, {});
      replace(progress, jobProgress(app, job.id, {
        signal, label: 'Series detection',
        onEnd: last => {
          const r = last.result ?? {};
          progress.append(h('p', { role: 'status' }, `Detection ${last.state.toLowerCase()}: ${r.seriesCreated ?? 0} series created, `
            + `${plural(r.suggestions ?? 0, 'suggestion')}, ${plural(r.crossCaseHits ?? 0, 'hit')} in other units' cases.`));
          load();
          hitsLoad();
        },
      }));
    } catch (e) {
      replace(progress, problem(e));
    }
  };
  const hits = h('div');
  const hitsLoad = () => loadInto(hits, () => app.api.get(`/api/cases/${c.id}/series-hits`), list => table({
    caption: 'Pictures of this case related to a series another unit holds',
    rows: byPictureAndUnit(list),
    empty: 'No cross-case hit.',
    columns: [
      { label: 'Picture', value: hit => link(`#/cases/${c.id}/media/${hit.mediaItemId}`, hit.mediaItemId) },
      { label: 'Owning unit', value: hit => hit.series > 1 ? `${hit.owningUnit} (${hit.series} of its series)` : hit.owningUnit },
      { label: 'Contact the owning unit', value: hit => hit.contact ?? 'no contact point configured' },
      { label: 'Found', value: hit => `${when(hit.foundAt)} (run by ${hit.foundBy})` },
    ],
  }));
  hitsLoad();
  const create = c.canWork ? h('details', {}, h('summary', {}, 'Open a series by hand'), form({
    submitLabel: 'Open the series',
    fields: [
      { name: 'name', label: 'Name', required: true, maxlength: 200 },
      { name: 'notes', label: 'Notes', type: 'textarea', maxlength: 4000 },
    ],
    onSubmit: async v => {
      const s = await app.api.post(base, { name: v.name, notes: v.notes || null });
      app.navigate(`#/cases/${c.id}/series/${s.id}`);
    },
  })) : null;
  return h('div', {}, caseNav(c, 'Series'),
    pageHeader('Series', c.canWork ? button('Detect series', cluster, { kind: 'primary', id: 'detect-series' }) : null,
      link(`#/cases/${c.id}/triage?mode=series`, 'Triage by series', { class: 'btn btn-secondary' })),
    progress,
    section('Series', holder, create),
    section('Cross-case hits', h('p', { class: 'hint' },
      'Another unit holds a series related to these pictures. Nothing of their case is shown: contact the owning unit.'), hits));
}

/** One row per picture and owning unit (a picture may relate to several of a unit's series), the first found kept. */
function byPictureAndUnit(hits) {
  const rows = new Map();
  for (const hit of hits) {
    const key = `${hit.mediaItemId} ${hit.owningUnit}`;
    const row = rows.get(key);
    if (row) row.series++;
    else rows.set(key, { ...hit, series: 1 });
  }
  return [...rows.values()];
}

export async function view({ app, params }) {
  const c = await caseContext(app, params.caseId);
  const base = `/api/cases/${c.id}/series/${params.seriesId}`;
  const [s, all] = await Promise.all([app.api.get(base), app.api.get(`/api/cases/${c.id}/series`)]);
  const nameOf = m => m.fileName ?? m.mediaItemId;
  const reload = () => app.navigate(`#/cases/${c.id}/series/${s.id}?v=${Date.now()}`);
  const act = reloadingAction(app, `#/cases/${c.id}/series/${s.id}`);
  const selected = new Set();
  const members = table({
    caption: 'Members',
    rows: s.members,
    empty: 'No member.',
    columns: [
      { label: 'Select', value: m => c.canWork ? h('input', { type: 'checkbox', 'aria-label': `Select ${nameOf(m)}`,
        onChange: e => { if (e.target.checked) selected.add(m.mediaItemId); else selected.delete(m.mediaItemId); } }) : '' },
      { label: 'Item', value: m => link(`#/cases/${c.id}/media/${m.mediaItemId}`, nameOf(m)) },
      { label: 'State', value: m => m.state.toLowerCase() },
      { label: 'Joined', value: m => `${m.joinedBy.toLowerCase()}${m.score != null ? `, score ${m.score.toFixed(2)}` : ''}` },
      { label: 'Category', value: m => m.category ?? '' },
      { label: 'Actions', value: m => c.canWork && s.status === 'ACTIVE' ? [
        m.state !== 'CONFIRMED' ? button('Confirm', () => act(() => app.api.post(`${base}/members/${m.mediaItemId}/decision`, { decision: 'CONFIRM' }), 'Member confirmed'), { class: 'btn btn-small' }) : null, ' ',
        m.state !== 'REJECTED' ? button('Reject', () => act(() => app.api.post(`${base}/members/${m.mediaItemId}/decision`, { decision: 'REJECT' }), 'Member rejected'), { class: 'btn btn-small' }) : null, ' ',
        button('Remove', () => act(() => app.api.delete(`${base}/members/${m.mediaItemId}`), 'Member removed'), { class: 'btn btn-small' }),
      ] : '' },
    ],
  });
  const history = h('div');
  loadInto(history, () => app.api.get(`${base}/history`), events => historyTable(events, [
    { label: 'Detail', value: e => e.detail ? h('code', {}, JSON.stringify(e.detail)) : '' },
  ]));
  const others = all.filter(o => o.id !== s.id && o.status === 'ACTIVE' && !o.mergedInto);
  const changes = c.canWork && s.status === 'ACTIVE' && !s.mergedInto ? [
    section('Change the series',
      form({
        className: 'inline',
        submitLabel: 'Save',
        fields: [
          { name: 'name', label: 'Name', required: true, maxlength: 200, value: s.name },
          { name: 'status', label: 'Status', type: 'select', value: s.status,
            options: [{ value: 'ACTIVE', label: 'Active' }, { value: 'CLOSED', label: 'Closed' }] },
        ],
        onSubmit: async v => {
          await app.api.patch(base, { version: s.version, name: v.name, status: v.status });
          toast('Series saved');
          reload();
        },
      }),
      others.length ? form({
        className: 'inline',
        submitLabel: 'Merge into this series',
        fields: [{ name: 'other', label: 'Merge another series into this one', type: 'select',
          options: others.map(o => ({ value: o.id, label: `${o.reference} ${o.name} (${o.confirmed} confirmed)` })) }],
        onSubmit: async v => {
          const other = others.find(o => o.id === v.other);
          await app.api.post(`${base}/merge`, { version: s.version, otherSeriesId: other.id, otherVersion: other.version });
          toast(`Series ${other.reference} merged into ${s.reference}`);
          reload();
        },
      }) : null,
      form({
        className: 'inline',
        submitLabel: 'Split the selected members off',
        fields: [{ name: 'name', label: 'Name of the new series', required: true, maxlength: 200 }],
        onSubmit: async v => {
          if (!selected.size) throw new InputError('Select the members to split off first.');
          const part = await app.api.post(`${base}/split`, { version: s.version, mediaItemIds: [...selected], name: v.name });
          toast(`${plural(selected.size, 'member')} moved to series ${part.reference}`);
          app.navigate(`#/cases/${c.id}/series/${part.id}`);
        },
      })),
  ] : [];
  return h('div', {}, caseNav(c, 'Series'),
    pageHeader(`Series ${s.reference}: ${s.name}`, link(`#/cases/${c.id}/triage?mode=series`, 'Triage by series', { class: 'btn btn-secondary' })),
    section('Series', details([
      ['Status', s.mergedInto ? ['merged into ', link(`#/cases/${c.id}/series/${s.mergedInto}`, 'another series')] : s.status.toLowerCase()],
      ['Members', `${s.confirmed} confirmed, ${s.suggested} suggested, ${s.rejected} rejected`],
      ['Victim identified', s.victimIdentified ? 'yes' : 'no'],
      ['Offender identified', s.offenderIdentified ? 'yes' : 'no'],
      ['Also in cases', s.linkedCases.length ? s.linkedCases.map(id => link(`#/cases/${id}`, id)) : null],
      ['Notes', s.notes],
      ['Opened', `${when(s.createdAt)} by ${s.createdBy}`],
    ])),
    section('Members', members),
    changes,
    section('History', history));
}

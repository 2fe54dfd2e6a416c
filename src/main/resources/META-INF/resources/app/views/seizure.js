// An exhibit: its details and chain of custody, uploads of files and folders, imports of
// forensic-tool exports with the job's live progress, and the reduction report as a chart.
import { bytes, h, plural, replace, svg, when } from '../dom.js';
import { button, details, form, link, loadInto, pageHeader, problem, progressBar, section, table, toast } from '../ui.js';
import { caseContext, caseNav, localNow } from './cases.js';
import { jobProgress } from './jobs.js';

export async function view({ app, params, signal }) {
  const c = await caseContext(app, params.caseId);
  const base = `/api/cases/${c.id}/seizures/${params.seizureId}`;
  const s = await app.api.get(base);
  const reduction = h('div');
  const refreshReduction = () => loadInto(reduction, () => app.api.get(`${base}/reduction`), reductionChart);
  refreshReduction();
  const page = h('div', {}, caseNav(c, null),
    pageHeader(`Exhibit ${s.reference}`,
      link(`#/cases/${c.id}/triage?seizure=${s.id}`, 'Triage this exhibit', { class: 'btn btn-primary' }),
      link(`#/cases/${c.id}/report?seizure=${s.id}`, 'Exhibit report', { class: 'btn btn-secondary' })),
    section('Exhibit', details([
      ['Reference', s.reference], ['Device', s.deviceDescription], ['Seized', s.seizedAt ? when(s.seizedAt) : null],
      ['Seized by', s.seizedBy], ['Forensic tool', s.forensicTool], ['Registered', `${when(s.createdAt)} by ${s.createdBy}`],
    ])),
    section('Reduction report', reduction),
    custodySection(app, c, base));
  if (c.canWork) {
    page.append(uploadSection(app, base, refreshReduction), importSection(app, base, signal, refreshReduction));
  }
  return page;
}

function custodySection(app, c, base) {
  const holder = h('div');
  const load = () => loadInto(holder, () => app.api.get(`${base}/custody`), entries => table({
    caption: 'Chain of custody, oldest first',
    rows: entries,
    empty: 'No hand-over recorded.',
    columns: [
      { label: '#', value: e => String(e.seq) },
      { label: 'When', value: e => when(e.occurredAt) },
      { label: 'From', value: e => e.from },
      { label: 'To', value: e => e.to },
      { label: 'Purpose', value: e => e.purpose },
      { label: 'Recorded', value: e => `${when(e.recordedAt)} by ${e.recordedBy}` },
    ],
  }));
  load();
  const append = c.canWork ? h('details', {}, h('summary', {}, 'Record a hand-over'), form({
    submitLabel: 'Record the hand-over',
    fields: [
      { name: 'occurredAt', label: 'When', type: 'datetime-local', required: true, max: localNow() },
      { name: 'from', label: 'From', required: true, maxlength: 200 },
      { name: 'to', label: 'To', required: true, maxlength: 200 },
      { name: 'purpose', label: 'Purpose', required: true, maxlength: 2000 },
    ],
    onSubmit: async v => {
      await app.api.post(`${base}/custody`, { ...v, occurredAt: new Date(v.occurredAt).toISOString() });
      toast('Hand-over recorded');
      load();
    },
  })) : null;
  return section('Chain of custody', holder, append);
}

const SEGMENTS = [
  ['alert', 'Alert (known abuse material)'],
  ['ignorable', 'Ignorable (known good)'],
  ['duplicates', 'Duplicates'],
  ['reviewed', 'Reviewed'],
  ['toReview', 'To review'],
];

export function reductionChart(r) {
  if (!r.files) return h('p', { class: 'empty' }, 'No file on this exhibit yet.');
  const width = 600;
  let x = 0;
  const bars = SEGMENTS.map(([key, label]) => {
    const w = (r[key].count / r.files) * width;
    const rect = svg('rect', { x: x.toFixed(2), y: 0, width: w.toFixed(2), height: 28, class: `seg seg-${key}` },
      svg('title', {}, `${label}: ${r[key].count} (${r[key].percent} %)`));
    x += w;
    return rect;
  });
  const summary = SEGMENTS.map(([key, label]) => `${label} ${r[key].percent} %`).join(', ');
  return h('div', { class: 'reduction' },
    h('p', {}, `${plural(r.files, 'file')} on the exhibit, ${plural(r.distinctItems, 'distinct item')}.`),
    svg('svg', { viewBox: `0 0 ${width} 28`, class: 'reduction-bar', role: 'img', 'aria-label': `Reduction: ${summary}` }, bars),
    table({
      caption: 'What is left to review',
      rows: SEGMENTS,
      columns: [
        { label: 'Share', value: ([key, label]) => h('span', {}, h('span', { class: `swatch seg-${key}`, 'aria-hidden': 'true' }), ' ', label) },
        { label: 'Files', value: ([key]) => r[key].count.toLocaleString('en-GB'), class: 'num' },
        { label: 'Percent', value: ([key]) => `${r[key].percent} %`, class: 'num' },
      ],
    }),
    r.alert.count ? h('p', { class: 'muted' },
      `Alerts: ${r.alertExact} exact, ${r.alertNearOnly} near matches only, ${r.alertPreCategorised} pre-categorised by hash.`) : null);
}

const OUTCOMES = {
  NEW_ITEM: 'New item',
  LOCATION_ADDED: 'Known to the case: this location added',
  CONTENT_ADDED: 'Known by hash: the file added to it',
  ALREADY_RECORDED: 'Already recorded here: nothing changed',
};

/** Files and folders: chosen, or dropped (folders walked), each uploaded with its own progress and outcome. */
function uploadSection(app, base, onDone) {
  const rows = h('tbody');
  const summary = h('p', { role: 'status', class: 'upload-summary' });
  const list = h('table', { class: 'uploads' },
    h('caption', {}, 'Files of this upload'),
    h('thead', {}, h('tr', {}, ['File', 'Size', 'Progress', 'Outcome'].map(t => h('th', { scope: 'col' }, t)))), rows);
  const filesInput = h('input', { type: 'file', multiple: true, id: 'upload-files', class: 'visually-hidden-input' });
  const folderInput = h('input', { type: 'file', multiple: true, webkitdirectory: true, id: 'upload-folder', class: 'visually-hidden-input' });
  const start = async entries => {
    if (!entries.length) {
      toast('Nothing to upload: no file in what was chosen or dropped.', 'error');
      return;
    }
    const items = entries.map(({ file, name }) => {
      const bar = progressBar(`Upload of ${name}`);
      const outcome = h('td', { class: 'outcome' }, 'Waiting');
      rows.append(h('tr', {}, h('td', {}, name), h('td', { class: 'num' }, bytes(file.size)), h('td', {}, bar), outcome));
      return { file, name, bar, outcome };
    });
    let stored = 0;
    let refused = 0;
    const next = async () => {
      for (let item = items.shift(); item; item = items.shift()) {
        item.outcome.textContent = 'Uploading';
        try {
          const { body } = await app.api.upload(`${base}/media`, item.file, { fileName: item.name },
            f => item.bar.set(f));
          item.bar.set(1, 'Done');
          replace(item.outcome, h('span', { class: 'ok' }, OUTCOMES[body.outcome] ?? body.outcome),
            body.item?.matchStatus ? ` (${body.item.matchStatus.toLowerCase()} by hash)` : '');
          stored++;
        } catch (e) {
          item.bar.set(0, 'Refused');
          replace(item.outcome, h('span', { class: 'refused' }, `${e.title}: ${e.problem?.detail ?? e.message}`));
          refused++;
        }
        summary.textContent = `${stored} stored, ${refused} refused`;
      }
    };
    await Promise.all([next(), next()]);
    toast(`Upload finished: ${stored} stored, ${refused} refused`, refused ? 'error' : 'info');
    onDone();
  };
  filesInput.addEventListener('change', () => {
    start([...filesInput.files].map(file => ({ file, name: file.name })));
    filesInput.value = '';
  });
  folderInput.addEventListener('change', () => {
    start([...folderInput.files].map(file => ({ file, name: file.webkitRelativePath || file.name })));
    folderInput.value = '';
  });
  const zone = h('div', { class: 'drop-zone', id: 'drop-zone' },
    h('p', {}, 'Drop files or folders here, or '),
    h('label', { for: 'upload-files', class: 'btn btn-secondary' }, 'Choose files'), ' ',
    h('label', { for: 'upload-folder', class: 'btn btn-secondary' }, 'Choose a folder'),
    filesInput, folderInput,
    h('p', { class: 'hint' }, 'Files are hashed, encrypted and matched against the reference sets as they arrive. Nothing is shown.'));
  zone.addEventListener('dragover', e => { e.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', async e => {
    e.preventDefault();
    zone.classList.remove('over');
    const entries = [...e.dataTransfer.items].map(i => i.webkitGetAsEntry?.()).filter(Boolean);
    start(entries.length ? await walk(entries) : [...e.dataTransfer.files].map(file => ({ file, name: file.name })));
  });
  return section('Upload files', zone, summary, list);
}

/** Files of dropped entries, folders walked; each named with its folders (the server files them as the path). */
async function walk(entries) {
  const out = [];
  for (const entry of entries) {
    if (entry.isFile) {
      const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
      out.push({ file, name: entry.fullPath.replace(/^\//, '') });
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
        if (!batch.length) break;
        out.push(...await walk(batch));
      }
    }
  }
  return out;
}

const IMPORT_COUNTS = [
  ['records', 'records'],
  ['newItems', 'new items'],
  ['newLocations', 'new locations'],
  ['rejected', 'rejected'],
  ['alertItems', 'new items on an alert list'],
  ['ignorableItems', 'new items on an ignorable list'],
];

/** An import job's counts in words, or its message when it ended without a result (a failure). */
function importCounts(job) {
  const result = job.result;
  if (!result) return job.message ?? '';
  return IMPORT_COUNTS.filter(([key]) => typeof result[key] === 'number')
    .map(([key, words]) => `${result[key].toLocaleString('en-GB')} ${words}`).join(', ') + '.';
}

function importSection(app, base, signal, onDone) {
  const progress = h('div', { id: 'import-progress' });
  const input = h('input', { type: 'file', id: 'import-file', accept: '.json,.csv,.txt,application/json,text/csv' });
  const format = h('select', { id: 'import-format' },
    h('option', { value: '' }, 'From the file name'),
    h('option', { value: 'VICS' }, 'Project VIC VICS JSON'),
    h('option', { value: 'CSV' }, 'Hash CSV'));
  const run = async () => {
    const file = input.files[0];
    if (!file) {
      replace(progress, h('p', { class: 'field-error', role: 'alert' }, 'Choose the export file first.'));
      return;
    }
    const chosen = format.value || (/\.csv$/i.test(file.name) ? 'CSV' : 'VICS');
    try {
      const job = await app.api.request('POST', `${base}/imports?format=${chosen}&fileName=${encodeURIComponent(file.name)}`,
        file, { headers: { 'Content-Type': chosen === 'CSV' ? 'text/csv' : 'application/json' } });
      replace(progress, jobProgress(app, job.id, {
        signal,
        label: `Import of ${file.name}`,
        onEnd: last => {
          progress.append(h('p', { role: 'status' }, `Import ${last.state.toLowerCase()}: `, importCounts(last)));
          onDone();
        },
      }));
    } catch (e) {
      replace(progress, problem(e));
    }
  };
  return section('Import a forensic-tool export',
    h('p', {}, 'A Project VIC VICS JSON (1.1 to 2.0) or a hash CSV: hash-only items, no pictures.'),
    h('div', { class: 'field' }, h('label', { for: 'import-file' }, 'Export file'), input),
    h('div', { class: 'field' }, h('label', { for: 'import-format' }, 'Format'), format),
    button('Import', run, { kind: 'primary', id: 'start-import' }),
    progress);
}

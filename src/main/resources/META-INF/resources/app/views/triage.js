// Triage: the review queue by stack (hash-only items first) or by series, metadata and hashes
// first, categorised from the keyboard: the scheme's keys, j/k or arrows for next and previous,
// u to undo, s to toggle the whole stack.
import { bytes, h, plural, replace, when } from '../dom.js';
import { badge, button, details, link, pageHeader, problem, section, toast } from '../ui.js';
import { caseContext, caseNav, problemToast } from './cases.js';
import { picturePanel, previewsOn, setPreviews } from './pictures.js';

const QUEUE_SIZE = 200;

export async function view({ app, params, query, signal }) {
  const c = await caseContext(app, params.caseId);
  const mode = query.get('mode') === 'series' ? 'series' : 'stacks';
  const seizureId = query.get('seizure') || '';
  const [scheme, seizures] = await Promise.all([app.categories(), app.api.get(`/api/cases/${c.id}/seizures`)]);
  const state = { app, c, scheme, mode, seizureId, signal, entries: [], index: 0, wholeStack: true, decisions: [] };

  const announcer = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', id: 'triage-status' });
  const queuePanel = h('div', { class: 'triage-queue', id: 'triage-queue' });
  const itemPanel = h('div', { class: 'triage-item', id: 'triage-item', tabindex: '-1' });
  Object.assign(state, { announcer, queuePanel, itemPanel });

  const modeLink = (m, label) => h('a', {
    class: 'chip', 'aria-current': m === mode ? 'true' : null,
    href: `#/cases/${c.id}/triage?mode=${m}${seizureId ? `&seizure=${seizureId}` : ''}`,
  }, label);
  const seizureSelect = h('select', { id: 'triage-seizure' },
    h('option', { value: '' }, 'All exhibits'),
    seizures.map(s => h('option', { value: s.id, selected: s.id === seizureId }, s.reference)));
  seizureSelect.addEventListener('change', () => app.navigate(
    `#/cases/${c.id}/triage?mode=${mode}${seizureSelect.value ? `&seizure=${seizureSelect.value}` : ''}`));

  const page = h('div', { class: 'triage' }, caseNav(c, 'Triage'),
    pageHeader(mode === 'series' ? 'Triage by series' : 'Triage by stack'),
    h('div', { class: 'filters' },
      h('div', { role: 'group', 'aria-label': 'Queue' }, modeLink('stacks', 'By stack'), ' ', modeLink('series', 'By series')),
      mode === 'stacks' ? h('div', { class: 'field' }, h('label', { for: 'triage-seizure' }, 'Exhibit'), seizureSelect) : null,
      mode === 'stacks' ? previewToggle(state) : null,
      keyHelp(scheme, mode)),
    announcer,
    c.canWork ? null : h('p', { class: 'problem' }, 'You may read this case but not categorise in it.'),
    h('div', { class: 'triage-layout' }, queuePanel, itemPanel));

  await load(state);
  if (c.canWork) document.addEventListener('keydown', e => onKey(state, e), { signal });
  return page;
}

function previewToggle(state) {
  return h('div', { class: 'field field-check' },
    h('input', { type: 'checkbox', id: 'previews-toggle', checked: previewsOn(),
      onChange: e => { setPreviews(e.target.checked); show(state); } }),
    h('label', { for: 'previews-toggle' }, 'Blurred previews'));
}

function keyHelp(scheme, mode) {
  return h('details', { class: 'key-help' }, h('summary', {}, 'Keyboard'),
    h('dl', { class: 'details' },
      scheme.categories.map(cat => [h('dt', {}, h('kbd', {}, keyOf(cat.code))), h('dd', {}, `${cat.code} ${cat.label}`)]),
      h('dt', {}, h('kbd', {}, 'j'), ' / ', h('kbd', {}, '↓')), h('dd', {}, mode === 'series' ? 'Next series' : 'Next item'),
      h('dt', {}, h('kbd', {}, 'k'), ' / ', h('kbd', {}, '↑')), h('dd', {}, mode === 'series' ? 'Previous series' : 'Previous item'),
      h('dt', {}, h('kbd', {}, 'u')), h('dd', {}, 'Undo my last decision'),
      mode === 'stacks' ? [h('dt', {}, h('kbd', {}, 's')), h('dd', {}, 'Whole stack on or off')] : null,
      mode === 'stacks' ? [h('dt', {}, h('kbd', {}, 'p')), h('dd', {}, 'Blurred previews on or off')] : null,
      h('dt', {}, h('kbd', {}, 'r')), h('dd', {}, 'Reveal the picture (asks for a justification once)')));
}

export function keyOf(code) {
  return code.length === 1 ? code.toLowerCase() : null;
}

async function load(state) {
  const { app, c, mode, seizureId } = state;
  replace(state.queuePanel, h('p', { class: 'loading' }, 'Loading the queue…'));
  try {
    if (mode === 'series') {
      const series = await app.api.get(`/api/cases/${c.id}/series`);
      state.entries = series.filter(s => s.status === 'ACTIVE' && !s.mergedInto).map(s => ({ kind: 'series', series: s, decided: null }));
    } else {
      const items = await app.api.get(`/api/cases/${c.id}/media`, {
        review: 'TO_REVIEW', stacks: true, hashOnlyFirst: true, seizureId, size: QUEUE_SIZE,
      });
      state.entries = items.map(item => ({ kind: 'item', item, decided: null }));
    }
    state.index = 0;
    drawQueue(state);
    await show(state);
  } catch (e) {
    replace(state.queuePanel, problem(e));
  }
}

function drawQueue(state) {
  const { entries, mode } = state;
  if (!entries.length) {
    replace(state.queuePanel, h('p', { class: 'empty' },
      mode === 'series' ? 'No active series in this case yet. Run the series detection on the Series page.'
        : 'Nothing left to review here: every item is categorised or known by hash.'));
    replace(state.itemPanel);
    return;
  }
  const rows = entries.map((e, i) => {
    const row = h('tr', {
      class: [i === state.index ? 'selected' : null, e.decided ? 'decided' : null],
      dataset: { index: String(i) },
      'aria-selected': i === state.index ? 'true' : 'false',
    },
    mode === 'series'
      ? [h('td', {}, e.series.reference), h('td', {}, e.series.name), h('td', { class: 'num' }, String(e.series.confirmed)),
        h('td', { class: 'num' }, String(e.series.suggested))]
      : [h('td', {}, fileNameOf(e.item)), h('td', {}, e.item.hasContent ? e.item.mimeType ?? 'file' : badge('hash only', 'info')),
        h('td', { class: 'num' }, String(e.item.stackSize ?? 1))],
    h('td', {}, e.decided ? badge(e.decided, 'ok') : ''));
    row.addEventListener('click', () => { state.index = i; drawQueue(state); show(state); });
    return row;
  });
  const done = entries.filter(e => e.decided).length;
  replace(state.queuePanel,
    h('p', { class: 'queue-count' }, `${done} of ${plural(entries.length, mode === 'series' ? 'series' : 'entry', mode === 'series' ? 'series' : 'entries')} decided`
      + (entries.length >= QUEUE_SIZE ? ` (first ${QUEUE_SIZE} shown)` : '')),
    h('div', { class: 'table-wrap queue-table' }, h('table', { 'aria-label': 'Review queue' },
      h('thead', {}, h('tr', {}, (mode === 'series' ? ['Series', 'Name', 'Confirmed', 'Suggested', 'Category']
        : ['File', 'Kind', 'Stack', 'Category']).map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows))));
  state.queuePanel.querySelector('tr.selected')?.scrollIntoView({ block: 'nearest' });
}

export function fileNameOf(item) {
  const loc = item.locations?.[0];
  return loc ? loc.fileName : item.sha256 ?? item.md5 ?? item.id;
}

async function show(state) {
  const entry = state.entries[state.index];
  if (!entry) {
    replace(state.itemPanel);
    return;
  }
  if (entry.kind === 'series') {
    await showSeries(state, entry);
  } else {
    showItem(state, entry);
  }
}

function categoryButtons(state, onChoose) {
  return h('div', { class: 'category-buttons', role: 'group', 'aria-label': 'Category' },
    state.scheme.categories.map(cat => button([h('kbd', {}, keyOf(cat.code) ?? cat.code), ` ${cat.code} ${cat.label}`],
      () => onChoose(cat.code), {
        class: ['btn', 'btn-category', cat.alert ? 'alert' : null],
        'aria-keyshortcuts': keyOf(cat.code) ?? undefined,
        title: cat.description ?? cat.label,
        disabled: !state.c.canWork,
        dataset: { code: cat.code },
      })));
}

function showItem(state, entry) {
  const { item } = entry;
  const stackSize = item.stackSize ?? 1;
  const stackToggle = stackSize > 1 ? h('div', { class: 'field field-check' },
    h('input', { type: 'checkbox', id: 'whole-stack', checked: state.wholeStack,
      onChange: e => { state.wholeStack = e.target.checked; } }),
    h('label', { for: 'whole-stack' }, `Apply to the whole stack (${stackSize} items)`)) : null;
  replace(state.itemPanel,
    h('h2', {}, `${state.index + 1}. ${fileNameOf(item)}`),
    entry.decided ? h('p', {}, badge(`Categorised ${entry.decided}`, 'ok'), ' Press u to undo.') : null,
    picturePanel(state.app, state.c, item),
    section('Decide',
      categoryButtons(state, code => categoriseItem(state, code)),
      stackToggle,
      h('p', { class: 'hint' }, link(`#/cases/${state.c.id}/media/${item.id}`, 'Matches, similar items and history'))),
    itemFacts(item));
}

/** What an item is, from metadata and hashes: never the picture. */
export function itemFacts(item) {
  const exif = item.exif ?? {};
  return h('div', { class: 'columns' },
    section('File', details([
      ['Names', h('ul', { class: 'plain' }, (item.locations ?? []).map(l => h('li', {}, [l.path, l.fileName].filter(Boolean).join('/'))))],
      ['Kind', item.hasContent ? `${item.mimeType ?? 'unknown type'}${item.width ? `, ${item.width}×${item.height}` : ''}` : 'Known by hash only (no file)'],
      ['Size', bytes(item.size)],
      ['Arrived', when(item.createdAt)],
      ['Source', item.source],
      ['Category', item.category ? `${item.category} (${item.categorySource?.toLowerCase().replace('_', ' ')}${item.categorisedBy ? `, ${item.categorisedBy}` : ''})` : 'none yet'],
      ['Match', item.matchStatus ? item.matchStatus.toLowerCase() : 'unknown to the reference sets'],
      ['Stack', item.stackSize > 1 ? `${item.stackSize} near-duplicates` : null],
      ['Series', item.series],
      ['Tags', item.tags?.length ? item.tags.join(', ') : null],
      ['Tool notes', item.notes],
      ['Note', item.note],
    ])),
    section('Camera and hashes', details([
      ['Camera', [exif.make, exif.model].filter(Boolean).join(' ') || null],
      ['Body serial', exif.bodySerial],
      ['Taken', exif.dateTimeOriginal ? when(exif.dateTimeOriginal) : null],
      ['GPS', exif.gpsLatitude != null ? `${exif.gpsLatitude}, ${exif.gpsLongitude}` : null],
      ['Software', exif.software],
      ['SHA-256', item.sha256 ? h('code', {}, item.sha256) : null],
      ['SHA-1', item.sha1 ? h('code', {}, item.sha1) : null],
      ['MD5', item.md5 ? h('code', {}, item.md5) : null],
      ['PDQ', item.pdq ? h('code', {}, `${item.pdq} (quality ${item.pdqQuality})`) : null],
    ])));
}

async function categoriseItem(state, code) {
  const entry = state.entries[state.index];
  if (!entry || entry.kind !== 'item' || !state.c.canWork) return;
  const stack = state.wholeStack && (entry.item.stackSize ?? 1) > 1;
  try {
    const updated = await state.app.api.put(`/api/cases/${state.c.id}/media/${entry.item.id}/categorisation`,
      { category: code }, { stack });
    entry.decided = code;
    entry.item = { ...entry.item, ...updated, stackSize: entry.item.stackSize };
    state.decisions.push(state.index);
    state.announcer.textContent = `${fileNameOf(entry.item)} categorised ${code}${stack ? ` with its stack of ${entry.item.stackSize}` : ''}.`;
    next(state, 1, true);
  } catch (e) {
    problemToast(e);
  }
}

async function showSeries(state, entry) {
  const { app, c } = state;
  const s = entry.series;
  replace(state.itemPanel, h('p', { class: 'loading' }, 'Loading the series…'));
  try {
    const [full, items] = await Promise.all([
      app.api.get(`/api/cases/${c.id}/series/${s.id}`),
      app.api.get(`/api/cases/${c.id}/media`, { seriesId: s.id, size: 500 }),
    ]);
    if (state.entries[state.index] !== entry) return;
    const byId = new Map(items.map(i => [i.id, i]));
    const confirmed = full.members.filter(m => m.state === 'CONFIRMED').length;
    const suggested = full.members.filter(m => m.state === 'SUGGESTED');
    replace(state.itemPanel,
      h('h2', {}, `${state.index + 1}. Series ${full.reference}: ${full.name}`),
      entry.decided ? h('p', {}, badge(`Categorised ${entry.decided}`, 'ok'), ' Press u to undo.') : null,
      section('Decide for the whole series',
        h('p', {}, `${plural(confirmed, 'confirmed member')} will be categorised; ${plural(suggested.length, 'suggested member')} left as they are.`),
        suggested.length && c.canWork ? button(`Confirm the ${plural(suggested.length, 'suggestion')}`, async () => {
          try {
            for (const m of suggested) {
              await app.api.post(`/api/cases/${c.id}/series/${s.id}/members/${m.mediaItemId}/decision`, { decision: 'CONFIRM' });
            }
            toast(`${plural(suggested.length, 'member')} confirmed`);
            entry.series = { ...s, confirmed: confirmed + suggested.length, suggested: 0 };
            drawQueue(state);
            showSeries(state, entry);
          } catch (e) {
            problemToast(e);
          }
        }, { id: 'confirm-suggestions' }) : null,
        categoryButtons(state, code => categoriseSeries(state, code, full)),
        h('p', { class: 'hint' }, link(`#/cases/${c.id}/series/${s.id}`, 'Series page: members, merge, split, history'))),
      section('Members', h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, ['File', 'State', 'Kind', 'Category'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, full.members.map(m => {
          const item = byId.get(m.mediaItemId);
          return h('tr', {},
            h('td', {}, link(`#/cases/${c.id}/media/${m.mediaItemId}`, item ? fileNameOf(item) : m.mediaItemId)),
            h('td', {}, m.state.toLowerCase()),
            h('td', {}, item ? (item.hasContent ? item.mimeType ?? 'file' : 'hash only') : ''),
            h('td', {}, item?.category ?? ''));
        }))))));
  } catch (e) {
    replace(state.itemPanel, problem(e));
  }
}

async function categoriseSeries(state, code, full) {
  const entry = state.entries[state.index];
  if (!state.c.canWork) return;
  try {
    const result = await state.app.api.put(`/api/cases/${state.c.id}/series/${full.id}/categorisation`, { category: code });
    entry.decided = code;
    entry.firstMember = full.members.find(m => m.state === 'CONFIRMED')?.mediaItemId;
    state.decisions.push(state.index);
    state.announcer.textContent = `Series ${full.reference} categorised ${code}: ${plural(result.categorised, 'item')}.`;
    toast(state.announcer.textContent);
    next(state, 1, true);
  } catch (e) {
    problemToast(e);
  }
}

function next(state, step, skipDecided = false) {
  const { entries } = state;
  if (!entries.length) return;
  let i = state.index;
  for (let tries = 0; tries < entries.length; tries++) {
    i = Math.min(Math.max(i + step, 0), entries.length - 1);
    if (!skipDecided || !entries[i].decided || i === entries.length - 1) break;
  }
  state.index = i;
  drawQueue(state);
  show(state);
}

async function undo(state) {
  const index = state.decisions.pop();
  if (index === undefined) {
    toast('Nothing to undo in this session');
    return;
  }
  const entry = state.entries[index];
  const itemId = entry.kind === 'item' ? entry.item.id : entry.firstMember;
  try {
    const restored = await state.app.api.post(`/api/cases/${state.c.id}/media/${itemId}/categorisation/undo`);
    if (entry.kind === 'item') entry.item = { ...entry.item, ...restored, stackSize: entry.item.stackSize };
    entry.decided = null;
    state.index = index;
    state.announcer.textContent = `Decision undone: ${entry.kind === 'item' ? fileNameOf(entry.item) : `series ${entry.series.reference}`} is back in the queue.`;
    toast(state.announcer.textContent);
    drawQueue(state);
    show(state);
  } catch (e) {
    state.decisions.push(index);
    problemToast(e);
  }
}

function onKey(state, event) {
  if (event.defaultPrevented || event.altKey || event.metaKey) return;
  const target = event.target;
  if (target.closest?.('input, textarea, select, dialog, [contenteditable]')) return;
  const key = event.key;
  if (event.ctrlKey) {
    if (key === 'z') { event.preventDefault(); undo(state); }
    return;
  }
  if (key === 'j' || key === 'ArrowDown') { event.preventDefault(); next(state, 1); return; }
  if (key === 'k' || key === 'ArrowUp') { event.preventDefault(); next(state, -1); return; }
  if (key === 'u') { event.preventDefault(); undo(state); return; }
  if (key === 's' && state.mode === 'stacks') {
    event.preventDefault();
    state.wholeStack = !state.wholeStack;
    const box = document.getElementById('whole-stack');
    if (box) box.checked = state.wholeStack;
    state.announcer.textContent = state.wholeStack ? 'Whole stack on' : 'Whole stack off';
    return;
  }
  if (key === 'p' && state.mode === 'stacks') {
    event.preventDefault();
    setPreviews(!previewsOn());
    const box = document.getElementById('previews-toggle');
    if (box) box.checked = previewsOn();
    state.announcer.textContent = previewsOn() ? 'Blurred previews on' : 'Blurred previews off';
    show(state);
    return;
  }
  if (key === 'r') {
    const reveal = state.itemPanel.querySelector('[data-action=reveal]');
    if (reveal) { event.preventDefault(); reveal.click(); }
    return;
  }
  const category = state.scheme.categories.find(cat => keyOf(cat.code) === key.toLowerCase());
  if (category) {
    event.preventDefault();
    const entry = state.entries[state.index];
    if (entry?.kind === 'series') {
      state.itemPanel.querySelector(`.btn-category[data-code="${CSS.escape(category.code)}"]`)?.click();
    } else {
      categoriseItem(state, category.code);
    }
  }
}

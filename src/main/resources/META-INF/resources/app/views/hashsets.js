// Reference hash sets: everyone on a case reads them; supervisors register, import and
// (de)activate them.
import { bytes, h, replace, when } from '../dom.js';
import { ROLES } from '../roles.js';
import { badge, button, form, loadInto, pageHeader, problem, section, table, toast } from '../ui.js';
import { problemToast } from './cases.js';
import { jobProgress } from './jobs.js';

const SOURCES = ['ICSE', 'PROJECT_VIC', 'CAID', 'NSRL', 'NATIONAL', 'CUSTOM'];
const FORMATS = [['ICSE', 'ICSE CSV export'], ['VICS', 'Project VIC VICS JSON'], ['NSRL', 'NSRL RDSv3 SQLite'], ['PLAIN', 'Plain list of hashes']];

export async function view({ app, signal }) {
  const manage = app.auth.hasRole(ROLES.supervisor);
  const holder = h('div');
  const progress = h('div', { id: 'hash-set-progress' });
  const load = () => loadInto(holder, () => app.api.get('/api/hash-sets'), sets => table({
    caption: 'Reference hash sets',
    rows: sets,
    empty: 'No reference hash set is registered.',
    columns: [
      { label: 'Set', value: s => `${s.name} ${s.version}` },
      { label: 'Source', value: s => s.source },
      { label: 'Kind', value: s => badge(s.kind.toLowerCase(), s.kind === 'ALERT' ? 'danger' : 'ok') },
      { label: 'Entries', value: s => s.entryCount.toLocaleString('en-GB'), class: 'num' },
      { label: 'Import', value: s => [s.importState.toLowerCase(), s.importedAt ? ` ${when(s.importedAt)}` : ''] },
      { label: 'Active', value: s => s.active ? badge('active', 'ok') : badge('inactive', 'neutral') },
      { label: 'Actions', value: s => manage ? actions(s) : '' },
    ],
  }));
  const actions = s => {
    const out = [];
    out.push(button(s.active ? 'Deactivate' : 'Activate', async () => {
      try {
        const updated = await app.api.put(`/api/hash-sets/${s.id}/active`, { active: !s.active });
        toast(`${s.name} ${updated.active ? 'activated' : 'deactivated'}${updated.lastJobId ? '; matching again' : ''}`);
        if (updated.lastJobId && updated.lastJobId !== s.lastJobId) follow(updated.lastJobId, 'Re-matching');
        load();
      } catch (e) {
        problemToast(e);
      }
    }, { class: 'btn btn-small', 'aria-label': `${s.active ? 'Deactivate' : 'Activate'} ${s.name}` }));
    if (s.importState === 'EMPTY' || s.importState === 'FAILED') {
      const input = h('input', { type: 'file', id: `file-${s.id}`, class: 'visually-hidden-input' });
      const format = h('select', { 'aria-label': `Format of the file for ${s.name}` }, FORMATS.map(([v, l]) => h('option', { value: v }, l)));
      input.addEventListener('change', async () => {
        const file = input.files[0];
        if (!file) return;
        try {
          const job = await app.api.request('POST', `/api/hash-sets/${s.id}/imports?format=${format.value}&fileName=${encodeURIComponent(file.name)}`,
            file, { headers: { 'Content-Type': 'application/octet-stream' } });
          toast(`Import of ${file.name} (${bytes(file.size)}) started`);
          follow(job.id, `Import into ${s.name}`);
        } catch (e) {
          replace(progress, problem(e));
        }
      });
      out.push(' ', format, ' ', h('label', { for: `file-${s.id}`, class: 'btn btn-small' }, 'Import a file'), input);
    }
    return out;
  };
  const follow = (jobId, label) => replace(progress, jobProgress(app, jobId, { signal, label, onEnd: () => load() }));
  load();
  const register = manage ? section('Register a set', form({
    submitLabel: 'Register',
    fields: [
      { name: 'name', label: 'Name', required: true, maxlength: 200 },
      { name: 'version', label: 'Version', required: true, maxlength: 100 },
      { name: 'source', label: 'Source', type: 'select', options: SOURCES.map(v => ({ value: v, label: v })) },
      { name: 'kind', label: 'Kind', type: 'select', options: [{ value: 'ALERT', label: 'Alert (known abuse material)' }, { value: 'IGNORABLE', label: 'Ignorable (known good)' }] },
      { name: 'defaultCategory', label: 'Category for entries without one', maxlength: 50 },
      { name: 'description', label: 'Description', type: 'textarea', maxlength: 2000 },
    ],
    onSubmit: async v => {
      const s = await app.api.post('/api/hash-sets', {
        name: v.name, version: v.version, source: v.source, kind: v.kind,
        defaultCategory: v.defaultCategory || null, description: v.description || null,
      });
      toast(`${s.name} registered (inactive until you import and activate it)`);
      load();
    },
  })) : null;
  return h('div', {}, pageHeader('Reference hash sets'), progress, section('Sets', holder), register);
}

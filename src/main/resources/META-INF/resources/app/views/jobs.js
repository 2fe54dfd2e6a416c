// Jobs: the user's running and recent jobs with live progress, cancellable.
import { h, replace, when } from '../dom.js';
import { badge, button, link, loadInto, pageHeader, progressBar, section, table, toast } from '../ui.js';
import { ROLES } from '../roles.js';
import { problemToast } from './cases.js';

export function jobStateBadge(state) {
  const kind = { SUCCEEDED: 'ok', FAILED: 'danger', CANCELLED: 'neutral', RUNNING: 'info', QUEUED: 'info' }[state] ?? 'neutral';
  return badge(state.toLowerCase(), kind);
}

/** Each job type in words (the server's type name for one this UI does not know yet). */
const JOB_NAMES = {
  'media-import': 'Import of a forensic export',
  'hash-set-import': 'Hash-set import',
  'hash-set-rematch': 'Matching the cases against a hash set',
  'video-hashing': 'Video decoding and hashing',
  'video-rematch': 'Matching the videos against a hash set',
  'series-clustering': 'Series detection',
  'exchange-pull': 'Pull from the exchange hub',
  'case-disposal': 'Disposal of a closed case',
  'audit-verification': 'Audit chain verification',
  'search-rebuild': 'Search index rebuild',
};

function describe(job) {
  const parts = [];
  if (job.total) parts.push(`${job.done.toLocaleString('en-GB')} of ${job.total.toLocaleString('en-GB')}`);
  else if (job.done) parts.push(`${job.done.toLocaleString('en-GB')} done`);
  if (job.itemsPerSecond) parts.push(`${Math.round(job.itemsPerSecond)}/s`);
  if (job.etaSeconds && job.state === 'RUNNING') parts.push(`about ${job.etaSeconds} s left`);
  if (job.errorCount) parts.push(`${job.errorCount} errors`);
  if (job.message) parts.push(job.message);
  return parts.join(', ');
}

/**
 * A job's progress, live from its server-sent events until it ends; onEnd gets the last snapshot.
 */
export function jobProgress(app, jobId, { signal, onEnd, label = 'Job' } = {}) {
  const bar = progressBar(`${label} progress`);
  const state = h('span', { class: 'job-state' });
  const errors = h('div');
  const el = h('div', { class: 'job', dataset: { jobId } }, h('p', {}, `${label}: `, state), bar, errors);
  const show = job => {
    replace(state, jobStateBadge(job.state));
    bar.set((job.percent ?? (job.state === 'SUCCEEDED' ? 100 : 0)) / 100, describe(job) || job.state.toLowerCase());
    if (job.errors?.length) {
      replace(errors, h('details', {}, h('summary', {}, `${job.errorCount} records refused`),
        h('ul', {}, job.errors.map(e => h('li', {}, e)))));
    }
  };
  let last = null;
  app.api.events(`/api/jobs/${jobId}/events`, job => { last = job; show(job); }, signal)
    .then(() => { if (last && onEnd) onEnd(last); })
    .catch(e => { if (!signal?.aborted) replace(errors, h('p', { class: 'field-error' }, e.message)); });
  return el;
}

export async function view({ app, signal }) {
  const holder = h('div');
  // The cases the user may read, to name a job's case (an auditor reads none: the job is named alone).
  const readsCases = app.auth.hasRole(ROLES.officer, ROLES.investigator, ROLES.liaison, ROLES.supervisor);
  const references = new Map(readsCases
    ? (await app.api.get('/api/cases').catch(() => [])).map(c => [c.id, c.reference]) : []);
  const load = () => loadInto(holder, () => app.api.get('/api/jobs'), jobs => table({
    caption: 'Your jobs, newest first',
    rows: jobs,
    empty: 'You have no jobs.',
    rowProps: j => ({ dataset: { jobId: j.id } }),
    columns: [
      { label: 'Job', value: j => [JOB_NAMES[j.type] ?? j.type,
        j.caseId && references.has(j.caseId) ? [', case ', link(`#/cases/${j.caseId}`, references.get(j.caseId))] : null] },
      { label: 'Started', value: j => when(j.createdAt) },
      { label: 'Progress', value: j => (j.state === 'RUNNING' || j.state === 'QUEUED')
        ? jobProgress(app, j.id, { signal, label: j.type, onEnd: () => load() }) : [jobStateBadge(j.state), ' ', describe(j)] },
      { label: 'Actions', value: j => (j.state === 'RUNNING' || j.state === 'QUEUED')
        ? button('Cancel', async () => {
          try {
            await app.api.post(`/api/jobs/${j.id}/cancel`);
            toast('Cancellation requested');
            load();
          } catch (e) {
            problemToast(e);
          }
        }, { 'aria-label': `Cancel ${j.type} job` }) : '' },
    ],
  }));
  load();
  return h('div', {}, pageHeader('Jobs', button('Refresh', load)), section('Running and recent jobs', holder));
}

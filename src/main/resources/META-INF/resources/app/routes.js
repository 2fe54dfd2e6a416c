// Every screen and its address.
import * as audit from './views/audit.js';
import * as cases from './views/cases.js';
import * as disposals from './views/disposals.js';
import * as exchange from './views/exchange.js';
import * as hashsets from './views/hashsets.js';
import * as home from './views/home.js';
import * as hub from './views/hub.js';
import * as jobs from './views/jobs.js';
import * as leads from './views/leads.js';
import * as media from './views/media.js';
import * as notifications from './views/notifications.js';
import * as opinions from './views/opinions.js';
import * as report from './views/report.js';
import * as series from './views/series.js';
import * as triage from './views/triage.js';
import * as seizure from './views/seizure.js';
import * as welfare from './views/welfare.js';

export const routes = [
  ['/', home.view],
  ['/cases', cases.list],
  ['/cases/:caseId', cases.overview],
  ['/cases/:caseId/seizures/:seizureId', seizure.view],
  ['/cases/:caseId/triage', triage.view],
  ['/cases/:caseId/media/:mediaId', media.view],
  ['/cases/:caseId/series', series.list],
  ['/cases/:caseId/series/:seriesId', series.view],
  ['/cases/:caseId/leads', leads.board],
  ['/cases/:caseId/leads/:leadId', leads.view],
  ['/leads', leads.mine],
  ['/cases/:caseId/report', report.view],
  ['/second-opinions', opinions.view],
  ['/hash-sets', hashsets.view],
  ['/notifications', notifications.view],
  ['/welfare', welfare.view],
  ['/disposals', disposals.view],
  ['/exchange', exchange.view],
  ['/exchange/hub-statistics', exchange.hubStatisticsView],
  ['/exchange/:packageId', exchange.packageView],
  ['/hub', hub.statistics],
  ['/hub/nodes', hub.nodes],
  ['/hub/conflicts', hub.conflicts],
  ['/hub/entries/:entryId', hub.entry],
  ['/hub/baseline-exports', hub.baselineExports],
  ['/audit', audit.view],
  ['/jobs', jobs.view],
];

// The user's inbox: cross-case hits, finished jobs, approvals waiting.
import { h, when } from '../dom.js';
import { button, link, loadInto, pageHeader, section, table } from '../ui.js';
import { problemToast } from './cases.js';

export async function view({ app, query }) {
  const unreadOnly = query.get('unread') === 'true';
  const holder = h('div');
  const load = () => loadInto(holder, () => app.api.get('/api/notifications', { unread: unreadOnly || undefined, size: 100 }), list => table({
    caption: 'Notifications, newest first',
    rows: list,
    empty: unreadOnly ? 'Nothing unread.' : 'No notification.',
    rowProps: n => ({ class: n.readAt ? null : 'unread' }),
    columns: [
      { label: 'When', value: n => when(n.createdAt) },
      { label: 'What', value: n => [h('strong', {}, n.title), h('br'), n.body] },
      { label: 'Case', value: n => n.caseId ? link(`#/cases/${n.caseId}`, 'Open the case') : '' },
      { label: 'Read', value: n => n.readAt ? when(n.readAt) : button('Mark read', async () => {
        try {
          await app.api.post(`/api/notifications/${n.id}/read`);
          load();
          app.refreshUnread();
        } catch (e) {
          problemToast(e);
        }
      }, { class: 'btn btn-small' }) },
    ],
  }));
  load();
  return h('div', {}, pageHeader('Notifications', button('Mark all read', async () => {
    try {
      await app.api.post('/api/notifications/read-all');
      load();
      app.refreshUnread();
    } catch (e) {
      problemToast(e);
    }
  })),
  h('div', { class: 'filters' },
    h('a', { href: '#/notifications', class: 'chip', 'aria-current': unreadOnly ? null : 'true' }, 'All'),
    h('a', { href: '#/notifications?unread=true', class: 'chip', 'aria-current': unreadOnly ? 'true' : null }, 'Unread')),
  section('Inbox', holder));
}

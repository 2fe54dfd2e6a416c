// VIDCase web UI: signs in, draws the header for the user's roles and hands the page to the router.
import { Api } from './api.js';
import { Auth } from './auth.js';
import { h, replace } from './dom.js';
import { Router } from './router.js';
import { button, problem } from './ui.js';
import { ROLES } from './roles.js';
import { routes } from './routes.js';

const main = document.getElementById('main');
const header = document.getElementById('app-header');

document.getElementById('skip-link').addEventListener('click', () => main.focus());

function signedOutPage(auth, message) {
  document.title = 'Signed out · VIDCase';
  replace(main, h('div', { class: 'sign-in' },
    h('h1', {}, 'VIDCase'),
    message,
    button('Sign in', () => auth.signIn({ route: location.hash || '#/' }), { kind: 'primary' })));
}

function navigation(auth, exchangeMode) {
  const hub = exchangeMode === 'hub';
  const items = [
    ['#/', 'Home', true],
    ['#/cases', 'Cases', auth.hasRole(ROLES.officer, ROLES.investigator, ROLES.liaison, ROLES.supervisor)],
    ['#/leads', 'Leads', auth.hasRole(ROLES.officer, ROLES.investigator, ROLES.liaison, ROLES.supervisor)],
    ['#/second-opinions', 'Second opinions', auth.hasRole(ROLES.officer, ROLES.investigator, ROLES.supervisor)],
    ['#/hash-sets', 'Hash sets', auth.hasRole(ROLES.officer, ROLES.investigator, ROLES.liaison, ROLES.supervisor)],
    ['#/exchange', 'Exchange', !hub && auth.hasRole(ROLES.liaison, ROLES.supervisor)],
    ['#/hub', 'Hub', hub && auth.hasRole(ROLES.hubAdmin)],
    ['#/hub/baseline-exports', 'Baseline exports', hub && !auth.hasRole(ROLES.hubAdmin) && auth.hasRole(ROLES.auditor)],
    ['#/welfare', 'Welfare', auth.hasRole(ROLES.supervisor)],
    ['#/disposals', 'Disposals', auth.hasRole(ROLES.supervisor, ROLES.auditor)],
    ['#/audit', 'Audit trail', auth.hasRole(ROLES.auditor)],
    ['#/jobs', 'Jobs', auth.hasRole(ROLES.officer, ROLES.investigator, ROLES.liaison, ROLES.supervisor, ROLES.auditor)],
  ];
  return h('nav', { 'aria-label': 'Main' }, h('ul', {}, items.filter(([, , shown]) => shown)
    .map(([href, label]) => h('li', {}, h('a', { href, class: 'nav-link' }, label)))));
}

function markCurrent() {
  const [path] = Router.current();
  for (const a of header.querySelectorAll('nav a')) {
    const target = a.getAttribute('href').slice(1);
    const current = target === '/' ? path === '/' : path === target || path.startsWith(target + '/');
    if (current) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
}

function drawHeader(app) {
  const user = app.auth.user;
  const unread = h('span', { class: 'count', id: 'unread-count' }, '');
  replace(header,
    h('a', { href: '#/', class: 'brand' }, 'VIDCase'),
    navigation(app.auth, app.exchangeMode),
    h('div', { class: 'user' },
      app.auth.hasRole(ROLES.officer, ROLES.investigator, ROLES.liaison, ROLES.supervisor, ROLES.auditor)
        ? h('a', { href: '#/notifications', class: 'notifications-link', id: 'notifications-link' }, 'Notifications ', unread)
        : null,
      h('span', { class: 'user-name', id: 'user-name' }, user.name),
      h('span', { class: 'user-roles', id: 'user-roles' }, user.roles.join(', ')),
      button('Sign out', () => app.auth.signOut(), { id: 'sign-out' })));
}

async function refreshUnread(app) {
  try {
    const { unread } = await app.api.get('/api/notifications/unread-count');
    const count = document.getElementById('unread-count');
    if (count) {
      count.textContent = unread ? String(unread) : '';
      document.getElementById('notifications-link')
        .setAttribute('aria-label', `Notifications, ${unread} unread`);
    }
  } catch {
    // the count is a convenience; the inbox itself shows any error
  }
}

async function start() {
  let config;
  try {
    config = await fetch('/app/config.json', { cache: 'no-store' }).then(r => r.json());
  } catch (e) {
    replace(main, problem(new Error('The sign-in settings could not be read from the server.')));
    return;
  }
  const auth = new Auth(config);
  if (new URLSearchParams(location.search).has('signed-out')) {
    history.replaceState(null, '', '/');
    signedOutPage(auth, h('p', {}, 'You are signed out.'));
    return;
  }
  try {
    await auth.completeSignIn();
  } catch (e) {
    signedOutPage(auth, problem(e));
    return;
  }
  if (!auth.signedIn) {
    await auth.signIn({ route: location.hash || '#/' });
    return;
  }
  const api = new Api(auth);
  let categories = null;
  const app = {
    api,
    auth,
    navigate(hash) { location.hash = hash; },
    async categories() {
      categories ??= api.get('/api/categories');
      return categories;
    },
    canReveal: auth.hasRole(ROLES.officer, ROLES.investigator, ROLES.supervisor),
    exchangeMode: config.exchangeMode ?? 'node',
    refreshUnread: () => refreshUnread(app),
    afterRender: markCurrent,
  };
  // A first call before anything is drawn: a token the server refuses (no second factor yet, as
  // after a first TOTP enrolment) goes back through sign-in here, without a flash of the page.
  await refreshUnread(app);
  drawHeader(app);
  await refreshUnread(app);
  setInterval(() => { if (!auth.idle) refreshUnread(app); }, 60_000);
  await new Router(routes, app, main).start();
}

start();

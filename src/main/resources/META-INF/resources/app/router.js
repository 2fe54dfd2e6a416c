// Hash routes (#/cases/…): the server serves one page, and a route survives a sign-in round trip.
import { h, replace } from './dom.js';
import { problem } from './ui.js';

export class Router {
  #controller = null;

  constructor(routes, app, outlet) {
    this.routes = routes.map(([pattern, view]) => ({
      view,
      names: [...pattern.matchAll(/:(\w+)/g)].map(m => m[1]),
      regex: new RegExp('^' + pattern.replace(/:(\w+)/g, '([^/]+)') + '/?$'),
    }));
    this.app = app;
    this.outlet = outlet;
  }

  start() {
    addEventListener('hashchange', () => this.render());
    return this.render();
  }

  /** The current route's path and query, e.g. ['/cases/1', URLSearchParams]. */
  static current() {
    const [path, search] = (location.hash.slice(1) || '/').split('?');
    return [path || '/', new URLSearchParams(search || '')];
  }

  async render() {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const [path, query] = Router.current();
    const route = this.routes.find(r => r.regex.test(path));
    replace(this.outlet, h('p', { class: 'loading', role: 'status' }, 'Loading…'));
    let node;
    try {
      if (!route) {
        node = h('div', {}, h('h1', {}, 'Page not found'), h('p', {}, 'There is no page at this address. '),
          h('p', {}, h('a', { href: '#/' }, 'Go to the start page')));
      } else {
        const values = route.regex.exec(path).slice(1).map(decodeURIComponent);
        const params = Object.fromEntries(route.names.map((n, i) => [n, values[i]]));
        node = await route.view({ params, query, signal: controller.signal, app: this.app });
      }
    } catch (e) {
      if (controller.signal.aborted) return;
      node = h('div', {}, h('h1', {}, 'This page could not be shown'), problem(e));
    }
    if (controller.signal.aborted) return;
    replace(this.outlet, node);
    this.app.afterRender?.();
    if (!this.outlet.contains(document.activeElement) || document.activeElement === document.body) {
      this.outlet.focus({ preventScroll: true });
    }
    scrollTo(0, 0);
  }
}

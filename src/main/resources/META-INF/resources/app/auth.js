// Sign-in with the realm's public client: authorisation code with PKCE (RFC 7636).
// Tokens live in this module's memory only, never in lasting web storage or a cookie: a reload signs in
// again through Keycloak's session, silently while that session lasts. The verifier, state and
// the route to come back to are kept in sessionStorage (this tab only) for the length of the
// redirect, and removed when the answer arrives.

const PENDING = 'vidcase.sign-in';
const RENEW_BEFORE_MS = 30_000;

function randomString(bytes) {
  const data = crypto.getRandomValues(new Uint8Array(bytes));
  return base64url(data);
}

function base64url(bytes) {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function challengeOf(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** The claims of a JWT, unverified: the server verifies; the UI only shows names and roles. */
export function claimsOf(jwt) {
  const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = new TextDecoder().decode(Uint8Array.from(atob(part), c => c.charCodeAt(0)));
  return JSON.parse(json);
}

export class SignInError extends Error {}

export class Auth {
  #tokens = null;
  #renewTimer = null;
  #renewing = null;
  #lastActivity = Date.now();

  /**
   * @param config {realmUrl, clientId, idleMinutes} from /app/config.json
   */
  constructor(config) {
    this.realmUrl = config.realmUrl;
    this.clientId = config.clientId;
    this.idleMs = (config.idleMinutes ?? 15) * 60_000;
    this.redirectUri = location.origin + '/';
    for (const type of ['keydown', 'pointerdown']) {
      addEventListener(type, () => { this.#lastActivity = Date.now(); }, { passive: true, capture: true });
    }
  }

  get signedIn() {
    return this.#tokens !== null;
  }

  /** Name, user name and realm roles of the signed-in user. */
  get user() {
    if (!this.#tokens) return null;
    const claims = claimsOf(this.#tokens.access_token);
    return {
      username: claims.preferred_username,
      name: claims.name || claims.preferred_username,
      roles: (claims.realm_access?.roles ?? []).filter(r => !r.startsWith('default-roles') && r !== 'offline_access' && r !== 'uma_authorization'),
      units: (claims.units ?? []).map(u => String(u).replace(/^\/units\//, '')),
    };
  }

  /** No key or pointer activity for the idle limit: background polls stop, so the session can lapse. */
  get idle() {
    return Date.now() - this.#lastActivity > this.idleMs;
  }

  hasRole(...roles) {
    const mine = this.user?.roles ?? [];
    return roles.some(r => mine.includes(r));
  }

  /**
   * Completes a sign-in if this page load is Keycloak's answer. Returns the route to show, or
   * null when the page was not an answer.
   */
  async completeSignIn() {
    const params = new URLSearchParams(location.search);
    if (!params.has('code') && !params.has('error')) return null;
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    sessionStorage.removeItem(PENDING);
    const route = pending?.route || '#/';
    history.replaceState(null, '', '/' + route);
    if (!pending || params.get('state') !== pending.state) {
      throw new SignInError('This sign-in answer does not belong to this tab. Sign in again.');
    }
    if (params.has('error')) {
      throw new SignInError(params.get('error_description') || params.get('error'));
    }
    const tokens = await this.#tokenRequest({
      grant_type: 'authorization_code',
      code: params.get('code'),
      redirect_uri: this.redirectUri,
      code_verifier: pending.verifier,
    });
    if (tokens.id_token && claimsOf(tokens.id_token).nonce !== pending.nonce) {
      throw new SignInError('The sign-in answer was not for this request. Sign in again.');
    }
    this.#accept(tokens);
    return route;
  }

  /**
   * Goes to Keycloak's sign-in; the page comes back to {@code route}. {@code maxAge} 0 asks for a
   * fresh sign-in (the server's step-up challenge after a first TOTP enrolment).
   */
  async signIn({ route = location.hash || '#/', maxAge } = {}) {
    const verifier = randomString(48);
    const state = randomString(16);
    const nonce = randomString(16);
    sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, nonce, route }));
    const params = new URLSearchParams({
      client_id: this.clientId,
      redirect_uri: this.redirectUri,
      response_type: 'code',
      scope: 'openid',
      state,
      nonce,
      code_challenge: await challengeOf(verifier),
      code_challenge_method: 'S256',
    });
    if (maxAge !== undefined) params.set('max_age', String(maxAge));
    location.assign(`${this.realmUrl}/protocol/openid-connect/auth?${params}`);
    return new Promise(() => {});
  }

  /** Ends the Keycloak session too, then shows the signed-out page. */
  signOut() {
    const idToken = this.#tokens?.id_token;
    this.#forget();
    const params = new URLSearchParams({ client_id: this.clientId, post_logout_redirect_uri: this.redirectUri + '?signed-out' });
    if (idToken) params.set('id_token_hint', idToken);
    location.assign(`${this.realmUrl}/protocol/openid-connect/logout?${params}`);
  }

  /** A valid access token; renews it first if it is about to expire, or signs in again. */
  async accessToken() {
    if (!this.#tokens) {
      return this.signIn();
    }
    if (Date.now() > this.#tokens.expiresAt - 5_000) {
      await this.renew();
    }
    return this.#tokens.access_token;
  }

  /** Renews the tokens with the refresh token; when the session has ended, back to sign-in (same route). */
  async renew() {
    if (!this.#renewing) {
      this.#renewing = this.#refresh().finally(() => { this.#renewing = null; });
    }
    return this.#renewing;
  }

  async #refresh() {
    try {
      this.#accept(await this.#tokenRequest({ grant_type: 'refresh_token', refresh_token: this.#tokens.refresh_token }));
    } catch (e) {
      this.#forget();
      await this.signIn();
    }
  }

  #accept(tokens) {
    const now = Date.now();
    this.#tokens = { ...tokens, expiresAt: now + tokens.expires_in * 1000 };
    // When the access token lapses, for support and tests; the token itself never leaves this module.
    document.documentElement.dataset.tokenExpiresAt = new Date(this.#tokens.expiresAt).toISOString();
    clearTimeout(this.#renewTimer);
    const wait = Math.max(5_000, tokens.expires_in * 1000 - RENEW_BEFORE_MS);
    this.#renewTimer = setTimeout(() => this.#renewIfActive(), wait);
  }

  /** Silent renewal while the user works; an idle session is let expire and asks for sign-in at the next action. */
  #renewIfActive() {
    if (Date.now() - this.#lastActivity < this.idleMs) {
      this.renew();
    } else {
      this.#renewTimer = setTimeout(() => this.#renewIfActive(), 10_000);
    }
  }

  #forget() {
    clearTimeout(this.#renewTimer);
    this.#tokens = null;
  }

  async #tokenRequest(form) {
    const response = await fetch(`${this.realmUrl}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: this.clientId, ...form }),
      cache: 'no-store',
      credentials: 'omit',
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new SignInError(body.error_description || body.error || `Keycloak answered ${response.status}`);
    }
    return body;
  }
}

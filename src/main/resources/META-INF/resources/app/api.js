// The REST API with the user's token. Every error becomes an ApiError carrying the problem
// document (RFC 9457) the server sent, so that screens can show its title and detail in words.

export class ApiError extends Error {
  constructor(problem) {
    super(problem.detail || problem.title || 'The request failed');
    this.problem = problem;
    this.status = problem.status;
  }

  get title() {
    return this.problem.title || 'Error';
  }

  /** Field errors of a validation problem: [{field, message}]. */
  get fieldErrors() {
    return this.problem.errors ?? [];
  }
}

function query(params) {
  if (!params) return '';
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) q.append(key, String(v));
  }
  const text = q.toString();
  return text ? '?' + text : '';
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      const body = await response.json();
      if (body && (body.title || body.detail)) return new ApiError({ status: response.status, ...body });
    } catch {
      // fall through to a problem made from the status
    }
  }
  return new ApiError({
    status: response.status,
    title: response.statusText || `HTTP ${response.status}`,
    detail: response.status >= 500
      ? 'The server could not answer. Try again in a moment; if it persists, tell your administrator.'
      : `The server answered ${response.status}.`,
  });
}

function offline(error) {
  return new ApiError({
    status: 0,
    title: 'No connection to the server',
    detail: `The request did not reach VIDCase (${error.message}). Check the network and try again.`,
  });
}

export class Api {
  constructor(auth) {
    this.auth = auth;
  }

  get(path, params) {
    return this.request('GET', path + query(params));
  }

  post(path, body, params) {
    return this.request('POST', path + query(params), body);
  }

  put(path, body, params) {
    return this.request('PUT', path + query(params), body);
  }

  patch(path, body) {
    return this.request('PATCH', path, body);
  }

  delete(path, params) {
    return this.request('DELETE', path + query(params));
  }

  /** A JSON request; answers the parsed body (null for 204). */
  async request(method, path, body, { headers = {}, raw = false, retried = false } = {}) {
    const init = {
      method,
      headers: { Accept: 'application/json', Authorization: `Bearer ${await this.auth.accessToken()}`, ...headers },
      cache: 'no-store',
      credentials: 'omit',
    };
    if (body !== undefined && body !== null) {
      if (body instanceof Blob) {
        init.body = body;
      } else {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
      }
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      throw offline(e);
    }
    if (response.status === 401 && !retried) {
      await this.#reauthenticate(response);
      return this.request(method, path, body, { headers, raw, retried: true });
    }
    if (!response.ok) throw await problemOf(response);
    if (raw) return response;
    if (response.status === 204) return null;
    const type = response.headers.get('Content-Type') || '';
    return type.includes('json') ? response.json() : response.text();
  }

  /**
   * A 401: a step-up challenge (the token names no second factor: sign in afresh), or a token
   * that expired in flight (renew it once).
   */
  async #reauthenticate(response) {
    const challenge = response.headers.get('WWW-Authenticate') || '';
    if (challenge.includes('insufficient_user_authentication')) {
      await this.auth.signIn({ maxAge: 0 });
    } else {
      await this.auth.renew();
    }
  }

  /**
   * Uploads one file as the raw body, reporting progress (0..1); answers {status, body}.
   * XMLHttpRequest because fetch reports no upload progress.
   */
  async upload(path, file, params, onProgress) {
    const token = await this.auth.accessToken();
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', path + query(params));
      xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      xhr.upload.onprogress = e => { if (e.lengthComputable) onProgress?.(e.loaded / e.total); };
      xhr.onerror = () => reject(offline(new Error('upload interrupted')));
      xhr.onload = () => {
        let body = null;
        try { body = JSON.parse(xhr.responseText); } catch { body = null; }
        if (xhr.status >= 400) {
          reject(new ApiError(body && (body.title || body.detail) ? { status: xhr.status, ...body }
            : { status: xhr.status, title: `HTTP ${xhr.status}`, detail: 'The upload was refused.' }));
        } else {
          resolve({ status: xhr.status, body });
        }
      };
      xhr.send(file);
    });
  }

  /**
   * Server-sent events of a job (GET with the token, which EventSource cannot send): calls
   * onEvent with each parsed event until the stream ends or signal aborts.
   */
  async events(path, onEvent, signal) {
    const response = await fetch(path, {
      headers: { Accept: 'text/event-stream', Authorization: `Bearer ${await this.auth.accessToken()}` },
      cache: 'no-store',
      credentials: 'omit',
      signal,
    }).catch(e => { throw offline(e); });
    if (!response.ok) throw await problemOf(response);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5).trimStart()).join('\n');
        if (data) onEvent(JSON.parse(data));
      }
    }
  }
}

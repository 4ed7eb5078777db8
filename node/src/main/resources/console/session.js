// The signed-in session of the console: sign-in, the bearer token on every API call, refresh
// before the access token expires (and once when the node refuses it), sign-out. No DOM: the
// browser's fetch, sessionStorage and clock are passed in, so that node --test can run it.
import { problemText } from './format.js';

export const SESSION_KEY = 'liaison.session';
/** Refresh this long before the access token expires. */
export const REFRESH_AHEAD_MS = 60_000;

/** An error answer of the node (or no answer at all: status 0). */
export class ApiError extends Error {
  constructor(problem, status, retryAfter) {
    super(problemText(problem, status, retryAfter));
    this.problem = problem;
    this.status = status;
    this.retryAfter = retryAfter ?? null;
  }

  /** The problem type's last part, e.g. 'invalid-token'. */
  get slug() {
    const type = this.problem?.type ?? '';
    return type.slice(type.lastIndexOf('/') + 1);
  }
}

/** What the console keeps of a sign-in or refresh answer (the node's Tokens). */
export function sessionFrom(tokens) {
  const { accessToken, refreshToken, expiresAt, refreshExpiresAt, officer } = tokens ?? {};
  if (!accessToken || !refreshToken || !expiresAt || !officer?.id) {
    throw new ApiError({ title: '登录应答不完整' }, 200);
  }
  return { accessToken, refreshToken, expiresAt, refreshExpiresAt, officer };
}

/** Milliseconds until the session should be refreshed (0: now). */
export function refreshDelay(session, now) {
  const left = Date.parse(session.expiresAt) - now;
  // a short-lived token (a test node's, say) is refreshed at half its remaining life
  return Math.max(0, left - REFRESH_AHEAD_MS, left / 2);
}

/** The event stream's URL: EventSource cannot send headers, so the token goes in the query. */
export function eventsUrl(session, lastEventId) {
  const q = new URLSearchParams({ access_token: session.accessToken });
  if (lastEventId !== null && lastEventId !== undefined && lastEventId !== '') {
    q.set('lastEventId', String(lastEventId));
  }
  return `/api/v1/events?${q}`;
}

/** Reads a Retry-After header (seconds) as a number, or null. */
function retryAfter(res) {
  const v = res.headers.get('Retry-After');
  return v && /^\d+$/.test(v.trim()) ? Number(v.trim()) : null;
}

export class Session {
  /**
   * @param fetch the browser's fetch (relative paths: same origin)
   * @param storage sessionStorage (the tab's; gone when the tab closes)
   * @param now () => milliseconds
   * @param onChange (session|null, reason) => void, after every sign-in, refresh and end
   */
  constructor({ fetch, storage, now = () => Date.now(), onChange = () => {} }) {
    this.fetch = fetch;
    this.storage = storage;
    this.now = now;
    this.onChange = onChange;
    this.current = null;
    this.refreshing = null;
    try {
      const kept = JSON.parse(storage.getItem(SESSION_KEY) ?? 'null');
      if (kept && Date.parse(kept.refreshExpiresAt) > now()) this.current = kept;
    } catch {
      storage.removeItem(SESSION_KEY);
    }
  }

  get officer() {
    return this.current?.officer ?? null;
  }

  async login(officer, password, totp) {
    const body = { officer: String(officer).trim(), password };
    if (totp && String(totp).trim()) body.totp = String(totp).trim();
    const tokens = await this.#send('/api/v1/auth/login', { method: 'POST', body: JSON.stringify(body) });
    this.#keep(sessionFrom(tokens), 'login');
    return this.current;
  }

  /** A new pair for the current one; concurrent callers share one refresh (tokens are spent once). */
  refresh() {
    if (!this.current) return Promise.reject(new ApiError({ type: 'invalid-token', title: '未登录' }, 401));
    if (!this.refreshing) {
      const spent = this.current.refreshToken;
      this.refreshing = this.#send('/api/v1/auth/refresh', {
        method: 'POST', body: JSON.stringify({ refreshToken: spent }),
      }).then((tokens) => {
        this.#keep(sessionFrom(tokens), 'refresh');
        return this.current;
      }, (e) => {
        if (e.status === 401 && this.current?.refreshToken === spent) this.end('expired');
        throw e;
      }).finally(() => { this.refreshing = null; });
    }
    return this.refreshing;
  }

  /** Signs out on the node (best effort) and forgets the session. */
  async logout() {
    if (!this.current) return;
    try {
      await this.api('/api/v1/auth/logout', { method: 'POST' });
    } catch {
      // the session ends here whatever the node says
    } finally {
      this.end('logout');
    }
  }

  end(reason) {
    this.current = null;
    this.storage.removeItem(SESSION_KEY);
    this.onChange(null, reason);
  }

  /**
   * A call of the API with the access token: refreshed first when it is about to expire, and once
   * more when the node answers 401 invalid-token (then the call is repeated once).
   */
  async api(path, options = {}) {
    if (this.current && refreshDelay(this.current, this.now()) === 0) await this.refresh();
    const used = this.current;
    try {
      return await this.#send(path, options, used);
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401 || e.slug !== 'invalid-token' || !used) throw e;
      // refresh unless another call already did (a refresh token is spent once)
      if (this.current === used) await this.refresh();
      if (!this.current) throw e;
      return this.#send(path, options, this.current);
    }
  }

  #keep(session, reason) {
    this.current = session;
    this.storage.setItem(SESSION_KEY, JSON.stringify(session));
    this.onChange(session, reason);
  }

  async #send(path, options, session) {
    const headers = {
      Accept: 'application/json, application/problem+json',
      'Accept-Language': 'zh-CN,zh;q=0.9',
      ...(options.headers ?? {}),
    };
    if (options.body !== undefined && typeof options.body === 'string') {
      headers['Content-Type'] ??= 'application/json; charset=utf-8';
    }
    if (session) headers.Authorization = `Bearer ${session.accessToken}`;
    let res;
    try {
      res = await this.fetch(path, { ...options, headers });
    } catch (e) {
      throw new ApiError({ title: '无法连接本节点', detail: String(e?.message ?? e) }, 0);
    }
    if (options.raw && res.ok) return res;
    const type = res.headers.get('Content-Type') ?? '';
    const body = type.includes('json') ? await res.json().catch(() => null) : null;
    if (!res.ok) throw new ApiError(body, res.status, retryAfter(res));
    return body;
  }
}

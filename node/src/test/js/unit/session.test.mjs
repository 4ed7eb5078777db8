// Tests of the console's session (node/src/main/resources/console/session.js) against a stand-in
// node: a real HTTP server on 127.0.0.1 answering with responses recorded from a real node
// (access tokens living 4 s), as the Java tests' RecordedNode does.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import {
  Session, ApiError, SESSION_KEY, eventsUrl, refreshDelay, sessionFrom,
} from '../../../main/resources/console/session.js';

const text = (name) => readFileSync(new URL(`./recorded/${name}`, import.meta.url), 'utf8');
const recorded = (name) => JSON.parse(text(name));
const LOGIN = recorded('auth-login.json');
const REFRESHED = recorded('auth-refresh.json');
/** 50 s before the recorded sign-in's access token expires. */
const NOW = Date.parse('2026-11-26T14:00:00Z');

/** sessionStorage as the browser has it. */
class Storage {
  constructor() { this.map = new Map(); }
  getItem(k) { return this.map.has(k) ? this.map.get(k) : null; }
  setItem(k, v) { this.map.set(k, String(v)); }
  removeItem(k) { this.map.delete(k); }
}

let server;
let base;
let routes;
let requests;

beforeEach(async () => {
  routes = new Map();
  requests = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      requests.push({ method: req.method, path: req.url, auth: req.headers.authorization ?? null, body });
      const answer = routes.get(`${req.method} ${req.url.split('?')[0]}`);
      if (!answer) {
        res.writeHead(404, { 'Content-Type': 'application/problem+json' });
        res.end('{"type":"https://liaison.example/problems/not-found","title":"Not found","status":404}');
        return;
      }
      answer(req, res);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});

afterEach(() => new Promise((resolve) => { server.close(resolve); server.closeAllConnections(); }));

function on(method, path, status, resource, headers = {}) {
  routes.set(`${method} ${path}`, (req, res) => reply(res, status, resource, headers));
}

function reply(res, status, resource, headers = {}) {
  const type = status >= 400 ? 'application/problem+json' : 'application/json; charset=utf-8';
  res.writeHead(status, { 'Content-Type': type, ...headers });
  res.end(resource ? text(resource) : '');
}

/** The roster only for the refreshed token, as a node that has ended the first one answers. */
function rosterOnlyForRefreshed() {
  routes.set('GET /api/v1/roster', (req, res) => (req.headers.authorization === `Bearer ${REFRESHED.accessToken}`
    ? reply(res, 200, 'roster.json')
    : reply(res, 401, 'problem-401-expired.json')));
}

function session({ storage = new Storage(), now = () => NOW, changes = [] } = {}) {
  return new Session({
    fetch: (path, options) => fetch(base + path, options),
    storage,
    now,
    onChange: (s, reason) => changes.push([s?.officer?.id ?? null, reason]),
  });
}

const to = (path) => requests.filter((r) => r.path.startsWith(path));

test('sign-in keeps the session in sessionStorage and every call carries the access token', async () => {
  on('POST', '/api/v1/auth/login', 200, 'auth-login.json');
  on('GET', '/api/v1/roster', 200, 'roster.json');
  const storage = new Storage();
  const changes = [];
  const s = session({ storage, changes });

  await s.login(' 150924-001 ', 'liaison-150924', '');
  const roster = await s.api('/api/v1/roster');

  assert.deepEqual(JSON.parse(to('/api/v1/auth/login')[0].body), { officer: '150924-001', password: 'liaison-150924' });
  assert.equal(to('/api/v1/auth/login')[0].auth, null);
  assert.equal(to('/api/v1/roster')[0].auth, `Bearer ${LOGIN.accessToken}`);
  assert.equal(roster.self, '140222');
  assert.equal(JSON.parse(storage.getItem(SESSION_KEY)).accessToken, LOGIN.accessToken);
  assert.deepEqual(changes, [['150924-001', 'login']]);
  assert.equal(s.officer.name, '联络员24');
});

test('a second factor is sent when given', async () => {
  on('POST', '/api/v1/auth/login', 200, 'auth-login.json');
  await session().login('150924-018', 'demo-password-018', ' 492039 ');
  assert.equal(JSON.parse(requests[0].body).totp, '492039');
});

test('wrong credentials and a lockout are explained and nothing is kept', async () => {
  on('POST', '/api/v1/auth/login', 401, 'problem-401-invalid-credentials.json');
  const storage = new Storage();
  const s = session({ storage });
  await assert.rejects(s.login('150924-001', 'wrong'), (e) => e instanceof ApiError
    && e.status === 401 && e.slug === 'invalid-credentials' && e.message.startsWith('人员编号、密码或动态口令不对'));
  on('POST', '/api/v1/auth/login', 429, 'problem-429-locked-out.json', { 'Retry-After': '60' });
  await assert.rejects(s.login('150924-017', 'x'), (e) => e.retryAfter === 60 && /请 60 秒后重试$/.test(e.message));
  assert.equal(storage.getItem(SESSION_KEY), null);
  assert.equal(s.current, null);
});

test('a refused access token is refreshed once and the call repeated', async () => {
  on('POST', '/api/v1/auth/login', 200, 'auth-login.json');
  on('POST', '/api/v1/auth/refresh', 200, 'auth-refresh.json');
  rosterOnlyForRefreshed();
  const storage = new Storage();
  const s = session({ storage });
  await s.login('150924-001', 'liaison-150924');

  const roster = await s.api('/api/v1/roster');

  assert.equal(roster.members.length, 6);
  assert.deepEqual(to('/api/v1/roster').map((r) => r.auth),
    [`Bearer ${LOGIN.accessToken}`, `Bearer ${REFRESHED.accessToken}`]);
  assert.deepEqual(JSON.parse(to('/api/v1/auth/refresh')[0].body), { refreshToken: LOGIN.refreshToken });
  assert.equal(JSON.parse(storage.getItem(SESSION_KEY)).refreshToken, REFRESHED.refreshToken);
});

test('calls refused together spend the refresh token once', async () => {
  on('POST', '/api/v1/auth/login', 200, 'auth-login.json');
  on('POST', '/api/v1/auth/refresh', 200, 'auth-refresh.json');
  rosterOnlyForRefreshed();
  const s = session();
  await s.login('150924-001', 'liaison-150924');

  await Promise.all([1, 2, 3, 4].map(() => s.api('/api/v1/roster')));

  assert.equal(to('/api/v1/auth/refresh').length, 1);
});

test('an expired access token is refreshed before the call', async () => {
  on('POST', '/api/v1/auth/login', 200, 'auth-login.json');
  on('POST', '/api/v1/auth/refresh', 200, 'auth-refresh.json');
  rosterOnlyForRefreshed();
  let now = NOW;
  const s = session({ now: () => now });
  await s.login('150924-001', 'liaison-150924');
  now = Date.parse(LOGIN.expiresAt) + 1;

  await s.api('/api/v1/roster');

  assert.deepEqual(to('/api/v1/roster').map((r) => r.auth), [`Bearer ${REFRESHED.accessToken}`]);
});

test('a spent refresh token ends the session and says so', async () => {
  on('POST', '/api/v1/auth/login', 200, 'auth-login.json');
  on('POST', '/api/v1/auth/refresh', 401, 'problem-401-refresh-spent.json');
  on('GET', '/api/v1/roster', 401, 'problem-401-expired.json');
  const storage = new Storage();
  const changes = [];
  const s = session({ storage, changes });
  await s.login('150924-001', 'liaison-150924');

  await assert.rejects(s.api('/api/v1/roster'), (e) => e.status === 401 && /请重新登录/.test(e.message));

  assert.deepEqual(changes, [['150924-001', 'login'], [null, 'expired']]);
  assert.equal(storage.getItem(SESSION_KEY), null);
});

test('sign-out tells the node and forgets the session even when the node refuses', async () => {
  on('POST', '/api/v1/auth/login', 200, 'auth-login.json');
  on('POST', '/api/v1/auth/logout', 204);
  const storage = new Storage();
  const changes = [];
  const s = session({ storage, changes });
  await s.login('150924-001', 'liaison-150924');
  await s.logout();
  assert.equal(to('/api/v1/auth/logout')[0].auth, `Bearer ${LOGIN.accessToken}`);
  assert.deepEqual(changes.at(-1), [null, 'logout']);

  on('POST', '/api/v1/auth/logout', 429, 'problem-429-rate-limited.json', { 'Retry-After': '4' });
  await s.login('150924-001', 'liaison-150924');
  await s.logout();
  assert.equal(storage.getItem(SESSION_KEY), null);
  assert.equal(s.current, null);
});

test('a reloaded tab finds its session; one past its refresh lifetime is not used', () => {
  const storage = new Storage();
  storage.setItem(SESSION_KEY, JSON.stringify(sessionFrom(LOGIN)));
  assert.equal(session({ storage }).officer.id, '150924-001');
  assert.equal(session({ storage, now: () => Date.parse(LOGIN.refreshExpiresAt) + 1 }).current, null);
  storage.setItem(SESSION_KEY, '{not json');
  assert.equal(session({ storage }).current, null);
});

test('the event stream takes the token in its URL and resumes after the last event', () => {
  const s = sessionFrom(LOGIN);
  const url = new URL(eventsUrl(s, 17), 'http://x');
  assert.equal(url.pathname, '/api/v1/events');
  assert.equal(url.searchParams.get('access_token'), LOGIN.accessToken);
  assert.equal(url.searchParams.get('lastEventId'), '17');
  assert.equal(new URL(eventsUrl(s, null), 'http://x').searchParams.has('lastEventId'), false);
});

test('refresh is due a minute before expiry, or at half the life of a short-lived token', () => {
  const s = (ms) => ({ expiresAt: new Date(NOW + ms).toISOString() });
  assert.equal(refreshDelay(s(15 * 60_000), NOW), 14 * 60_000);
  assert.equal(refreshDelay(s(4_000), NOW), 2_000);
  assert.equal(refreshDelay(s(-1_000), NOW), 0);
});

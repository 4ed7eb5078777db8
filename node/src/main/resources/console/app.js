// The Liaison web console's shell: sign-in, the header and navigation, the live feed, and the
// screen of the current address (#/...). Screens live in screens/ (screens.js says how to add one).
// Plain ES modules, no framework; every API call is relative (same origin), carries the signed-in
// officer's token and asks for Chinese answers (session.js). Text from the API is only ever
// inserted as text nodes, never as HTML.
import { EVENTS, shortName, bureauNames, feedLine, can } from './format.js';
import { Session, eventsUrl, refreshDelay } from './session.js';
import { initSignIn, showSignIn, showUser } from './signin.js';
import { $, h } from './dom.js';
import { all, match } from './screens.js';
import './screens/index.js';

const FEED_MAX = 50;

const session = new Session({
  fetch: (...args) => fetch(...args),
  storage: sessionStorage,
  onChange: (s, reason) => (s ? signedIn(s, reason) : signedOut(reason)),
});

let directoryCache = null;
/** What every screen is handed (screens.js). */
const ctx = {
  api: (path, options) => session.api(path, options),
  get officer() { return session.officer; },
  roster: null,
  self: null,
  names: {},
  /** Every bureau's liaison directory, by bureau code (read once, again after an edit). */
  async directory(fresh) {
    if (!directoryCache || fresh) {
      directoryCache = ctx.api('/api/v1/directory')
        .then((d) => Object.fromEntries(d.items.map((x) => [x.bureau, x])))
        .catch((e) => { directoryCache = null; throw e; });
    }
    return directoryCache;
  },
  go(hash) { if (location.hash === hash) route(); else location.hash = hash; },
  toast(text) {
    const t = $('toast');
    t.textContent = text;
    t.hidden = false;
    clearTimeout(ctx.toastTimer);
    ctx.toastTimer = setTimeout(() => { t.hidden = true; }, 5000);
  },
};

let current = null;
let refreshTimer = null;
let eventSource = null;
let feedTimer = null;
let lastEventId = null;

// --- roster and header ---------------------------------------------------------------------

async function loadRoster() {
  const roster = await ctx.api('/api/v1/roster');
  ctx.roster = roster;
  ctx.self = roster.self;
  ctx.names = bureauNames(roster);
  const me = roster.members.find((m) => m.bureau === roster.self);
  $('self').textContent = me ? `本节点：${me.bureau} ${shortName(me.name)}` : `本节点：${roster.self}`;
  document.title = `${shortName(me?.name ?? roster.self)} · 跨区域线索协作`;
}

function buildNav() {
  const roles = session.officer?.roles;
  $('nav').replaceChildren(...all()
    .filter((s) => s.nav && (!s.action || can(roles, s.action)))
    .map((s) => h('a', { href: s.href, class: `nav${s.button ? ' button' : ''}`, 'data-screen': s.id }, s.nav)));
}

// --- live feed -----------------------------------------------------------------------------

function live(ok, text) {
  $('live').classList.toggle('ok', ok);
  $('live-text').textContent = text;
}

function closeFeed() {
  clearTimeout(feedTimer);
  eventSource?.close();
  eventSource = null;
}

/** Opens the live feed with the current token, resuming after the last event seen. */
function connectFeed() {
  closeFeed();
  if (!session.current) return;
  if (!can(session.officer.roles, 'EVENTS_READ')) {
    live(false, '实时：本角色不可用');
    return;
  }
  const source = new EventSource(eventsUrl(session.current, lastEventId));
  eventSource = source;
  source.onopen = () => live(true, '实时：已连接');
  source.onerror = () => {
    live(false, '实时：重连中…');
    // EventSource reconnects by itself with Last-Event-ID, but with the token of its URL; once
    // that token has been replaced the node refuses and EventSource gives up: open a new one
    if (source.readyState === EventSource.CLOSED && eventSource === source) {
      feedTimer = setTimeout(reopenFeed, 2000);
    }
  };
  for (const type of Object.keys(EVENTS)) {
    source.addEventListener(type, (e) => {
      if (e.lastEventId) lastEventId = e.lastEventId;
      let data;
      try { data = JSON.parse(e.data); } catch { return; }
      onEvent(type, data);
    });
  }
}

/** A fresh token first (the call refreshes it when needed), then the feed again. */
function reopenFeed() {
  ctx.api('/api/v1/auth/me').then(connectFeed, () => {
    if (session.current) feedTimer = setTimeout(reopenFeed, 5000);
  });
}

function onEvent(type, data) {
  try {
    current?.screen.onEvent?.(type, data, ctx);
  } finally {
    const line = feedLine(type, data, ctx.names);
    const item = h('li', { 'data-type': type }, h('span', { class: 'time' }, line.time), ' ',
      line.leadId ? h('a', { href: `#/leads/${encodeURIComponent(line.leadId)}` }, line.text) : line.text);
    const feed = $('feed');
    feed.prepend(item);
    while (feed.children.length > FEED_MAX) feed.lastElementChild.remove();
    $('feed-empty').hidden = true;
  }
}

// --- routing -------------------------------------------------------------------------------

async function route() {
  const hash = location.hash || '#/';
  const found = match(hash) ?? match('#/');
  current = found;
  for (const a of $('nav').children) a.classList.toggle('active', a.dataset.screen === found?.screen.id);
  // a new element per showing: a screen's late answers for an address left behind find their
  // element detached (root.isConnected) and change nothing
  const root = h('div', { class: 'screen-body' });
  $('screen').replaceChildren(root);
  $('screen').hidden = false;
  $('screen').dataset.screen = found?.screen.id ?? '';
  if (!found) return;
  if (found.screen.action && !can(session.officer?.roles, found.screen.action)) {
    root.append(h('p', { class: 'error' }, '你的角色无权使用此页面。'));
    return;
  }
  try {
    await found.screen.show(root, found.match, ctx);
  } catch (e) {
    if (current === found) root.append(h('p', { class: 'error' }, e.message));
  }
}

// --- session -----------------------------------------------------------------------------

function scheduleRefresh(s) {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => session.refresh().catch(() => {
    // not refused (that ends the session): the node is unreachable; try again soon
    if (session.current) refreshTimer = setTimeout(() => scheduleRefresh(session.current), 15000);
  }), refreshDelay(s, Date.now()));
}

function signedIn(s, reason) {
  scheduleRefresh(s);
  if (reason === 'login') enter();
}

function signedOut(reason) {
  clearTimeout(refreshTimer);
  closeFeed();
  lastEventId = null;
  directoryCache = null;
  current = null;
  $('screen').replaceChildren();
  $('feed').replaceChildren();
  for (const id of ['workspace', 'nav', 'live']) $(id).hidden = true;
  $('self').textContent = '';
  showSignIn(reason);
}

/** The workspace of the signed-in officer: what their roles allow. */
async function enter() {
  showUser(session.officer);
  buildNav();
  for (const id of ['workspace', 'nav', 'live']) $(id).hidden = false;
  connectFeed();
  try {
    await loadRoster();
  } catch (e) {
    $('self').textContent = `无法读取本节点名录：${e.message}`;
  }
  await route();
}

async function start() {
  initSignIn(session);
  window.addEventListener('hashchange', () => { if (session.current) route(); });
  if (session.current) {
    scheduleRefresh(session.current);
    await enter();
  } else {
    signedOut();
  }
}

start();

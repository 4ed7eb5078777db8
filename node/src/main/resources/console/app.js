// The Liaison web console: sign-in, this node's leads, a form to post one, a lead's detail with its
// proof, and the live feed. Plain ES module, no framework; every API call is relative (same
// origin) and carries the signed-in officer's token (session.js). Text from the API is only ever
// inserted as text nodes, never as HTML.
import {
  CATEGORY, URGENCY, ENTITY, STATE, EVENTS,
  label, beijingTime, shortName, bureauNames, bureauLabel, buildDraft, formField,
  mergeLead, applyTransition, feedLine, can,
} from './format.js';
import { Session, eventsUrl, refreshDelay } from './session.js';
import { initSignIn, showSignIn, showUser } from './signin.js';
import { $, field, h } from './dom.js';
import { detail } from './detail.js';
import { initActions } from './actions.js';
import { initPrice } from './price.js';

const PAGE = 20;
const FEED_MAX = 50;

const state = {
  roster: null,
  self: null,
  names: {},
  leads: [],
  next: null,
  bureau: '',
  fresh: new Set(),
  detailId: null,
  lastEventId: null,
};

const session = new Session({
  fetch: (...args) => fetch(...args),
  storage: sessionStorage,
  onChange: (s, reason) => (s ? signedIn(s, reason) : signedOut(reason)),
});
const api = (path, options) => session.api(path, options);
let refreshTimer = null;
let eventSource = null;
let feedTimer = null;

function showError(el, err) {
  el.textContent = err ? err.message : '';
  el.hidden = !err;
}

// --- roster and header ---------------------------------------------------------------------

async function loadRoster() {
  const roster = await api('/api/v1/roster');
  state.roster = roster;
  state.self = roster.self;
  state.names = bureauNames(roster);
  const me = roster.members.find((m) => m.bureau === roster.self);
  $('self').textContent = me
    ? `本节点：${me.bureau} ${me.name}（${me.province ?? ''}）`
    : `本节点：${roster.self}`;
  document.title = `${shortName(me?.name ?? roster.self)} · 跨区域线索协作`;

  const filter = $('filter-bureau');
  const targets = $('targets');
  filter.replaceChildren(h('option', { value: '' }, '全部来源局'));
  targets.replaceChildren();
  for (const m of roster.members) {
    filter.append(h('option', { value: m.bureau }, `${m.bureau} ${shortName(m.name)}`));
    if (m.bureau !== roster.self) {
      targets.append(h('label', { class: 'check' },
        h('input', { type: 'checkbox', name: 'targetBureaus', value: m.bureau }),
        ` ${shortName(m.name)}`));
    }
  }
}

// --- lead list -----------------------------------------------------------------------------

async function loadLeads(reset) {
  const q = new URLSearchParams({ limit: String(PAGE) });
  if (state.bureau) q.set('bureau', state.bureau);
  if (!reset && state.next) q.set('cursor', state.next);
  try {
    const page = await api(`/api/v1/leads?${q}`);
    let leads = reset ? [] : state.leads;
    for (const v of page.items) leads = mergeLead(leads, v);
    state.leads = leads;
    state.next = page.next ?? null;
    showError($('list-error'), null);
  } catch (e) {
    showError($('list-error'), e);
  }
  renderList();
}

function renderList() {
  const rows = state.leads.map((v) => {
    const l = v.lead;
    const open = () => { location.hash = `#/leads/${encodeURIComponent(v.id)}`; };
    return h('tr', {
      class: [state.fresh.has(v.id) ? 'fresh' : '', v.id === state.detailId ? 'selected' : '',
        l?.urgency === 'URGENT' ? 'urgent' : ''].join(' ').trim() || null,
      tabindex: 0,
      onclick: open,
      onkeydown: (e) => { if (e.key === 'Enter') open(); },
    },
    h('td', { class: 'time' }, beijingTime(v.postedAt)),
    h('td', {}, bureauLabel(v.originBureau, state.names)),
    h('td', {}, l ? label(CATEGORY, l.category) : '-'),
    h('td', {}, l ? h('span', { class: `urgency ${l.urgency ?? ''}` }, label(URGENCY, l.urgency)) : '-'),
    h('td', {}, label(STATE, v.status?.state)),
    h('td', { class: 'title' }, l ? l.title : '（密封内容，本局不是收件方）'));
  });
  $('leads').replaceChildren(...rows);
  $('empty').hidden = state.leads.length > 0;
  $('more').hidden = !state.next;
}

// --- lead detail ---------------------------------------------------------------------------

async function showDetail(id) {
  state.detailId = id;
  renderList();
  const box = $('detail');
  try {
    const v = await api(`/api/v1/leads/${encodeURIComponent(id)}`);
    if (state.detailId !== id) return;
    showError($('detail-error'), null);
    box.replaceChildren(...detail(v, state.names));
  } catch (e) {
    box.replaceChildren();
    showError($('detail-error'), e);
  }
}

// --- post form -----------------------------------------------------------------------------

function initForm() {
  const form = $('post-form');
  for (const [code, word] of Object.entries(CATEGORY)) field(form, 'category').append(h('option', { value: code }, word));
  for (const [code, word] of Object.entries(URGENCY)) field(form, 'urgency').append(h('option', { value: code }, word));
  $('add-entity').addEventListener('click', () => addEntity());
  addEntity('PLATE');
  form.addEventListener('submit', (e) => { e.preventDefault(); submit(form); });
}

function addEntity(type) {
  const row = $('entity-row').content.firstElementChild.cloneNode(true);
  const select = row.querySelector('select');
  for (const [code, word] of Object.entries(ENTITY)) select.append(h('option', { value: code }, word));
  if (type) select.value = type;
  row.querySelector('.remove').addEventListener('click', () => row.remove());
  $('entities').append(row);
  return row;
}

async function submit(form) {
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const draft = buildDraft({
    officer: session.officer?.id ?? '',
    category: field(form, 'category').value,
    urgency: field(form, 'urgency').value,
    title: field(form, 'title').value,
    narrative: field(form, 'narrative').value,
    location: field(form, 'location').value,
    expiresAt: field(form, 'expiresAt').value,
    entities: [...$('entities').children].map((r) => ({
      type: r.querySelector('select').value,
      value: r.querySelector('input[name=value]').value,
      role: r.querySelector('input[name=role]')?.value ?? '',
    })),
    targetBureaus: [...form.querySelectorAll('input[name=targetBureaus]:checked')].map((c) => c.value),
  });
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    const v = await api('/api/v1/leads', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify(draft),
    });
    showError($('post-error'), null);
    form.reset();
    field(form, 'officer').value = session.officer?.id ?? '';
    $('entities').replaceChildren();
    addEntity('PLATE');
    state.leads = mergeLead(state.leads, v);
    markFresh(v.id);
    location.hash = `#/leads/${encodeURIComponent(v.id)}`;
  } catch (e) {
    showError($('post-error'), e);
    markInvalid(form, formField(e.problem?.field));
  } finally {
    button.disabled = false;
  }
}

function markInvalid(form, field) {
  if (!field) return;
  let el;
  if (field === 'targetBureaus') el = $('targets');
  else if (field.startsWith('entities.')) {
    const [, i, part] = field.split('.');
    el = $('entities').children[Number(i)]?.querySelector(part === 'type' ? 'select' : 'input');
  } else el = form.elements.namedItem(field);
  if (el) {
    el.setAttribute('aria-invalid', 'true');
    el.focus?.();
  }
}

// --- live feed -----------------------------------------------------------------------------

function markFresh(id) {
  state.fresh.add(id);
  renderList();
  setTimeout(() => { state.fresh.delete(id); renderList(); }, 8000);
}

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
  const source = new EventSource(eventsUrl(session.current, state.lastEventId));
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
      if (e.lastEventId) state.lastEventId = e.lastEventId;
      let data;
      try { data = JSON.parse(e.data); } catch { return; }
      onEvent(type, data);
    });
  }
}

/** A fresh token first (the call refreshes it when needed), then the feed again. */
function reopenFeed() {
  api('/api/v1/auth/me').then(connectFeed, () => {
    if (session.current) feedTimer = setTimeout(reopenFeed, 5000);
  });
}

function onEvent(type, data) {
  if (type === 'lead.posted') {
    if (!state.bureau || data.originBureau === state.bureau) {
      state.leads = mergeLead(state.leads, data);
      markFresh(data.id);
    }
  } else {
    state.leads = applyTransition(state.leads, data);
    renderList();
    if (data.leadId && data.leadId === state.detailId) showDetail(state.detailId);
  }
  const line = feedLine(type, data, state.names);
  const item = h('li', {}, h('span', { class: 'time' }, line.time), ' ',
    line.leadId ? h('a', { href: `#/leads/${encodeURIComponent(line.leadId)}` }, line.text) : line.text);
  const feed = $('feed');
  feed.prepend(item);
  while (feed.children.length > FEED_MAX) feed.lastElementChild.remove();
  $('feed-empty').hidden = true;
}

// --- routing -------------------------------------------------------------------------------

function route() {
  const hash = location.hash || '#/';
  const lead = /^#\/leads\/(.+)$/.exec(hash);
  $('post-panel').hidden = hash !== '#/post' || !can(session.officer?.roles, 'LEAD_WRITE');
  $('detail-panel').hidden = !lead;
  for (const a of document.querySelectorAll('a.nav')) {
    a.classList.toggle('active', (a.dataset.view === 'post') === (hash === '#/post'));
  }
  if (lead) {
    showDetail(decodeURIComponent(lead[1]));
  } else {
    state.detailId = null;
    renderList();
  }
  if (hash === '#/post') field($('post-form'), 'category').focus();
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
  Object.assign(state, { leads: [], next: null, detailId: null, lastEventId: null });
  $('leads').replaceChildren();
  $('feed').replaceChildren();
  for (const id of ['workspace', 'nav', 'live']) $(id).hidden = true;
  $('self').textContent = '';
  showSignIn(reason);
}

/** The workspace of the signed-in officer: what their roles allow. */
async function enter() {
  const officer = session.officer;
  showUser(officer);
  for (const id of ['workspace', 'nav', 'live']) $(id).hidden = false;
  $('nav-post').hidden = !can(officer.roles, 'LEAD_WRITE');
  field($('post-form'), 'officer').value = officer.id;
  connectFeed();
  try {
    await loadRoster();
  } catch (e) {
    $('self').textContent = `无法读取本节点名录：${e.message}`;
  }
  await loadLeads(true);
  route();
  if (!state.actionsHooked) {
    state.actionsHooked = true;
    initActions({ api, session, self: () => state.self });
  }
  initPrice({
    api,
    names: () => Object.fromEntries((state.roster?.members ?? []).map((m) => [m.bureau, shortName(m.name)])),
    canWrite: () => (session.officer?.roles ?? []).some((r) => r === 'PRICE_CHECKER' || r === 'CHIEF'),
  });
}

async function start() {
  initForm();
  initSignIn(session);
  $('filter-bureau').addEventListener('change', (e) => { state.bureau = e.target.value; loadLeads(true); });
  $('refresh').addEventListener('click', () => loadLeads(true));
  $('more').addEventListener('click', () => loadLeads(false));
  window.addEventListener('hashchange', () => { if (session.current) route(); });
  if (session.current) {
    scheduleRefresh(session.current);
    await enter();
  } else {
    signedOut();
  }
}

start();

// The Liaison web console: this node's leads, a form to post one, a lead's detail with its proof,
// and the live feed. Plain ES module, no framework; every API call is relative (same origin).
// Text from the API is only ever inserted as text nodes, never as HTML.
import {
  CATEGORY, URGENCY, ENTITY, STATE, TRANSITION, OUTCOME, DISTRIBUTION, EVENTS,
  label, beijingTime, shortName, bureauNames, bureauLabel, buildDraft, formField, problemText,
  mergeLead, applyTransition, feedLine,
} from './format.js';

const PAGE = 20;
const FEED_MAX = 50;
const $ = (id) => document.getElementById(id);
/** A form control by name (form.elements, so that names like "title" do not clash). */
const field = (form, name) => form.elements.namedItem(name);

const state = {
  roster: null,
  self: null,
  names: {},
  leads: [],
  next: null,
  bureau: '',
  fresh: new Set(),
  detailId: null,
};

class ApiError extends Error {
  constructor(problem, status) {
    super(problemText(problem, status));
    this.problem = problem;
    this.status = status;
  }
}

async function api(path, options = {}) {
  let res;
  try {
    res = await fetch(path, {
      ...options,
      headers: { Accept: 'application/json, application/problem+json', ...(options.headers ?? {}) },
    });
  } catch (e) {
    throw new ApiError({ title: '无法连接本节点', detail: String(e.message ?? e) }, 0);
  }
  const type = res.headers.get('Content-Type') ?? '';
  const body = type.includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) throw new ApiError(body, res.status);
  return body;
}

/** Builds an element; children that are strings become text nodes. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

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
    box.replaceChildren(...detail(v));
  } catch (e) {
    box.replaceChildren();
    showError($('detail-error'), e);
  }
}

function detail(v) {
  const l = v.lead;
  const names = state.names;
  const rows = (pairs) => h('dl', {}, pairs.filter(Boolean).flatMap(([k, val]) => [h('dt', {}, k), h('dd', {}, val)]));
  const out = [h('h3', {}, l ? l.title : '（密封内容，本局不是收件方）'), h('p', { class: 'muted mono' }, v.id)];
  out.push(rows([
    l && ['类别', label(CATEGORY, l.category)],
    l && ['紧急程度', label(URGENCY, l.urgency)],
    ['来源', bureauLabel(v.originBureau, names) + (l ? ` · 联络员 ${l.officer}` : '')],
    ['发布时间', beijingTime(v.postedAt)],
    l && ['发送对象', l.targetBureaus?.length ? l.targetBureaus.map((b) => bureauLabel(b, names)).join('、') : '全体成员'],
    l && ['分发范围', label(DISTRIBUTION, l.distribution)],
    l?.location && ['地点', l.location],
    l?.expiresAt && ['有效期至', beijingTime(l.expiresAt)],
    v.status && ['状态', label(STATE, v.status.state) + (v.status.owner ? ` · 承办 ${bureauLabel(v.status.owner, names)}` : '')],
    v.status?.outcome && ['办结结果', label(OUTCOME, v.status.outcome) + (v.status.caseNumber ? ` ${v.status.caseNumber}` : '')],
  ]));
  if (l?.entities?.length) {
    out.push(h('h4', {}, '涉及对象'), h('table', { class: 'entities' },
      h('tbody', {}, l.entities.map((e) => h('tr', {}, h('th', {}, label(ENTITY, e.type)), h('td', { class: 'mono' }, e.value))))));
  }
  if (l) out.push(h('h4', {}, '线索内容'), h('p', { class: 'narrative' }, l.narrative));
  if (v.history?.length) {
    out.push(h('h4', {}, '办理记录'), h('ol', { class: 'history' }, v.history.map((t) => h('li', {},
      h('span', { class: 'time' }, beijingTime(t.at)), ' ',
      h('strong', {}, label(TRANSITION, t.event)), ` · ${bureauLabel(t.bureau, names)} · ${t.officer}`,
      t.to ? ` → ${bureauLabel(t.to, names)}` : '',
      t.feedback ? ` · 反馈：${t.feedback}` : '',
      t.outcome ? ` · 结果：${label(OUTCOME, t.outcome)}` : '',
      t.note ? ` · 备注：${t.note}` : ''))));
  }
  if (v.proof) {
    const p = v.proof;
    out.push(h('h4', {}, '签名证明'), h('div', { class: `proof ${p.verified ? 'ok' : 'bad'}` }, rows([
      ['签名局', bureauLabel(p.signer, names)],
      ['密钥', h('span', { class: 'mono' }, p.keyId)],
      ['签名时间', beijingTime(p.signedAt)],
      ['哈希', h('span', { class: 'mono hash' }, p.hash)],
      ['校验', p.verified ? '已通过 ✓（本节点已核验签名）' : '未通过 ✗'],
    ])));
  }
  return out;
}

// --- post form -----------------------------------------------------------------------------

function initForm() {
  const form = $('post-form');
  for (const [code, word] of Object.entries(CATEGORY)) field(form, 'category').append(h('option', { value: code }, word));
  for (const [code, word] of Object.entries(URGENCY)) field(form, 'urgency').append(h('option', { value: code }, word));
  field(form, 'officer').value = localStorage.getItem('liaison.officer') ?? '';
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
    officer: field(form, 'officer').value,
    category: field(form, 'category').value,
    urgency: field(form, 'urgency').value,
    title: field(form, 'title').value,
    narrative: field(form, 'narrative').value,
    location: field(form, 'location').value,
    expiresAt: field(form, 'expiresAt').value,
    entities: [...$('entities').children].map((r) => ({
      type: r.querySelector('select').value, value: r.querySelector('input').value,
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
    localStorage.setItem('liaison.officer', draft.officer);
    showError($('post-error'), null);
    form.reset();
    field(form, 'officer').value = draft.officer;
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

function connectFeed() {
  const source = new EventSource('/api/v1/events');
  const live = (ok, text) => {
    $('live').classList.toggle('ok', ok);
    $('live-text').textContent = text;
  };
  source.onopen = () => live(true, '实时：已连接');
  // EventSource reconnects by itself and resumes with Last-Event-ID
  source.onerror = () => live(false, '实时：重连中…');
  for (const type of Object.keys(EVENTS)) {
    source.addEventListener(type, (e) => {
      let data;
      try { data = JSON.parse(e.data); } catch { return; }
      onEvent(type, data);
    });
  }
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
  $('post-panel').hidden = hash !== '#/post';
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
  if (hash === '#/post') field($('post-form'), 'officer').focus();
}

async function start() {
  initForm();
  $('filter-bureau').addEventListener('change', (e) => { state.bureau = e.target.value; loadLeads(true); });
  $('refresh').addEventListener('click', () => loadLeads(true));
  $('more').addEventListener('click', () => loadLeads(false));
  window.addEventListener('hashchange', route);
  connectFeed();
  try {
    await loadRoster();
  } catch (e) {
    $('self').textContent = `无法读取本节点名录：${e.message}`;
  }
  await loadLeads(true);
  route();
}

start();

// The inbox: this bureau's work lists (待认领, 本局承办, 待反馈, 已逾期, 移交给我, 本局发布, 本局协办) with their
// counts, and every lead this node holds; kept current by the live feed.
import {
  CATEGORY, URGENCY, STATE, label, beijingTime, bureauLabel, shortName, mergeLead,
} from '../format.js';
import { h } from '../dom.js';
import { register } from '../screens.js';

const PAGE = 20;
const COUNT_LIMIT = 200;

export const VIEWS = [
  ['open', '待认领'],
  ['claimed', '本局承办'],
  ['awaiting-feedback', '待反馈'],
  ['overdue', '已逾期'],
  ['handed-to-me', '移交给我'],
  ['posted-by-me', '本局发布'],
  ['cohandling', '本局协办'],
  ['all', '全部线索'],
];

const state = { view: 'open', leads: [], next: null, bureau: '', fresh: new Set(), root: null, timer: null };

function url(view, limit, cursor) {
  const q = new URLSearchParams({ limit: String(limit) });
  if (cursor) q.set('cursor', cursor);
  if (view === 'all') {
    if (state.bureau) q.set('bureau', state.bureau);
    return `/api/v1/leads?${q}`;
  }
  q.set('view', view);
  return `/api/v1/inbox?${q}`;
}

async function counts(ctx, root) {
  if (!root.isConnected) return;
  await Promise.all(VIEWS.filter(([v]) => v !== 'all').map(async ([v]) => {
    const badge = root.querySelector(`[data-view="${v}"] .count`);
    try {
      const page = await ctx.api(url(v, COUNT_LIMIT));
      if (!badge) return;
      badge.textContent = page.next ? `${COUNT_LIMIT}+` : String(page.items.length);
    } catch {
      if (badge) badge.textContent = '?';
    }
  }));
}

async function load(ctx, reset) {
  const root = state.root;
  if (!root?.isConnected) return;
  const error = root.querySelector('.list-error');
  try {
    const page = await ctx.api(url(state.view, PAGE, reset ? null : state.next));
    let leads = reset ? [] : state.leads;
    for (const v of page.items) leads = mergeLead(leads, v);
    state.leads = leads;
    state.next = page.next ?? null;
    error.hidden = true;
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
  }
  render(ctx);
}

function render(ctx) {
  const root = state.root;
  if (!root?.isConnected) return;
  const rows = state.leads.map((v) => {
    const l = v.lead;
    const href = `#/leads/${encodeURIComponent(v.id)}`;
    return h('tr', {
      class: [state.fresh.has(v.id) ? 'fresh' : '', l?.urgency === 'URGENT' ? 'urgent' : ''].join(' ').trim() || null,
      'data-id': v.id,
      tabindex: 0,
      onclick: () => ctx.go(href),
      onkeydown: (e) => { if (e.key === 'Enter') ctx.go(href); },
    },
    h('td', { class: 'time', 'data-label': '发布时间' }, beijingTime(v.postedAt)),
    h('td', { class: 'nowrap', 'data-label': '来源' }, bureauLabel(v.originBureau, ctx.names)),
    h('td', { class: 'nowrap', 'data-label': '类别' }, l ? label(CATEGORY, l.category) : '-'),
    h('td', { class: 'nowrap', 'data-label': '紧急' }, l ? h('span', { class: `urgency ${l.urgency ?? ''}` }, label(URGENCY, l.urgency)) : '-'),
    h('td', { class: 'nowrap state', 'data-label': '状态' }, label(STATE, v.status?.state)
      + (v.status?.owner ? ` · ${ctx.names[v.status.owner] ?? v.status.owner}` : '')),
    h('td', { class: 'title', 'data-label': '标题' }, h('a', { href }, l ? l.title : '（密封内容，本局不是收件方）')));
  });
  root.querySelector('tbody').replaceChildren(...rows);
  root.querySelector('.empty').hidden = state.leads.length > 0;
  root.querySelector('.more').hidden = !state.next;
}

/** Reads the list and the counts again shortly after live events (one read for a burst). */
function later(ctx) {
  clearTimeout(state.timer);
  state.timer = setTimeout(() => {
    if (!state.root?.isConnected) return;
    load(ctx, true);
    counts(ctx, state.root);
  }, 150);
}

register({
  id: 'inbox',
  nav: '线索',
  order: 10,
  href: '#/',
  path: /^#\/(?:inbox\/([a-z-]+))?$/,
  action: 'LEAD_READ',
  async show(root, m, ctx) {
    state.view = VIEWS.some(([v]) => v === m[1]) ? m[1] : 'open';
    state.root = root;
    state.leads = [];
    state.next = null;
    const tabs = h('div', { class: 'tabs', role: 'tablist' }, VIEWS.map(([v, word]) => h('a', {
      href: `#/inbox/${v}`, role: 'tab', 'data-view': v, class: v === state.view ? 'active' : null,
      'aria-selected': String(v === state.view),
    }, word, v === 'all' ? '' : h('span', { class: 'count' }, '…'))));
    const filter = h('select', {
      'aria-label': '来源局',
      onchange: (e) => { state.bureau = e.target.value; load(ctx, true); },
    }, h('option', { value: '' }, '全部来源局'), (ctx.roster?.members ?? []).map((b) => h('option',
      { value: b.bureau, selected: b.bureau === state.bureau }, `${b.bureau} ${shortName(b.name)}`)));
    root.replaceChildren(
      h('div', { class: 'panel-head' }, h('h2', {}, '线索'),
        state.view === 'all' ? h('label', { class: 'inline' }, '来源 ', filter) : null,
        h('button', { type: 'button', class: 'quiet', onclick: () => { load(ctx, true); counts(ctx, root); } }, '刷新')),
      tabs,
      h('p', { class: 'error list-error', hidden: true }),
      h('div', { class: 'table-wrap' }, h('table', { class: 'leads' },
        h('thead', {}, h('tr', {}, ['发布时间', '来源', '类别', '紧急', '状态', '标题'].map((t) => h('th', {}, t)))),
        h('tbody'))),
      h('p', { class: 'muted empty', hidden: true }, '此列表暂无线索。'),
      h('button', { type: 'button', class: 'quiet more', hidden: true, onclick: () => load(ctx, false) }, '加载更多'));
    await Promise.all([load(ctx, true), counts(ctx, root)]);
  },
  onEvent(type, data, ctx) {
    const id = type === 'lead.posted' ? data.id : data.leadId;
    if (id) {
      state.fresh.add(id);
      setTimeout(() => { state.fresh.delete(id); render(ctx); }, 8000);
    }
    later(ctx);
  },
});

// 价格互查: the console screen of price agreements and mutual price checks. Self-contained: it
// fills its panel (#price-panel in index.html), listens to the hash (#/price), and calls the API through the console's
// signed-in `api` (handed over by app.js). Text from the API only ever becomes text nodes.
import { $, h } from './dom.js';
import { dayField } from './dates.js';
import { beijingTime, beijingToday } from './format.js';
import { findingsForm, settingsSection, meetingsSection } from './price-forms.js';

const DIMENSION = { COUNTY: '按县', GROUP: '按小组', BRAND: '按品牌', MONTH: '按月', QUARTER: '按季度' };
const UNIT = { PACK: '盒', CARTON: '条' };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let ctx = null;

const yuan = (fen) => (fen === null || fen === undefined ? '—' : (Number(fen) / 100).toFixed(2));
const pct = (v) => (v === null || v === undefined ? '—' : `${Number(v).toFixed(2)}%`);
// amounts in 元 with two decimals as written in China (the JSON number 30.00 arrives as 30)
const money = (v) => (v === null || v === undefined ? '—' : Number(v).toFixed(2));
const day = (iso) => (iso ? beijingTime(iso) : '');
const product = (brand, spec) => (spec ? `${brand}(${spec})` : brand);
const table = (head, rows) => h('table', { class: 'leads' },
  h('thead', {}, h('tr', {}, head.map((t) => h('th', {}, t)))),
  h('tbody', {}, rows));

/** Called once by app.js with the signed-in API and the bureau names. */
export function initPrice({ api, names, canWrite, self, officer }) {
  const first = ctx === null;
  ctx = { api, names, canWrite, self, officer };
  if (!first) {
    route();
    return;
  }
  window.addEventListener('hashchange', route);
  route();
}

function panel() {
  return $('price-panel');
}

function route() {
  const on = location.hash === '#/price' || location.hash.startsWith('#/price/');
  const p = panel();
  p.hidden = !on;
  for (const id of ['list-panel']) if ($(id)) $(id).hidden = on;
  const aside = document.querySelector('#workspace > aside');
  if (aside) aside.hidden = on;
  document.querySelector('#nav a[data-screen="price"]')?.classList.toggle('active', on);
  if (on) render(decodeURIComponent(location.hash.slice('#/price/'.length) || ''));
}

async function render(checkId) {
  const p = panel();
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const today = beijingToday();
  const fromField = dayField({ value: `${today.slice(0, 4)}-01-01`, 'aria-label': '统计起始日期' });
  const toField = dayField({ value: today, 'aria-label': '统计截止日期' });
  const from = fromField.input;
  const to = toField.input;
  const by = h('select', {}, Object.entries(DIMENSION).map(([k, v]) => h('option', { value: k }, v)));
  const figures = h('div');
  const gaps = h('div');
  const deviators = h('div');
  const checks = h('div');
  const detail = h('div');
  const agreements = h('div');
  const settings = h('div');
  const meetings = h('div');
  const refresh = () => (from.validity.valid && to.validity.valid
    ? loadFigures(by.value, from.value, to.value, figures, gaps, deviators, error) : null);
  by.addEventListener('change', refresh);
  from.addEventListener('change', refresh);
  to.addEventListener('change', refresh);
  p.replaceChildren(
    h('div', { class: 'panel-head' }, h('h2', { id: 'price-title' }, '价格互查（明码实价）'),
      h('label', {}, '统计 ', by), h('label', {}, '自 ', fromField), h('label', {}, '至 ', toField)),
    error,
    h('h3', {}, '合规情况'), figures,
    h('h3', {}, '毗邻县价差（每条）'), gaps,
    h('h3', {}, '多次偏离约定的零售户'), deviators,
    h('h3', {}, '互查记录'), checks, detail,
    ctx.canWrite() ? planForm(error) : '',
    ctx.canWrite() ? importForm(error) : '',
    h('h3', {}, '各局价格约定（现行）'), agreements, settings, meetings);
  refresh();
  loadChecks(checks, error);
  loadAgreements(agreements, error);
  settingsSection(ctx, ctx.canWrite()).then((s) => settings.replaceChildren(s), (e) => fail(error, e));
  meetingsSection(ctx, ctx.canWrite()).then((s) => meetings.replaceChildren(s), (e) => fail(error, e));
  if (checkId) loadCheck(checkId, detail, error);
}

function fail(error, e) {
  error.textContent = e?.message ?? String(e);
  error.hidden = false;
}

async function loadFigures(by, from, to, figures, gaps, deviators, error) {
  const q = `from=${from}&to=${to}`;
  try {
    const f = await ctx.api(`/api/v1/price/compliance?by=${by}&${q}`);
    const label = (k) => (by === 'COUNTY' ? `${k} ${ctx.names()[k] ?? ''}` : k);
    const row = (r) => h('tr', {}, h('td', {}, label(r.key)), h('td', {}, String(r.judged)),
      h('td', {}, String(r.compliant)), h('td', {}, pct(r.rate)), h('td', {}, pct(r.previousRate)));
    figures.replaceChildren(table(['', '检查项', '合规', '合规率', '上期合规率'],
      [...f.rows.map(row), row({ ...f.total, key: '合计' })]),
    f.unjudged ? h('p', { class: 'muted' }, `无约定可比 ${f.unjudged} 项`) : '');
    const g = await ctx.api(`/api/v1/price/gaps?${q}`);
    gaps.replaceChildren(g.items.length ? table(['', '品牌规格', '两县', '约定价差', '实际售价差', '阈值'],
      g.items.map((x) => h('tr', { class: x.flagged ? 'urgent' : null },
        h('td', {}, x.flagged ? '⚠' : ''), h('td', {}, product(x.brand, x.spec)),
        h('td', {}, `${ctx.names()[x.a] ?? x.a} | ${ctx.names()[x.b] ?? x.b}`),
        h('td', {}, money(x.agreedGap)), h('td', {}, money(x.observedGap)), h('td', {}, money(x.threshold)))))
      : h('p', { class: 'muted' }, '暂无可比价格。'));
    const d = await ctx.api(`/api/v1/price/deviators?${q}`);
    deviators.replaceChildren(d.items.length ? table(['许可证号', '名称', '小组', '偏离/检查次数', '最近偏离'],
      d.items.map((x) => h('tr', {}, h('td', {}, x.licence), h('td', {}, x.name ?? ''), h('td', {}, x.groupId ?? ''),
        h('td', {}, `${x.deviatingVisits}/${x.visits}`), h('td', {}, day(x.lastDeviation)))))
      : h('p', { class: 'muted' }, '暂无。'));
    error.hidden = true;
  } catch (e) {
    fail(error, e);
  }
}

async function loadChecks(box, error) {
  try {
    const c = await ctx.api('/api/v1/price/checks');
    box.replaceChildren(c.items.length ? table(['编号', '检查局', '被查局', '状态', '日期'],
      c.items.map((x) => h('tr', { tabindex: 0, onclick: () => { location.hash = `#/price/${encodeURIComponent(x.id)}`; } },
        h('td', {}, x.id), h('td', {}, ctx.names()[x.checkingBureau] ?? x.checkingBureau),
        h('td', {}, ctx.names()[x.checkedBureau] ?? x.checkedBureau),
        h('td', {}, x.state === 'RECORDED' ? '已录入' : '计划中（对被查局保密）'),
        h('td', {}, `${x.plan.from} – ${x.plan.to}`))))
      : h('p', { class: 'muted' }, '暂无本局可见的互查。'));
  } catch (e) {
    fail(error, e);
  }
}

async function loadCheck(id, box, error) {
  try {
    const c = await ctx.api(`/api/v1/price/checks/${encodeURIComponent(id)}`);
    const mine = c.state === 'PLANNED' && c.checkingBureau === ctx.self() && ctx.canWrite();
    box.replaceChildren(h('h4', {}, `互查 ${c.id}：${c.plan.officers.join('、')}`),
      c.plan.note ? h('p', {}, c.plan.note) : '',
      // once recorded, the whole screen again: the list's state and the figures change too
      mine ? findingsForm(ctx, c, (v) => { render(v.id); }) : '',
      table(['许可证号', '时间', '品牌规格', '单位', '标价', '实际售价', '约定价', '偏差（元）', '偏差（%）', '结论'],
        c.evaluations.map((e) => h('tr', { class: e.compliant === false ? 'urgent' : null },
          h('td', {}, e.licence), h('td', {}, day(e.at)), h('td', {}, product(e.brand, e.spec)),
          h('td', {}, UNIT[e.unit] ?? e.unit), h('td', {}, yuan(e.markedFen)), h('td', {}, yuan(e.saleFen)),
          h('td', {}, yuan(e.agreedFen)), h('td', {}, money(e.deviationYuan)), h('td', {}, pct(e.deviationPercent)),
          h('td', {}, e.compliant === null || e.compliant === undefined ? '无约定' : e.compliant ? '合规' : '不合规')))));
  } catch (e) {
    fail(error, e);
  }
}

async function loadAgreements(box, error) {
  try {
    const a = await ctx.api('/api/v1/price/agreements');
    box.replaceChildren(a.items.length ? table(['小组', '现行版本', '生效日期', '价格（每盒 / 每条，元）'],
      a.items.map((x) => h('tr', {}, h('td', {}, x.groupId), h('td', {}, x.inForce ? `v${x.inForce.version}` : '未生效'),
        h('td', {}, x.inForce?.validFrom ?? ''),
        h('td', {}, (x.inForce?.prices ?? []).map((p) => `${product(p.brand, p.spec)} ${yuan(p.packFen)} / ${yuan(p.cartonFen)}`).join('；')))))
      : h('p', { class: 'muted' }, '暂无价格约定。'));
  } catch (e) {
    fail(error, e);
  }
}

function planForm(error) {
  const input = (name, attrs = {}) => h('input', { name, ...attrs });
  const form = h('form', { novalidate: true },
    h('h3', {}, '计划不定期互查'),
    h('div', { class: 'row' },
      h('label', {}, '被查局 ', input('checked', { placeholder: '如 150924', required: true })),
      h('label', {}, '自 ', dayField({ name: 'from', required: true })),
      h('label', {}, '至 ', dayField({ name: 'to', required: true }))),
    h('label', {}, '目标小组（逗号分隔） ', input('groups', { placeholder: '150924-CG01' })),
    h('label', {}, '目标零售户许可证号（逗号分隔） ', input('retailers')),
    h('label', {}, '检查人员（至少两人，逗号分隔） ', input('officers', { required: true })),
    h('label', {}, '备注 ', input('note')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button' }, '签名并计划（对被查局保密）')));
  const list = (v) => v.split(/[,，\s]+/).map((s) => s.trim()).filter(Boolean);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = form.elements;
    try {
      const me = await ctx.api('/api/v1/auth/me');
      const c = await ctx.api('/api/v1/price/checks', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          checkingBureau: me.bureau, checkedBureau: f.checked.value.trim(), targetGroups: list(f.groups.value),
          targetRetailers: list(f.retailers.value), from: f.from.value, to: f.to.value,
          officers: list(f.officers.value), note: f.note.value || null,
        }),
      });
      location.hash = `#/price/${encodeURIComponent(c.id)}`;
    } catch (e) {
      fail(error, e);
    }
  });
  return form;
}

function importForm(error) {
  const file = h('input', { type: 'file', accept: '.csv,.xlsx', required: true });
  const check = h('input', { placeholder: '互查编号', required: true });
  const officer = h('input', { placeholder: '录入人员编号', required: true });
  const report = h('ol', { class: 'feed' });
  const form = h('form', { novalidate: true },
    h('h3', {}, '导入检查表（CSV / XLSX）'),
    h('p', { class: 'muted' }, '表头：许可证号、检查时间、地点、品牌规格、单位、标价、实际售价、照片、备注。任一行有误则整表不入库。'),
    h('div', { class: 'row' }, h('label', {}, '互查编号 ', check), h('label', {}, '录入人员 ', officer)),
    file, report,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button' }, '导入')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = file.files[0];
    if (!f) return;
    report.replaceChildren();
    try {
      const r = await ctx.api(`/api/v1/price/checks/${encodeURIComponent(check.value.trim())}/import?officer=${encodeURIComponent(officer.value.trim())}`, {
        method: 'POST',
        headers: { 'Content-Type': f.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv; charset=utf-8' },
        body: await f.arrayBuffer(),
      });
      report.append(h('li', {}, `已导入 ${r.rows} 行：${r.visits} 户次，${r.items} 项`));
      location.hash = `#/price/${encodeURIComponent(r.check.id)}`;
    } catch (e) {
      fail(error, e);
      for (const x of e.problem?.errors ?? []) {
        const m = /^\/rows\/(\d+)\/(.*)$/.exec(x.field ?? '');
        report.append(h('li', {}, m ? `第 ${m[1]} 行「${m[2]}」：${x.message}` : `${x.field ?? ''} ${x.message}`));
      }
    }
  });
  return form;
}

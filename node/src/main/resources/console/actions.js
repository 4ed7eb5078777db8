// 联合行动 screens of the console: this bureau's plans and deconfliction alerts, a plan from a
// networked case in one click, the checklist and its quick form, the lifecycle buttons (propose,
// the chief's approval, activate, briefings, results, complete, summary) and the printable page.
// A screen of the shell (screens/actions.js renders it into its section). Text from the API becomes text nodes.
import { PLAN_STATE, PLAN_KIND, CONFLICT_KIND, STEP_LABEL, stepsFor, resultFrom, completedPlan } from './actions-format.js';
import { beijingTime } from './format.js';
import { h } from './dom.js';
import { meetingForm } from './meeting-form.js';

let ctx = null;
// the elements this module builds itself inside the screen's root
const own = (id) => document.getElementById(id);

/**
 * Shows the plans list, or plan `id`, in `root` (the shell's screen section; screens/actions.js).
 * `context`: `api(path, options)`, `self()` → this node's bureau, `officer()` → the signed-in officer.
 */
export function showActions(root, id, context) {
  ctx = context;
  root.replaceChildren(h('section', { class: 'panel', id: 'actions-panel', 'aria-labelledby': 'actions-title' },
    h('div', { class: 'panel-head' }, h('h2', { id: 'actions-title' }, '联合行动'),
      h('a', { href: '#/actions', class: 'quiet' }, '全部方案')),
    h('p', { class: 'error', id: 'actions-error', hidden: true }),
    h('div', { id: 'actions-body' })));
  return (id ? detail(id) : list()).catch(fail);
}

function fail(e) {
  own('actions-error').textContent = e ? e.message : '';
  own('actions-error').hidden = !e;
}

const officer = () => ctx.officer()?.id;
const post = (path, body) => ctx.api(path, { method: 'POST', body: JSON.stringify(body) });

async function list() {
  fail(null);
  const [plans, conflicts, networks, meetings, items] = await Promise.all([
    ctx.api('/api/v1/actions?limit=100'),
    ctx.api('/api/v1/actions/conflicts'),
    ctx.api('/api/v1/networks').catch(() => ({ networks: [] })),
    ctx.api('/api/v1/meetings?limit=20'),
    ctx.api('/api/v1/meetings/items'),
  ]);
  const sign = (path) => async () => {
    try { await post(path, { officer: officer() }); await list(); } catch (e) { fail(e); }
  };
  const todo = h('ul', {}, items.items.map((i) => h('li', {},
    `${i.item.due} 前：${i.item.task}（${i.meetingId} 第 ${i.number} 项） `,
    h('button', { type: 'button', class: 'quiet',
      onclick: sign(`/api/v1/meetings/${encodeURIComponent(i.meetingId)}/items/${i.number}/done`) }, '办结'))));
  const minutes = h('ul', {}, meetings.meetings.map((m) => h('li', {},
    `${beijingTime(m.meeting.heldAt)} ${m.meeting.title}（主办 ${m.meeting.host}；决定 ${m.meeting.decisions.join('；') || '无'}）`,
    m.awaiting.includes(ctx.self())
      ? h('button', { type: 'button', class: 'quiet',
        onclick: sign(`/api/v1/meetings/${encodeURIComponent(m.id)}/acknowledge`) }, '确认纪要')
      : ` 待确认：${m.awaiting.join('、') || '无'}`)));
  const alerts = h('ul', { class: 'conflicts' }, conflicts.conflicts.map((c) => h('li', {},
    `${beijingTime(c.at)} ${CONFLICT_KIND[c.kind] ?? c.kind}：方案 `,
    h('a', { href: `#/actions/${encodeURIComponent(c.planId)}` }, c.planId),
    ` · 请联系 ${c.otherBureau}`,
    c.contacts.map((d) => ` ${d.name} ${d.phone}`).join('；'))));
  const pick = h('select', { id: 'plan-network' }, networks.networks.map((n) =>
    h('option', { value: n.network.id },
      `${n.network.id}（${n.network.bureaus.join('、')}，${n.network.members.length} 条记录）`)));
  const extra = h('input', { id: 'plan-extra', placeholder: '另加参与局代码，如 130728', size: 24 });
  const make = h('button', { type: 'button', class: 'button', onclick: async () => {
    try {
      const bureaus = extra.value.split(/[,，\s]+/).filter(Boolean);
      const v = await post('/api/v1/actions/from-network', { officer: officer(), networkId: pick.value, bureaus });
      location.hash = `#/actions/${encodeURIComponent(v.id)}`;
    } catch (e) { fail(e); }
  } }, '从网络案件生成方案');
  const rows = plans.plans.map((p) => h('tr', {},
    h('td', { class: 'nowrap' }, PLAN_STATE[p.state] ?? p.state),
    h('td', { class: 'nowrap' }, p.leadBureau),
    h('td', {}, h('a', { href: `#/actions/${encodeURIComponent(p.id)}` }, p.plan?.title ?? `(仅参与局可见) ${p.id}`)),
    h('td', {}, p.area.join('、')),
    h('td', {}, p.window ? `${beijingTime(p.window.start)} 至 ${beijingTime(p.window.end)}` : '-')));
  own('actions-body').replaceChildren(
    h('h3', {}, `冲突提示（${conflicts.total}）`),
    conflicts.total ? alerts : h('p', { class: 'muted' }, '暂无冲突提示。'),
    h('h3', {}, `会议待办（${items.total}）`),
    items.total ? todo : h('p', { class: 'muted' }, '暂无待办事项。'),
    h('h3', {}, '联席会议'),
    meetings.total ? minutes : h('p', { class: 'muted' }, '暂无会议记录。'),
    meetingForm(ctx, () => list().catch(fail)),
    h('h3', {}, '新建行动方案'),
    networks.networks.length ? h('div', { class: 'actions' }, pick, extra, make) : h('p', { class: 'muted' }, '暂无跨界网络案件。'),
    h('h3', {}, '本局参与的行动'),
    h('div', { class: 'table-wrap' }, h('table', { class: 'leads' },
      h('thead', {}, h('tr', {}, ['状态', '牵头局', '方案', '区域', '时间'].map((t) => h('th', {}, t)))),
      h('tbody', {}, rows))));
}

async function detail(id) {
  fail(null);
  const v = await ctx.api(`/api/v1/actions/${encodeURIComponent(id)}`);
  const p = v.plan;
  const parts = [
    h('h3', {}, p ? p.title : '（方案内容仅参与局可见）'),
    h('p', {}, `${PLAN_STATE[v.state]} · 第 ${v.version} 版 · ${PLAN_KIND[v.kind] ?? v.kind} · 牵头 ${v.leadBureau} · 参与 ${v.participants.join('、')}`),
    h('p', {}, `区域：${v.area.join('、') || '未定'}　时间：${v.window ? `${beijingTime(v.window.start)} 至 ${beijingTime(v.window.end)}` : '未定'}`),
  ];
  if (v.awaiting.length) parts.push(h('p', {}, `待签批：${v.awaiting.join('、')}`));
  if (p) {
    parts.push(h('h4', {}, '检查目标'), h('ul', {}, p.targets.map((t) => h('li', {}, `${t.label}${t.id ? `（${t.id}）` : ''}${t.address ? ` ${t.address}` : ''}`))));
    parts.push(h('h4', {}, '力量部署'), h('ul', {}, p.commitments.map((c) => h('li', {},
      `${c.bureau}：${c.teams} 组 ${c.officers} 人 ${c.vehicles} 车；带队 ${c.leaders.join('、') || '未定'}；任务 ${c.tasks.join('；') || '未定'}`))));
  }
  if (p && v.state === 'DRAFT' && v.leadBureau === ctx.self()) parts.push(await quickForm(v));
  parts.push(stepButtons(v));
  if (v.results.length) {
    const t = v.total;
    parts.push(h('p', {}, `战果合计：出动人员 ${t.officerTimes} 人次，车辆 ${t.vehicleTimes} 辆次，检查场所 ${t.premisesChecked} 处，立案 ${t.casesOpened} 起，查获卷烟 ${t.sticksSeized / 200} 条，案值 ${t.valueFen / 100} 元`));
  }
  if (v.summary) parts.push(h('p', {}, `总结：${v.summary.text}`));
  if (p) parts.push(h('button', { type: 'button', class: 'quiet', onclick: () => print(v.id).catch(fail) }, '打印方案与战果'));
  own('actions-body').replaceChildren(...parts);
}

async function quickForm(v) {
  const c = await ctx.api(`/api/v1/actions/${encodeURIComponent(v.id)}/checklist`);
  if (c.ready) return h('p', { class: 'muted' }, '方案完整，可以提交审批。');
  const inputs = { area: h('input', { name: 'area', value: v.plan.area.join('、'), placeholder: '行动区域，如 兴和县城关镇、天镇县玉泉镇', size: 40 }),
    rallyPoint: h('input', { name: 'rallyPoint', value: v.plan.rallyPoint ?? '', placeholder: '集结地点', size: 30 }) };
  const rows = v.plan.commitments.map((m) => {
    inputs[`leader-${m.bureau}`] = h('input', { value: m.leaders[0] ?? '', placeholder: '带队领导', size: 10 });
    inputs[`task-${m.bureau}`] = h('input', { value: m.tasks.join('；'), placeholder: '任务（；分隔）', size: 30 });
    return h('div', {}, `${m.bureau} `, inputs[`leader-${m.bureau}`], ' ', inputs[`task-${m.bureau}`]);
  });
  const save = h('button', { type: 'button', class: 'button', onclick: async () => {
    try {
      const quick = Object.fromEntries(Object.entries(inputs).map(([k, el]) => [k, el.value]));
      await ctx.api(`/api/v1/actions/${encodeURIComponent(v.id)}`, { method: 'PUT',
        body: JSON.stringify({ officer: officer(), plan: completedPlan(v.plan, quick) }) });
      await detail(v.id);
    } catch (e) { fail(e); }
  } }, '补全并保存');
  return h('div', { class: 'checklist' }, h('h4', {}, '提交前还缺'),
    h('ul', {}, c.missing.map((i) => h('li', {}, i.message))),
    h('div', {}, inputs.area, ' ', inputs.rallyPoint), rows, save);
}

function stepButtons(v) {
  const steps = stepsFor(v, ctx.self(), ctx.officer()?.roles);
  const text = h('textarea', { rows: 2, cols: 50, placeholder: '例会记录 / 总结 / 取消原因' });
  const counts = ['officerTimes', 'vehicleTimes', 'premisesChecked', 'casesOpened', 'cartons', 'yuan',
    'personsDetained', 'personsTransferred', 'casesToMarketRegulation'];
  const names = ['出动人次', '车辆辆次', '检查场所', '立案', '查获(条)', '案值(元)', '刑拘', '移送公安', '移送市场监管'];
  const fields = Object.fromEntries(counts.map((k) => [k, h('input', { type: 'number', min: 0, value: 0, size: 6 })]));
  const buttons = steps.map((e) => h('button', { type: 'button', class: 'button', onclick: async () => {
    const body = { event: e, officer: officer(), version: v.version };
    if (['BRIEF', 'CANCEL'].includes(e)) body.text = text.value;
    if (e === 'SUMMARIZE') body.summary = { text: text.value, media: [] };
    if (e === 'REPORT_RESULT') body.result = resultFrom(Object.fromEntries(counts.map((k) => [k, fields[k].value])));
    try {
      await post(`/api/v1/actions/${encodeURIComponent(v.id)}/steps`, body);
      await detail(v.id);
    } catch (x) { fail(x); }
  } }, STEP_LABEL[e] ?? e));
  const out = [h('div', { class: 'actions' }, buttons)];
  if (steps.some((e) => ['BRIEF', 'CANCEL', 'SUMMARIZE'].includes(e))) out.push(text);
  if (steps.includes('REPORT_RESULT')) {
    out.push(h('div', { class: 'results' }, counts.map((k, i) => h('label', {}, names[i], fields[k]))));
  }
  return h('div', {}, out);
}

/** The printable page, fetched with the officer's token and opened in a new window. */
async function print(id) {
  const res = await ctx.api(`/api/v1/actions/${encodeURIComponent(id)}/print`, { raw: true });
  const url = URL.createObjectURL(new Blob([await res.text()], { type: 'text/html' }));
  window.open(url, '_blank');
}

// 奖励兑现: the reward ledger. The sharing rule every bureau's chief signs (agreed like 协作约定), the
// period's settlement statement (per bureau paid, received, net; informants by register line only —
// never an identity), which lead produced which case with the officers credited, the measures per
// bureau and officer (案件、线索成案、移送公安、大要案、万支), CSV and XLSX, and — for a chief — proposing
// or signing the rule and signing a payment this bureau makes.
import { bureauLabel, can } from '../format.js';
import { h, table } from '../dom.js';
import { register } from '../screens.js';
import { refusalOf, signButton, signatures } from '../agreements.js';
import { currentQuarter, wan } from './reports.js';

const yuan = (fen) => (Number(fen ?? 0) / 100).toFixed(2);
const KIND = { INFORMANT: '举报奖励', LEAD_BUREAU: '线索方分成', CASE_BUREAU: '办案方奖励' };
const BASE = { FINE: '罚没款', VALUE: '案值' };
/** The words of the forms for each field a refusal names. */
const FIELD = {
  version: '版本', leadBureauPercent: '线索方分成比例', informantBase: '举报奖励基数', informantBasisPoints: '举报奖励比例',
  informantCapFen: '举报奖励上限', basis: '依据', effectiveFrom: '适用立案日', officer: '签署人', payer: '支付单位', kind: '类别',
  caseNumber: '案件编号', caseBureau: '办案单位', leadId: '线索编号', payeeBureau: '收款单位', amountFen: '金额',
  ruleVersion: '规则版本', paidOn: '兑现日期', note: '备注',
};
const INPUT = { informantCapFen: 'capYuan', amountFen: 'amountYuan', informantBasisPoints: 'informantPercent' };
const refusal = refusalOf(FIELD, INPUT);

function rule(r) {
  return table([
    ['适用', `立案日 ${r.effectiveFrom} 起的案件`],
    ['线索方分成', `办案奖励的 ${r.leadBureauPercent}% 归提供线索的单位，其余归办案单位`],
    ['举报奖励', `${BASE[r.informantBase] ?? r.informantBase}的 ${(r.informantBasisPoints / 100).toFixed(2)}%，最高 ${yuan(r.informantCapFen)} 元`],
    ['依据', r.basis],
  ], [['项目', (x) => x[0]], ['规则', (x) => x[1]]]);
}

function field(name, label, attrs = {}) {
  return h('label', {}, label, h('input', { name, 'aria-label': label, ...attrs }));
}

function submitter(form, error, send) {
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    try {
      await send((n) => form.querySelector(`[name=${n}]`).value.trim());
    } catch (err) {
      error.textContent = refusal(form, err);
      error.hidden = false;
    }
  };
}

function proposeForm(ctx, next, base) {
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h('form', { class: 'rule-propose', novalidate: true }, h('h3', {}, `提议分成规则第 ${next} 版`),
    field('leadBureauPercent', '线索方分成（%）', { type: 'number', value: base?.leadBureauPercent ?? 30 }),
    h('label', {}, '举报奖励基数', h('select', { name: 'informantBase', 'aria-label': '举报奖励基数' },
      Object.entries(BASE).map(([k, v]) => h('option', { value: k, selected: base?.informantBase === k }, v)))),
    field('informantPercent', '举报奖励比例（%）', { type: 'number', step: '0.01', value: base ? base.informantBasisPoints / 100 : 5 }),
    field('capYuan', '举报奖励上限（元）', { type: 'number', value: base ? base.informantCapFen / 100 : 10000 }),
    field('effectiveFrom', '适用立案日（起）', { type: 'date', value: base?.effectiveFrom ?? '' }),
    field('basis', '依据', { value: base?.basis ?? '' }),
    error, h('div', { class: 'actions' }, h('button', { type: 'submit' }, '签名并提议')));
  submitter(form, error, async (v) => {
    const body = {
      version: next,
      leadBureauPercent: Number(v('leadBureauPercent')),
      informantBase: v('informantBase'),
      informantBasisPoints: Math.round(Number(v('informantPercent')) * 100),
      informantCapFen: Math.round(Number(v('capYuan')) * 100),
      basis: v('basis'),
      effectiveFrom: v('effectiveFrom') || null,
    };
    await ctx.api('/api/v1/rewards/rules', { method: 'POST', body: JSON.stringify(body) });
    ctx.toast('已签名提议，待其他各局签署');
    ctx.go('#/rewards');
  });
  return form;
}

function settleForm(ctx, period, version) {
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h('form', { class: 'settle', novalidate: true }, h('h3', {}, '登记本局兑现（局长签名）'),
    h('label', {}, '类别', h('select', { name: 'kind', 'aria-label': '类别' },
      Object.entries(KIND).map(([k, v]) => h('option', { value: k }, v)))),
    field('caseNumber', '案件编号'),
    field('caseBureau', '办案单位（代码）', { value: ctx.self }),
    field('leadId', '线索编号（举报奖励即台帐线索）'),
    field('payeeBureau', '收款单位（代码，举报奖励不填）'),
    field('amountYuan', '金额（元）', { type: 'number', step: '0.01' }),
    field('ruleVersion', '规则版本（案件立案日适用的版本）', { type: 'number', value: version ?? '' }),
    field('paidOn', '兑现日期', { type: 'date' }),
    field('note', '备注'),
    error, h('div', { class: 'actions' }, h('button', { type: 'submit' }, '签名登记')));
  submitter(form, error, async (v) => {
    const body = {
      officer: ctx.officer.id,
      payer: ctx.self,
      kind: v('kind'),
      caseNumber: v('caseNumber'),
      caseBureau: v('caseBureau'),
      leadId: v('leadId') || null,
      payeeBureau: v('payeeBureau') || null,
      amountFen: Math.round(Number(v('amountYuan')) * 100),
      ruleVersion: Number(v('ruleVersion')),
      paidOn: v('paidOn') || null,
      note: v('note') || null,
    };
    const st = await ctx.api('/api/v1/rewards/settlements', { method: 'POST', body: JSON.stringify(body) });
    ctx.toast(`已签名登记 ${st.id}`);
    ctx.go(`#/rewards?period=${encodeURIComponent(period)}`);
  });
  return form;
}

async function rules(root, ctx) {
  const view = await ctx.api('/api/v1/rewards/rules');
  const chief = can(ctx.officer?.roles, 'REWARD_WRITE');
  if (view.inForce) {
    root.append(h('section', { class: 'rule-in-force' }, h('h3', {}, '现行分成规则'), signatures(view.inForce, view.inForce.rule.version, ctx), rule(view.inForce.rule)));
    const older = view.agreed.filter((p) => p.rule.version !== view.inForce.rule.version);
    if (older.length) {
      root.append(h('p', { class: 'muted' }, '此前签署的版本（按案件立案日适用）：',
        older.map((p) => `第 ${p.rule.version} 版（${p.rule.effectiveFrom} 起）`).join('、')));
    }
  } else {
    root.append(h('p', { class: 'notice' }, '尚无各局共同签署的分成规则：不能登记兑现。'));
  }
  for (const p of view.proposals) {
    const sign = signButton(ctx, chief, p, `/api/v1/rewards/rules/${p.rule.version}/agreement`, '#/rewards');
    root.append(h('section', { class: 'rule-proposal' }, h('h3', {}, '待签署的分成规则'), signatures(p, p.rule.version, ctx), rule(p.rule), sign));
  }
  return view;
}

function download(ctx, path, name, label) {
  const b = h('button', { type: 'button', class: 'quiet' }, label);
  b.onclick = async () => {
    const res = await ctx.api(path, { raw: true });
    const url = URL.createObjectURL(await res.blob());
    h('a', { href: url, download: name }).click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return b;
}

async function ledger(root, period, ctx) {
  const q = `period=${encodeURIComponent(period)}`;
  const [s, c] = await Promise.all([ctx.api(`/api/v1/rewards/statement?${q}`), ctx.api(`/api/v1/rewards/credits?${q}`)]);
  const who = (b) => bureauLabel(b, ctx.names);
  root.append(h('h3', {}, `${s.period} 兑现结算（${s.from} 至 ${s.to}）合计 ${yuan(s.totalFen)} 元`),
    s.bureaus.length ? table(s.bureaus, [['单位', (b) => who(b.bureau)], ['支付他局（元）', (b) => yuan(b.paidToBureausFen), 'nowrap'],
      ['举报奖励（元）', (b) => yuan(b.informantFen), 'nowrap'], ['收到（元）', (b) => yuan(b.receivedFen), 'nowrap'],
      ['净额（元）', (b) => yuan(b.netFen), 'nowrap'], ['笔数', (b) => b.entries]], { class: 'grid balances' })
      : h('p', { class: 'muted' }, '本期无兑现记录'));
  if (s.flows.length) {
    root.append(h('h3', {}, '分成往来'), table(s.flows, [['支付单位', (f) => who(f.payer)], ['收款单位', (f) => who(f.payee)],
      ['类别', (f) => KIND[f.kind] ?? f.kind], ['笔数', (f) => f.entries], ['金额（元）', (f) => yuan(f.fen), 'nowrap']], { class: 'grid flows' }));
  }
  if (s.informants.length) {
    root.append(h('h3', {}, '举报奖励（按台帐线索，不含举报人身份）'), table(s.informants, [['支付单位', (i) => who(i.payer)],
      ['台帐线索', (i) => i.leadId], ['案件编号', (i) => i.caseNumber], ['兑现日期', (i) => i.paidOn, 'nowrap'],
      ['金额（元）', (i) => yuan(i.amountFen), 'nowrap'],
      ['按规则应付（元）', (i) => (i.dueFen == null ? '—' : yuan(i.dueFen)), 'nowrap'],
      ['差额（元）', (i) => (i.dueFen == null ? '—' : yuan(i.amountFen - i.dueFen)), 'nowrap']], { class: 'grid informant-rewards' }));
  }
  root.append(h('h3', {}, `线索成案（${c.credits.length} 条）`),
    c.credits.length ? table(c.credits, [['案件编号', (r) => r.caseNumber], ['办案单位', (r) => who(r.caseBureau)], ['立案日期', (r) => r.filedOn, 'nowrap'],
      ['线索', (r) => (r.leadId ? `${r.leadId}（${who(r.leadBureau)} ${r.leadOfficer}）` : '本局自办')], ['办案人', (r) => r.caseOfficer ?? ''],
      ['万支', (r) => wan(r.sticks, 10000), 'nowrap'], ['万元', (r) => wan(r.valueFen, 1000000), 'nowrap'],
      ['大要案', (r) => (r.major ? '是' : '')], ['移送公安', (r) => (r.transferredToPolice ? '是' : '')]], { class: 'grid credits' })
      : h('p', { class: 'muted' }, '本期无立案'));
  const measures = (rows, officer) => table(rows, [['单位', (m) => who(m.bureau)], ...(officer ? [['人员', (m) => m.officer]] : []),
    ['案件（起）', (m) => m.cases], ['线索成案（起）', (m) => m.leadCases], ['移送公安（起）', (m) => m.policeTransfers],
    ['大要案（起）', (m) => m.majorCases], ['查获（万支）', (m) => wan(m.sticks, 10000), 'nowrap'], ['案值（万元）', (m) => wan(m.valueFen, 1000000), 'nowrap']],
  { class: officer ? 'grid officer-measures' : 'grid bureau-measures' });
  if (c.bureaus.length) root.append(h('h3', {}, '单位考核'), measures(c.bureaus, false));
  if (c.officers.length) root.append(h('h3', {}, '个人考核'), measures(c.officers, true));
  root.append(h('div', { class: 'actions', style: 'flex-wrap:wrap;gap:.5rem' },
    download(ctx, `/api/v1/rewards/xlsx?${q}`, `rewards-${period}.xlsx`, '下载工作簿（XLSX）'),
    download(ctx, `/api/v1/rewards/csv/balances?${q}`, `rewards-${period}-balances.csv`, '下载结算表（CSV）')));
}

register({
  id: 'rewards',
  nav: '奖励兑现',
  order: 67,
  href: '#/rewards',
  path: /^#\/rewards(?:\?period=([^/]+))?$/,
  action: 'REWARD_READ',
  async show(root, m, ctx) {
    const period = m[1] ? decodeURIComponent(m[1]) : currentQuarter();
    const input = h('input', { name: 'period', value: period, 'aria-label': '期间', placeholder: '2026Q2 / 2026H1 / 2026-04' });
    const pick = h('form', { class: 'reward-period' }, input, h('button', { type: 'submit' }, '查看'));
    pick.onsubmit = (ev) => {
      ev.preventDefault();
      ctx.go(`#/rewards?period=${encodeURIComponent(input.value.trim())}`);
    };
    root.replaceChildren(h('div', { class: 'panel-head' }, h('h2', {}, '奖励兑现')), pick);
    const view = await rules(root, ctx);
    await ledger(root, period, ctx);
    if (can(ctx.officer?.roles, 'REWARD_WRITE')) {
      if (view.inForce) root.append(settleForm(ctx, period, view.inForce.rule.version));
      const newest = Math.max(view.inForce?.rule.version ?? 0, ...view.proposals.map((p) => p.rule.version));
      root.append(proposeForm(ctx, newest + 1, view.inForce?.rule));
    }
  },
});

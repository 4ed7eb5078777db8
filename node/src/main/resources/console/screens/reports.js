// 季度通报: each bureau's signed briefing for a quarter (or month, half-year, any range), the
// region side by side with 环比 and 同比 (chart from vendor/echarts), issuing this bureau's briefing
// with its 市场动向, acknowledging a neighbour's (signed, with this node's recount compared), and
// the file for offline verification ('liaison report verify FILE'). Units as bureaus write them:
// 万支, 万元, 人.
import { beijingTime, bureauLabel, can, CATEGORY } from '../format.js';
import { h, table } from '../dom.js';
import { register } from '../screens.js';

const DISPOSITION = {
  ADMINISTRATIVE_PENALTY: '行政处罚',
  TRANSFERRED_TO_POLICE: '移送公安',
  TRANSFERRED_TO_MARKET_REGULATION: '移送市场监管',
  PENDING: '未结',
};

/** n / unit with two decimals: sticks → 万支 (10,000), fen → 万元 (1,000,000). */
export function wan(n, unit) {
  return (Number(n ?? 0) / unit).toFixed(2);
}

/** '2026Q2' for the quarter holding now, in Beijing time. */
export function currentQuarter(now = new Date()) {
  const d = new Date(now.getTime() + 8 * 3600 * 1000);
  return `${d.getUTCFullYear()}Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

function rate(num, den) {
  return den ? `${((100 * num) / den).toFixed(1)}%` : '-';
}

function change(cur, prev) {
  const d = cur - prev;
  return d === 0 ? '±0' : d > 0 ? `+${d}` : String(d);
}

/** The briefing as the tables of a printed 通报. */
export function briefingView(b, names) {
  const c = b.cases;
  return h('div', { class: 'briefing' },
    h('p', {}, `${bureauLabel(b.bureau, names)} · ${b.period.label}（${b.period.from} 至 ${b.period.to}）`),
    h('h4', {}, '线索'),
    table([b.leads], [['发出', (l) => l.sent], ['收到', (l) => l.received], ['认领', (l) => l.claimed],
      ['移交', (l) => l.handoversOffered], ['反馈', (l) => l.feedbackGiven], ['办结', (l) => l.closed],
      ['其中立案', (l) => l.closedCaseOpened], ['查无实据', (l) => l.closedUnfounded]], { class: 'grid' }),
    h('h4', {}, '案件（按类别）'),
    table([...c.byCategory.filter((r) => r.cases > 0), { ...c.total, category: null }],
      [['类别', (r) => (r.category ? CATEGORY[r.category] ?? r.category : '合计')], ['起数', (r) => r.cases],
        ['数量（万支）', (r) => wan(r.sticks, 10000)], ['案值（万元）', (r) => wan(r.valueFen, 1000000)]], { class: 'grid' }),
    h('h4', {}, '移送与处罚'),
    table([c], [['移送公安', (x) => x.transferredToPolice], ['移送市场监管', (x) => x.transferredToMarketRegulation],
      ['移送率', (x) => rate(x.thresholdCasesTransferred, x.thresholdCasesDisposed)],
      ['刑事拘留（人）', (x) => x.detainedPersons], ['判刑（人）', (x) => x.sentencedPersons],
      ['罚款（万元）', (x) => wan(x.fineFen, 1000000)], ['上缴财政（万元）', (x) => wan(x.treasuryFen, 1000000)]], { class: 'grid' }),
    h('h4', {}, `大要案（案值 ${wan(b.majorThresholdFen ?? 5000000, 10000 * 100).replace(/\.00$/, '')} 万元以上）${c.majorCases.length} 起`),
    c.majorCases.length ? table(c.majorCases, [['案号', (m) => m.caseNumber], ['类别', (m) => CATEGORY[m.category] ?? m.category],
      ['立案日期', (m) => m.filedOn], ['案值（万元）', (m) => wan(m.valueFen, 1000000)], ['处理', (m) => DISPOSITION[m.disposition] ?? m.disposition]], { class: 'grid' }) : h('p', { class: 'muted' }, '无'),
    h('h4', {}, '价格互查'),
    h('p', {}, `判定 ${b.prices.judged} 项，合规 ${b.prices.compliant} 项，合规率 ${rate(b.prices.compliant, b.prices.judged)}`),
    b.prices.widestGaps.length ? table(b.prices.widestGaps, [['品规', (g) => `${g.brand}${g.spec ? `（${g.spec}）` : ''}`],
      ['两地', (g) => `${bureauLabel(g.a, names)} / ${bureauLabel(g.b, names)}`],
      ['约定价差（元/条）', (g) => (g.agreedGapFen == null ? '-' : (g.agreedGapFen / 100).toFixed(2))],
      ['实际价差（元/条）', (g) => (g.observedGapFen == null ? '-' : (g.observedGapFen / 100).toFixed(2))]], { class: 'grid' }) : null,
    b.actions ? [h('h4', {}, '联合行动（本期完成）'),
      table([...b.actions.byKind.filter((r) => r.actions > 0), { ...b.actions.total, kind: null }],
        [['类别', (r) => (r.kind ? PLAN_KIND[r.kind] ?? r.kind : '合计')], ['完成（次）', (r) => r.actions], ['其中牵头', (r) => r.led],
          ['出动人员（人次）', (r) => r.officerTimes], ['出动车辆（辆次）', (r) => r.vehicleTimes], ['立案（起）', (r) => r.casesOpened],
          ['查获（万支）', (r) => wan(r.sticksSeized, 10000)], ['案值（万元）', (r) => wan(r.valueFen, 1000000)]], { class: 'grid' })] : null,
    b.networks ? [h('h4', {}, '网络与并案'),
      table([b.networks], [['提请并案的网络', (n) => n.proposals], ['本局同意', (n) => n.accepted], ['本局不同意', (n) => n.declined],
        ['完成并案', (n) => n.merged], ['其中本局主办', (n) => n.mergedAsLead]], { class: 'grid' })] : null,
    b.feedback ? [h('h4', {}, '线索反馈时效'), h('p', {}, feedbackText(b.feedback))] : null,
    b.rewards ? [h('h4', {}, '奖励兑现'),
      table([b.rewards], [['支付笔数', (r) => r.paidEntries], ['支付他局分成（元）', (r) => (r.paidToBureausFen / 100).toFixed(2)],
        ['支付举报奖励（元）', (r) => (r.paidToInformantsFen / 100).toFixed(2)], ['收到分成（元）', (r) => (r.receivedFen / 100).toFixed(2)],
        ['记功案件（起）', (r) => r.creditedCases], ['其中线索成案', (r) => r.leadCases]], { class: 'grid rewards' })] : null,
    h('h4', {}, '市场动向'),
    h('p', { class: 'notes' }, b.marketNotes || '（无）'));
}

const PLAN_KIND = { CLEAN_UP: '集中整治', NETWORK_CASE: '网络案件行动', CHECKPOINT: '联合查堵', MARKET_INSPECTION: '市场检查' };

/** Feedback on time in one line: the agreed period, due, on time, late, unanswered and the rate. */
export function feedbackText(f) {
  if (!f || !f.periodDays) return '未约定反馈期限，不计逾期';
  return `约定 ${f.periodDays} 天内反馈：期内到期 ${f.due} 条，按时 ${f.onTime} 条，逾期反馈 ${f.late} 条，`
    + `逾期未反馈 ${f.unanswered} 条，及时率 ${rate(f.onTime, f.due)}`;
}

async function regional(root, period, ctx) {
  const v = await ctx.api(`/api/v1/reports/regional?period=${encodeURIComponent(period)}`);
  const chart = h('div', { class: 'report-chart', style: 'height:320px', role: 'img', 'aria-label': '各局案件数对比图' });
  root.append(h('h3', {}, `区域对比 ${v.period.label}（环比 ${v.previous.label}，同比 ${v.yearBefore.label}）`), chart,
    table(v.rows, [['局', (r) => `${bureauLabel(r.bureau, ctx.names)}${r.issued ? ' ✓' : ''}`], ['案件', (r) => r.current.cases],
      ['环比', (r) => change(r.current.cases, r.previous.cases)], ['同比', (r) => change(r.current.cases, r.yearBefore.cases)],
      ['万支', (r) => wan(r.current.sticks, 10000)], ['万元', (r) => wan(r.current.valueFen, 1000000)],
      ['大要案', (r) => r.current.majorCases], ['移送公安', (r) => r.current.transferredToPolice],
      ['发出线索', (r) => r.current.leadsSent], ['收到线索', (r) => r.current.leadsReceived]], { class: 'grid regional' }));
  const echarts = await import('../vendor/echarts/echarts.esm.min.js');
  const c = echarts.init(chart, null, { renderer: 'svg' });
  c.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: [v.period.label, v.previous.label, v.yearBefore.label], bottom: 0 },
    xAxis: { type: 'category', data: v.rows.map((r) => bureauLabel(r.bureau, ctx.names)) },
    yAxis: { type: 'value', name: '案件（起）' },
    series: [['current', v.period.label], ['previous', v.previous.label], ['yearBefore', v.yearBefore.label]]
      .map(([k, name]) => ({ name, type: 'bar', data: v.rows.map((r) => r[k].cases) })),
  });
  // drawn at the width of the moment: redrawn when the screen turns or narrows to a phone's
  const fit = new ResizeObserver(() => (chart.isConnected ? c.resize() : (fit.disconnect(), c.dispose())));
  fit.observe(chart);
}

function issueForm(root, period, ctx) {
  const notes = h('textarea', { name: 'marketNotes', rows: 4, placeholder: '本期边界地区卷烟市场动向', 'aria-label': '市场动向' });
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h('form', { class: 'report-issue' }, h('h3', {}, `签发本局 ${period} 通报`), notes, error,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, '签名并通报各局')));
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    try {
      const v = await ctx.api('/api/v1/reports', { method: 'POST', body: JSON.stringify({ period, officer: ctx.officer.id, marketNotes: notes.value }) });
      ctx.toast('通报已签发');
      ctx.go(`#/reports/${v.briefing.bureau}/${encodeURIComponent(period)}`);
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
    }
  };
  return form;
}

async function detail(root, bureau, period, ctx) {
  const v = await ctx.api(`/api/v1/reports/${bureau}/${encodeURIComponent(period)}`);
  root.replaceChildren(h('div', { class: 'panel-head' }, h('h2', {}, `季度通报 ${bureauLabel(bureau, ctx.names)} ${period}`),
    h('a', { href: '#/reports', class: 'button quiet' }, '返回')));
  root.append(h('p', { class: 'muted' }, `第 ${v.version} 版 · ${bureauLabel(v.proof.signer, ctx.names)} 签发于 ${beijingTime(v.proof.signedAt)} · 规范化 SHA-256 ${v.canonicalSha256.slice(0, 16)}…`),
    briefingView(v.briefing, ctx.names),
    h('h4', {}, '各局确认'),
    v.acknowledgements.length ? table(v.acknowledgements, [['局', (a) => bureauLabel(a.bureau, ctx.names)], ['人员', (a) => a.officer],
      ['时间', (a) => beijingTime(a.at)], ['本局复核', (a) => (a.figuresMatch ? '数据一致' : '数据不一致')], ['意见', (a) => a.note ?? '']], { class: 'grid' })
      : h('p', { class: 'muted' }, '尚无确认'));
  const download = h('button', { type: 'button', class: 'quiet' }, '下载通报文件（离线核验）');
  download.onclick = async () => {
    const res = await ctx.api(`/api/v1/reports/${bureau}/${encodeURIComponent(period)}/file`, { raw: true });
    const url = URL.createObjectURL(await res.blob());
    h('a', { href: url, download: `${v.id}.json` }).click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  // the printable page (A4, tables, charts): opened in a new window to print, or saved
  const page = async () => (await ctx.api(`/api/v1/reports/${bureau}/${encodeURIComponent(period)}/html`, { raw: true })).text();
  const print = h('button', { type: 'button', class: 'quiet' }, '打印版（A4）');
  print.onclick = async () => {
    const url = URL.createObjectURL(new Blob([await page()], { type: 'text/html' }));
    window.open(url, '_blank');
  };
  const save = h('button', { type: 'button', class: 'quiet' }, '下载打印版');
  save.onclick = async () => {
    const url = URL.createObjectURL(new Blob([await page()], { type: 'text/html' }));
    h('a', { href: url, download: `${v.id}.html` }).click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  root.append(h('div', { class: 'actions', style: 'flex-wrap:wrap;gap:.5rem' }, download, print, save));
  if (bureau !== ctx.self && can(ctx.officer?.roles, 'REPORT_WRITE')) {
    const note = h('input', { name: 'note', placeholder: '确认意见（可选）', 'aria-label': '确认意见' });
    const error = h('p', { class: 'error', role: 'alert', hidden: true });
    const form = h('form', { class: 'report-ack' }, note, error, h('button', { type: 'submit' }, '复核并签名确认'));
    form.onsubmit = async (ev) => {
      ev.preventDefault();
      try {
        const r = await ctx.api(`/api/v1/reports/${bureau}/${encodeURIComponent(period)}/acks`,
          { method: 'POST', body: JSON.stringify({ officer: ctx.officer.id, note: note.value || undefined }) });
        const mine = r.acknowledgements.find((a) => a.bureau === ctx.self);
        ctx.toast(mine?.figuresMatch ? '已确认：本局复核数据一致' : '已确认：本局复核数据不一致');
        await detail(root, bureau, period, ctx);
      } catch (err) {
        error.textContent = err.message;
        error.hidden = false;
      }
    };
    root.append(form);
  }
}

register({
  id: 'reports',
  nav: '季度通报',
  order: 65,
  href: '#/reports',
  path: /^#\/reports(?:\?period=([^/]+)|\/(\d{6})\/([^/]+))?$/,
  action: 'REPORT_READ',
  async show(root, m, ctx) {
    if (m[2]) {
      await detail(root, m[2], decodeURIComponent(m[3]), ctx);
      return;
    }
    const period = m[1] ? decodeURIComponent(m[1]) : currentQuarter();
    const input = h('input', { name: 'period', value: period, 'aria-label': '期间', placeholder: '2026Q2 / 2026H1 / 2026-04' });
    const pick = h('form', { class: 'report-period' }, input, h('button', { type: 'submit' }, '查看'));
    pick.onsubmit = (ev) => {
      ev.preventDefault();
      ctx.go(`#/reports?period=${encodeURIComponent(input.value.trim())}`);
    };
    root.replaceChildren(h('div', { class: 'panel-head' }, h('h2', {}, '季度通报')), pick);
    const list = await ctx.api(`/api/v1/reports?period=${encodeURIComponent(period)}`);
    root.append(h('h3', {}, `${period} 已签发的通报`),
      list.items.length ? table(list.items, [['局', (v) => h('a', { href: `#/reports/${v.briefing.bureau}/${encodeURIComponent(period)}` }, bureauLabel(v.briefing.bureau, ctx.names))],
        ['版本', (v) => `第 ${v.version} 版`], ['签发时间', (v) => beijingTime(v.proof.signedAt)],
        ['案件', (v) => v.briefing.cases.total.cases], ['万元', (v) => wan(v.briefing.cases.total.valueFen, 1000000)],
        ['确认', (v) => v.acknowledgements.length]], { class: 'grid reports' })
        : h('p', { class: 'muted' }, '本期尚无通报'));
    if (can(ctx.officer?.roles, 'REPORT_WRITE')) root.append(issueForm(root, period, ctx));
    await regional(root, period, ctx);
  },
});

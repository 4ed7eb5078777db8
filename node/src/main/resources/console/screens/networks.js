// Networked cases (网络案件): the cross-border networks, one network's graph drawn with ECharts
// (vendor/echarts) and the evidence on each link, merge proposals (并案建议) with this bureau's
// signed decision, and hit notices on restricted leads (whom to call, never what they say).
import { CATEGORY, ENTITY, beijingTime, bureauLabel, label } from '../format.js';
import { h, table } from '../dom.js';
import { register } from '../screens.js';

const yuan = (fen) => `${((fen ?? 0) / 100).toLocaleString('zh-CN')} 元`;
const KIND = { CASE: '案件', LEAD: '线索' };
const VERDICT = { ACCEPT: '同意', DECLINE: '不同意' };
const MERGE_STATE = { OPEN: '待决定', ACCEPTED: '已并案', DECLINED: '未并案' };
const EVIDENCE = { EXACT: '完全相同', NORMALISED_EQUAL: '规范化后相同', NEAR: '近似', TEXT: '案情相似' };

const who = (ctx, list) => (list ?? []).map((b) => ctx.names[b] ?? b).join('、') || '-';

async function list(root, ctx) {
  const [nets, props, hits] = await Promise.all([
    ctx.api('/api/v1/networks'),
    ctx.api('/api/v1/networks/proposals'),
    ctx.api('/api/v1/networks/hits'),
  ]);
  root.append(
    h('h3', {}, `跨区域网络（${nets.total}）`),
    nets.networks.length ? table(nets.networks, [
      ['网络', (e) => h('a', { href: `#/networks/${e.network.id}` }, `${e.network.members.length} 条记录 · ${e.network.links} 条关联`)],
      ['涉及局', (e) => who(ctx, e.network.bureaus)],
      ['关键对象', (e) => e.network.keyEntities.slice(0, 3).map((k) => `${label(ENTITY, k.type)} ${k.value}`).join('；') || '-'],
      ['时间', (e) => `${e.network.first} 至 ${e.network.last}`],
      ['案值', (e) => yuan(e.network.valueFen), 'nowrap'],
      ['并案建议', (e) => (e.proposalId ? h('a', { href: `#/networks/proposals/${e.proposalId}` }, '查看') : '-')],
    ]) : h('p', { class: 'muted' }, '暂无跨区域网络。'),
    h('h3', {}, `并案建议（${props.total}）`),
    props.proposals.length ? table(props.proposals, [
      ['建议', (p) => h('a', { href: `#/networks/proposals/${p.id}` }, p.proposal ? `${p.proposal.members.length} 条记录` : p.id)],
      ['涉及局', (p) => who(ctx, p.bureaus)],
      ['状态', (p) => label(MERGE_STATE, p.status.state)],
      ['待决定', (p) => who(ctx, p.status.awaiting)],
    ]) : h('p', { class: 'muted' }, '暂无并案建议。'),
    h('h3', {}, `密封线索命中（${hits.total}）`),
    hits.hits.length ? table(hits.hits, [
      ['时间', (x) => beijingTime(x.foundAt)],
      ['本局记录', (x) => x.recordId],
      ['命中', (x) => `${bureauLabel(x.owner, ctx.names)} 的密封线索 ${x.sealedRecordId}`],
      ['联系', (x) => x.contact],
    ]) : h('p', { class: 'muted' }, '暂无命中通知。'));
}

async function graph(root, id, ctx) {
  const d = await ctx.api(`/api/v1/networks/${encodeURIComponent(id)}`);
  const n = d.network;
  const chart = h('div', { class: 'graph', role: 'img', 'aria-label': `网络图：${n.members.length} 条记录` });
  const evidence = h('div', { class: 'evidence' }, h('p', { class: 'muted' }, '点选图中的连线查看关联依据。'));
  root.append(
    h('p', {}, `${n.members.length} 条记录，涉及 ${who(ctx, n.bureaus)}；${n.first} 至 ${n.last}；案值 ${yuan(n.valueFen)}`),
    chart, evidence,
    h('h3', {}, '成员'),
    table(n.members, [['日期', (m) => m.date, 'nowrap'], ['类型', (m) => KIND[m.kind], 'nowrap'], ['局', (m) => bureauLabel(m.bureau, ctx.names), 'nowrap'],
      ['类别', (m) => label(CATEGORY, m.category), 'nowrap'],
      ['标题', (m) => (m.kind === 'LEAD' ? h('a', { href: `#/leads/${encodeURIComponent(m.id)}` }, m.title ?? m.id) : m.title ?? m.id)]]),
    h('h3', {}, '关联与依据'),
    table(d.graph.edges, [['记录', (e) => `${e.a} — ${e.b}`], ['可信度', (e) => `${Math.round(e.score * 100)}%`, 'nowrap'],
      ['依据', (e) => e.evidence.map((x) => `${label(ENTITY, x.type) === '-' ? '' : label(ENTITY, x.type)} ${x.left ?? ''}${x.right && x.right !== x.left ? ` / ${x.right}` : ''}（${EVIDENCE[x.kind] ?? x.kind}）`).join('；')]], { class: 'grid edges' }),
    d.proposal ? h('p', {}, h('a', { href: `#/networks/proposals/${d.proposal.id}` }, '查看并案建议')) : '');
  const echarts = await import('../vendor/echarts/echarts.esm.min.js');
  const bureaus = [...new Set(d.graph.nodes.map((x) => x.bureau))];
  const ids = new Set(d.graph.nodes.map((x) => x.id));
  const c = echarts.init(chart, null, { renderer: 'svg' });
  c.setOption({
    tooltip: { formatter: (p) => (p.dataType === 'edge' ? `关联 ${Math.round(p.data.score * 100)}%` : p.data.tip) },
    legend: { data: bureaus.map((b) => bureauLabel(b, ctx.names)), bottom: 0 },
    series: [{
      type: 'graph', layout: 'force', roam: true, draggable: true,
      force: { repulsion: 220, edgeLength: 110 },
      categories: bureaus.map((b) => ({ name: bureauLabel(b, ctx.names) })),
      label: { show: true, position: 'right', formatter: (p) => p.data.short },
      data: d.graph.nodes.map((x) => ({
        id: x.id, name: x.id, category: bureaus.indexOf(x.bureau), symbolSize: 18 + Math.min(22, Math.log10(1 + (x.valueFen ?? 0) / 100) * 4),
        short: `${x.date} ${(x.title ?? x.id).slice(0, 10)}`, tip: `${bureauLabel(x.bureau, ctx.names)} ${KIND[x.kind]}：${x.title ?? x.id}`,
      })),
      links: d.graph.edges.filter((e) => ids.has(e.a) && ids.has(e.b)).map((e) => ({ source: e.a, target: e.b, score: e.score, lineStyle: { width: 1 + 4 * e.score } })),
    }],
  });
  c.on('click', (p) => {
    if (p.dataType !== 'edge') return;
    const e = d.graph.edges.find((x) => x.a === p.data.source && x.b === p.data.target);
    evidence.replaceChildren(h('h4', {}, `关联依据（可信度 ${Math.round(e.score * 100)}%）`),
      h('ul', {}, e.evidence.map((x) => h('li', {}, `${EVIDENCE[x.kind] ?? x.kind} ${label(ENTITY, x.type)}：${x.left ?? ''}${x.right ? ` ↔ ${x.right}` : ''}，${x.records} 条记录含此值`))));
  });
  const resize = new ResizeObserver(() => {
    if (!chart.isConnected) {
      resize.disconnect();
      c.dispose();
    } else if (chart.clientWidth > 0) c.resize();
  });
  resize.observe(chart);
}

async function proposal(root, id, ctx) {
  const p = await ctx.api(`/api/v1/networks/proposals/${encodeURIComponent(id)}`);
  const mine = p.decisions.find((d) => d.bureau === ctx.self);
  const message = h('p', { class: 'error', role: 'alert', hidden: true });
  const decide = async (decision) => {
    try {
      await ctx.api(`/api/v1/networks/proposals/${encodeURIComponent(id)}/decision`, {
        method: 'POST', body: JSON.stringify({ decision, officer: ctx.officer.id, leadBureau: root.querySelector('[name=leadBureau]')?.value }),
      });
      ctx.toast(`已签名：${VERDICT[decision]}并案`);
      ctx.go(`#/networks/proposals/${id}`);
    } catch (e) {
      message.textContent = e.message;
      message.hidden = false;
    }
  };
  root.append(
    h('p', {}, `涉及 ${who(ctx, p.bureaus)}；状态：${label(MERGE_STATE, p.status.state)}${p.status.leadBureau ? `，主办 ${bureauLabel(p.status.leadBureau, ctx.names)}，协办 ${who(ctx, p.status.coHandling)}` : ''}`),
    p.proposal ? h('p', {}, `建议主办：${bureauLabel(p.proposal.suggestedLead, ctx.names)}；关联强度 ${Math.round(p.proposal.score * 100)}%；依据：${p.proposal.evidence.map((k) => `${label(ENTITY, k.type)} ${k.value}`).join('；')}`) : '',
    p.proposal ? table(p.proposal.members, [['日期', (m) => m.date, 'nowrap'], ['局', (m) => bureauLabel(m.bureau, ctx.names), 'nowrap'], ['标题', (m) => m.title ?? m.id]]) : '',
    h('h3', {}, '各局决定'),
    table(p.decisions, [['局', (d) => bureauLabel(d.bureau, ctx.names)], ['决定', (d) => VERDICT[d.decision] ?? d.decision],
      ['人员', (d) => d.officer], ['主办', (d) => bureauLabel(d.leadBureau, ctx.names)], ['签名时间', (d) => beijingTime(d.signedAt)]]),
    p.bureaus.includes(ctx.self) && !mine && p.current ? h('div', { class: 'decide' },
      h('label', {}, '本局提名主办局', h('select', { name: 'leadBureau' }, p.bureaus.map((b) => h('option', { value: b, selected: b === p.proposal?.suggestedLead }, bureauLabel(b, ctx.names))))),
      h('div', { class: 'buttons' }, h('button', { type: 'button', onclick: () => decide('ACCEPT') }, '同意并案'),
        h('button', { type: 'button', class: 'quiet', onclick: () => decide('DECLINE') }, '不同意')), message) : '');
}

register({
  id: 'networks',
  nav: '网络案件',
  order: 40,
  href: '#/networks',
  path: /^#\/networks(?:\/(proposals\/)?([\w-]+))?$/,
  action: 'SEARCH',
  async show(root, m, ctx) {
    root.replaceChildren(h('div', { class: 'panel-head' }, h('h2', {}, m[1] ? '并案建议' : m[2] ? '网络案件' : '网络案件与并案'),
      m[2] ? h('a', { href: '#/networks', class: 'quiet' }, '返回') : null));
    if (m[1]) await proposal(root, m[2], ctx);
    else if (m[2]) await graph(root, m[2], ctx);
    else await list(root, ctx);
  },
});

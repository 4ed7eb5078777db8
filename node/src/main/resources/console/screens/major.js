// 重大案件: leads whose form value reached the major-case value the bureaus agreed (以案值5万元为准，
// 及时上报) — raised by this bureau or told by a neighbour; the supervisor (上级局) reads them too.
import { beijingTime, bureauLabel } from '../format.js';
import { h, table } from '../dom.js';
import { register } from '../screens.js';

const yuan = (fen) => `${(Number(fen) / 100).toLocaleString('zh-CN')} 元`;

register({
  id: 'major',
  nav: '重大案件',
  order: 48,
  href: '#/major',
  path: /^#\/major$/,
  action: 'MAJOR_READ',
  async show(root, m, ctx) {
    const page = await ctx.api('/api/v1/major-leads?limit=200');
    root.replaceChildren(h('div', { class: 'panel-head' }, h('h2', {}, '重大案件（达到约定案值，及时上报）')));
    root.append(page.items.length
      ? table(page.items, [
        ['时间', (n) => beijingTime(n.at)],
        ['上报单位', (n) => bureauLabel(n.bureau, ctx.names)],
        ['线索', (n) => h('a', { href: `#/leads/${encodeURIComponent(n.leadId)}` }, n.leadId)],
        ['案值', (n) => yuan(n.valueFen)],
        ['约定标准', (n) => yuan(n.thresholdFen)],
        ['填表人', (n) => n.officer],
      ], { class: 'grid major-leads' })
      : h('p', { class: 'muted' }, '暂无重大案件通报。'));
  },
});

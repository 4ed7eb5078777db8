// Search of the shared history: full text with filters, facets (counts over all matches),
// highlighted snippets and paging; and the look-up of one identifier in any spelling.
import { CATEGORY, ENTITY, label, bureauLabel } from '../format.js';
import { h, table, snippet } from '../dom.js';
import { dayField } from '../dates.js';
import { register } from '../screens.js';

const PAGE = 20;
const FACET_WORDS = { bureau: '来源局', category: '类别', disposition: '处理', brand: '品牌', kind: '类型', year: '年份' };
const KIND = { CASE: '案件', LEAD: '线索' };
const IDS = ['PLATE', 'PHONE', 'ID_NUMBER', 'LICENCE', 'WAYBILL', 'ACCOUNT'];

const yuan = (fen) => (fen ? `${(fen / 100).toLocaleString('zh-CN')} 元` : '-');

register({
  id: 'search',
  nav: '检索',
  order: 30,
  href: '#/search',
  path: /^#\/search(?:\?(.*))?$/,
  action: 'SEARCH',
  async show(root, m, ctx) {
    const params = new URLSearchParams(m[1] ?? '');
    const q = params.get('q') ?? '';
    const form = h('form', { class: 'search-form' },
      h('input', { name: 'q', type: 'search', value: q, placeholder: '关键词，如 假中华 307国道', 'aria-label': '关键词' }),
      h('select', { name: 'category', 'aria-label': '类别' }, h('option', { value: '' }, '全部类别'),
        Object.entries(CATEGORY).map(([c, w]) => h('option', { value: c, selected: params.get('category') === c }, w))),
      h('select', { name: 'bureau', 'aria-label': '来源局' }, h('option', { value: '' }, '全部来源局'),
        (ctx.roster?.members ?? []).map((b) => h('option', { value: b.bureau, selected: params.get('bureau') === b.bureau }, bureauLabel(b.bureau, ctx.names)))),
      dayField({ name: 'from', value: params.get('from') ?? '', 'aria-label': '起始日期' }),
      dayField({ name: 'to', value: params.get('to') ?? '', 'aria-label': '截止日期' }),
      h('button', { type: 'submit' }, '检索'));
    form.onsubmit = (e) => {
      e.preventDefault();
      const next = new URLSearchParams([...new FormData(form)].filter(([, v]) => String(v).trim() !== ''));
      ctx.go(`#/search?${next}`);
    };
    const lookup = h('form', { class: 'search-form lookup' },
      h('select', { name: 'type', 'aria-label': '标识类型' }, IDS.map((t) => h('option', { value: t }, ENTITY[t]))),
      h('input', { name: 'value', placeholder: '任意写法，如 蒙J·3K582 或 蒙j3k582', 'aria-label': '标识' }),
      h('button', { type: 'submit' }, '查标识'));
    const lookupOut = h('div', { class: 'lookup-result' });
    lookup.onsubmit = async (e) => {
      e.preventDefault();
      const fd = new FormData(lookup);
      try {
        const page = await ctx.api(`/api/v1/search/identifiers?${new URLSearchParams({ type: fd.get('type'), value: String(fd.get('value')).trim() })}`);
        lookupOut.replaceChildren(h('p', {}, `标准写法 ${page.value}${page.valid ? '' : '（校验位不符，已标记）'}：共 ${page.total} 条记录`),
          table(page.items, [['日期', (x) => x.date ?? '-', 'nowrap'], ['类型', (x) => KIND[x.kind] ?? x.kind, 'nowrap'],
            ['来源局', (x) => bureauLabel(x.bureau, ctx.names), 'nowrap'],
            ['标题', (x) => (x.kind === 'LEAD' ? h('a', { href: `#/leads/${encodeURIComponent(x.id)}` }, x.title ?? x.id) : x.title ?? x.id)]]));
      } catch (err) {
        lookupOut.replaceChildren(h('p', { class: 'error' }, err.message));
      }
    };
    const out = h('div', { class: 'search-out' });
    root.replaceChildren(h('div', { class: 'panel-head' }, h('h2', {}, '检索共享案件与线索')), form, lookup, lookupOut, out);
    if (!m[1]) return;
    const offset = Number(params.get('offset') ?? 0);
    const api = new URLSearchParams(params);
    api.set('limit', String(PAGE));
    api.set('offset', String(offset));
    api.set('highlight', 'true');
    for (const f of ['bureau', 'category', 'kind']) api.append('facets', f);
    const page = await ctx.api(`/api/v1/search?${api}`);
    const pager = (to) => { const p = new URLSearchParams(params); p.set('offset', String(to)); return `#/search?${p}`; };
    out.replaceChildren(
      h('p', { class: 'total' }, `共 ${page.total.toLocaleString('zh-CN')} 条，第 ${offset + 1}–${Math.min(offset + PAGE, page.total)} 条`),
      h('div', { class: 'facets' }, Object.entries(page.facets ?? {}).map(([name, counts]) => h('div', { class: 'facet' },
        h('strong', {}, FACET_WORDS[name] ?? name), ' ',
        counts.map((c) => {
          const p = new URLSearchParams(params); p.set(name, c.value); p.delete('offset');
          const word = name === 'bureau' ? bureauLabel(c.value, ctx.names) : name === 'category' ? label(CATEGORY, c.value) : KIND[c.value] ?? c.value;
          return h('a', { href: `#/search?${p}`, class: 'chip' }, `${word} ${c.count}`);
        })))),
      table(page.items, [
        ['日期', (x) => x.date ?? '-', 'nowrap'],
        ['类型', (x) => KIND[x.kind] ?? x.kind, 'nowrap'],
        ['来源局', (x) => bureauLabel(x.bureau, ctx.names), 'nowrap'],
        ['类别', (x) => label(CATEGORY, x.category), 'nowrap'],
        ['案值', (x) => yuan(x.valueFen), 'nowrap num'],
        ['标题与摘要', (x) => h('div', {},
          x.kind === 'LEAD' ? h('a', { href: `#/leads/${encodeURIComponent(x.id)}` }, x.title ?? x.id) : h('strong', {}, x.title ?? x.id),
          ...(x.snippets ?? []).map((s) => h('p', { class: 'muted' }, snippet(s))))],
      ], { class: 'grid results' }),
      h('div', { class: 'pager' },
        offset > 0 ? h('a', { href: pager(Math.max(0, offset - PAGE)), class: 'quiet' }, '上一页') : null,
        offset + PAGE < page.total ? h('a', { href: pager(offset + PAGE), class: 'quiet' }, '下一页') : null));
  },
});

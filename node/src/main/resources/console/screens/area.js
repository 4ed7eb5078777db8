// 辖区: this bureau's area as it signed it (places, plate prefixes, region codes), the shared
// records of other bureaus that name it (涉及本辖区) with the evidence, and — for a chief — editing.
import { beijingTime, bureauLabel, can } from '../format.js';
import { h, table } from '../dom.js';
import { register } from '../screens.js';

const KINDS = { PLACE: '地名', PLATE: '车牌', LICENCE: '许可证', ID_NUMBER: '身份证' };
const WHERE = { title: '标题', narrative: '案情', address: '地址' };
const where = (w) => WHERE[w] ?? (w.startsWith('entities/') ? `第 ${Number(w.split('/')[1]) + 1} 项要素` : w);
const lines = (v) => (v ?? []).join('\n');
const split = (v) => v.split(/[\n,，、\s]+/).map((x) => x.trim()).filter((x) => x);

function editor(ctx, area) {
  const box = (name, label, value) => h('label', {}, label, h('textarea', { name, rows: 3, 'aria-label': label }, value));
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h('form', { class: 'area-edit', novalidate: true }, h('h3', {}, '编辑本局辖区（每行一项）'),
    box('places', '县、乡镇、村名', lines(area?.places)),
    box('platePrefixes', '车牌前缀（如 蒙J）', lines(area?.platePrefixes)),
    box('licenceRegions', '许可证区划代码', lines(area?.licenceRegions)),
    box('idRegions', '身份证区划代码（含旧代码）', lines(area?.idRegions)),
    error, h('div', { class: 'actions' }, h('button', { type: 'submit' }, '签名保存')));
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    const v = (n) => split(form.querySelector(`[name=${n}]`).value);
    const body = { bureau: ctx.self, places: v('places'), platePrefixes: v('platePrefixes'), licenceRegions: v('licenceRegions'), idRegions: v('idRegions') };
    try {
      await ctx.api('/api/v1/area', { method: 'PUT', body: JSON.stringify(body) });
      ctx.toast('辖区已签名保存');
      ctx.go('#/area');
    } catch (err) {
      error.textContent = (err.problem?.errors ?? []).map((e) => `${e.field} ${e.detail}`).join('；') || err.message;
      error.hidden = false;
    }
  };
  return form;
}

register({
  id: 'area',
  nav: '辖区',
  order: 45,
  href: '#/area',
  path: /^#\/area(\/edit)?$/,
  action: 'AREA_READ',
  async show(root, m, ctx) {
    let area = null;
    try {
      area = await ctx.api('/api/v1/area');
    } catch (err) {
      if (err.status !== 404 && err.problem?.status !== 404) throw err;
    }
    const touches = await ctx.api('/api/v1/area/touches?limit=100');
    const mayEdit = can(ctx.officer?.roles, 'AREA_WRITE');
    root.replaceChildren(h('div', { class: 'panel-head' }, h('h2', {}, '涉及本辖区'),
      mayEdit && !m[1] ? h('a', { href: '#/area/edit', class: 'button' }, '编辑本局辖区') : null));
    if (m[1] && mayEdit) root.append(editor(ctx, area));
    root.append(area
      ? h('p', { class: 'muted area-model' }, `本局辖区第 ${area.version} 版：`, [...area.places, ...area.platePrefixes, ...area.licenceRegions, ...area.idRegions].join('、'))
      : h('p', { class: 'notice' }, '本局尚未设定辖区：其他局的线索和案件不会按辖区提示。'));
    root.append(touches.items.length
      ? table(touches.items, [
        ['时间', (t) => beijingTime(t.noticedAt)],
        ['来源局', (t) => bureauLabel(t.origin, ctx.names)],
        ['类别', (t) => (t.kind === 'CASE' ? '案件' : '线索')],
        ['标题', (t) => t.title ?? t.recordId],
        ['依据', (t) => t.evidence.map((e) => `${KINDS[e.kind]} ${e.found}（${where(e.where)}）`).join('；')],
      ], { class: 'grid area-touches' })
      : h('p', { class: 'muted' }, '暂无涉及本辖区的线索或案件。'));
  },
});

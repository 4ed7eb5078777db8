// The liaison directory (联络员名录): every bureau's contacts as signed and shared; the officer's
// own bureau can be edited (a new signed version).
import { beijingTime, bureauLabel, can } from '../format.js';
import { h, table } from '../dom.js';
import { register } from '../screens.js';
import { markFields } from './post.js';

function editor(root, ctx, own) {
  const rows = h('div', { class: 'dir-rows' });
  const add = (e = {}) => rows.append(h('div', { class: 'dir-row' },
    h('input', { name: 'officer', value: e.officer ?? '', placeholder: '人员编号', 'aria-label': '人员编号' }),
    h('input', { name: 'name', value: e.name ?? '', placeholder: '姓名', 'aria-label': '姓名' }),
    h('input', { name: 'role', value: e.role ?? '信息联络员', placeholder: '职务', 'aria-label': '职务' }),
    h('input', { name: 'phone', value: e.phone ?? '', placeholder: '电话', 'aria-label': '电话' }),
    h('input', { name: 'dutyHours', value: e.dutyHours ?? '', placeholder: '值班时间', 'aria-label': '值班时间' }),
    h('button', { type: 'button', class: 'quiet', onclick: (ev) => ev.target.parentElement.remove(), 'aria-label': '删除' }, '✕')));
  for (const e of own?.entries ?? []) add(e);
  if (!own?.entries?.length) add();
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h('form', { class: 'dir-edit', novalidate: true }, h('h3', {}, '编辑本局名录'), rows,
    h('button', { type: 'button', class: 'quiet', onclick: () => add() }, '＋ 添加联络员'), error,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, '签名并发布名录')));
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    const entries = [...rows.children].map((r) => Object.fromEntries([...r.querySelectorAll('input')]
      .map((i) => [i.name, i.value.trim()]).filter(([, v]) => v !== '')))
      .filter((e) => Object.keys(e).length > 0);
    try {
      await ctx.api('/api/v1/directory', { method: 'PUT', body: JSON.stringify({ entries }) });
      await ctx.directory(true);
      ctx.toast('名录已签名发布');
      ctx.go('#/directory');
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
      // '/entries/1/phone' → the second row's phone input
      for (const fe of err.problem?.errors?.length ? err.problem.errors : [{ field: err.problem?.field, detail: err.problem?.detail }]) {
        const m = /^\/entries\/(\d+)\/(\w+)/.exec(fe.field ?? '');
        const input = m && rows.children[Number(m[1])]?.querySelector(`[name=${m[2]}]`);
        if (input) input.setAttribute('aria-invalid', 'true');
      }
      markFields(form, null);
    }
  };
  return form;
}

register({
  id: 'directory',
  nav: '名录',
  order: 50,
  href: '#/directory',
  path: /^#\/directory(\/edit)?$/,
  action: 'ROSTER_READ',
  async show(root, m, ctx) {
    const dirs = await ctx.directory(true);
    const mayEdit = can(ctx.officer?.roles, 'DIRECTORY_WRITE');
    const bureaus = (ctx.roster?.members ?? []).map((b) => b.bureau);
    root.replaceChildren(h('div', { class: 'panel-head' }, h('h2', {}, '联络员名录'),
      mayEdit && !m[1] ? h('a', { href: '#/directory/edit', class: 'button' }, '编辑本局名录') : null));
    if (m[1] && mayEdit) root.append(editor(root, ctx, dirs[ctx.self]));
    for (const b of bureaus) {
      const d = dirs[b];
      root.append(h('section', { class: 'dir', 'data-bureau': b },
        h('h3', {}, bureauLabel(b, ctx.names), h('span', { class: 'muted' }, d ? ` · 第 ${d.version} 版 · ${beijingTime(d.updatedAt)}` : ' · 尚未发布')),
        d?.entries?.length ? table(d.entries, [['人员编号', (e) => e.officer], ['姓名', (e) => e.name], ['职务', (e) => e.role],
          ['电话', (e) => h('a', { href: `tel:${e.phone}` }, e.phone)], ['值班时间', (e) => e.dutyHours ?? '-']]) : null));
    }
  },
});

// Administration of this node: the officers (enrol), quarantine, access log, audit chains and
// backup. Each part shows only when the officer's roles allow it.
import { ROLE, beijingTime, bureauLabel, can, label } from '../format.js';
import { h, table } from '../dom.js';
import { register } from '../screens.js';

const items = (x) => (Array.isArray(x) ? x : x?.items ?? []);

function part(title, body) {
  return h('section', { class: 'admin-part' }, h('h3', {}, title), body);
}

async function officers(ctx) {
  const list = items(await ctx.api('/api/v1/admin/officers'));
  const out = h('div', {});
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h('form', { class: 'enrol', novalidate: true },
    h('div', { class: 'row' },
      h('label', {}, '人员编号', h('input', { name: 'id', placeholder: `${ctx.self}-018` })),
      h('label', {}, '姓名', h('input', { name: 'name' }))),
    h('fieldset', {}, h('legend', {}, '角色'), h('div', { class: 'targets' }, Object.entries(ROLE).map(([r, w]) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', name: 'roles', value: r }), ` ${w}`)))),
    h('label', {}, '初始密码（至少 10 位）', h('input', { name: 'password', type: 'password', autocomplete: 'new-password' })),
    error, h('div', { class: 'actions' }, h('button', { type: 'submit' }, '登记人员')));
  form.onsubmit = async (e) => {
    e.preventDefault();
    const fd = new FormData(form);
    try {
      await ctx.api('/api/v1/admin/officers', {
        method: 'POST',
        body: JSON.stringify({ id: fd.get('id').trim(), name: fd.get('name').trim(), roles: fd.getAll('roles'), password: fd.get('password') }),
      });
      ctx.toast(`已登记 ${fd.get('id')}`);
      ctx.go('#/admin');
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
    }
  };
  out.append(table(list, [['人员编号', (o) => o.id], ['姓名', (o) => o.name],
    ['角色', (o) => (o.roles ?? []).map((r) => label(ROLE, r)).join('、')],
    ['状态', (o) => (o.disabled ? '已停用' : o.lockedUntil ? `锁定至 ${beijingTime(o.lockedUntil)}` : '正常')],
    ['动态口令', (o) => (o.totp ? '已启用' : '未启用')],
    ['操作', (o) => manage(ctx, o)]], { class: 'grid officers' }), h('h4', {}, '登记新人员'), form);
  return out;
}

/** Disable / re-enable / reset the password of one officer (POST /api/v1/admin/officers/{id}). */
function manage(ctx, o) {
  const box = h('div', { class: 'row-actions', 'data-officer': o.id });
  const change = async (body, done) => {
    try {
      await ctx.api(`/api/v1/admin/officers/${encodeURIComponent(o.id)}`, { method: 'POST', body: JSON.stringify(body) });
      ctx.toast(done);
      ctx.go('#/admin');
    } catch (e) {
      ctx.toast(e.message);
    }
  };
  const reset = h('form', { class: 'reset', hidden: true, novalidate: true },
    h('input', { name: 'password', type: 'password', autocomplete: 'new-password', 'aria-label': `${o.id} 的新密码`, placeholder: '新密码（至少 10 位）' }),
    h('button', { type: 'submit' }, '确认重置'));
  reset.onsubmit = (e) => {
    e.preventDefault();
    change({ action: 'RESET_PASSWORD', password: reset.elements.password.value }, `已重置 ${o.id} 的密码`);
  };
  box.append(
    o.id === ctx.officer?.id ? '' : o.disabled
      ? h('button', { type: 'button', class: 'quiet', onclick: () => change({ action: 'ENABLE' }, `已恢复 ${o.id}`) }, '恢复')
      : h('button', { type: 'button', class: 'quiet', onclick: () => change({ action: 'DISABLE' }, `已停用 ${o.id}`) }, '停用'),
    h('button', { type: 'button', class: 'quiet', onclick: () => { reset.hidden = !reset.hidden; } }, '重置密码'),
    reset);
  return box;
}

async function quarantine(ctx) {
  const page = await ctx.api('/api/v1/admin/quarantine?limit=50');
  return h('div', {}, h('p', {}, `共 ${page.total} 条未通过校验的记录（不会被当作有效记录使用）`),
    table(items(page), [['时间', (q) => beijingTime(q.at)], ['记录', (q) => q.recordKey], ['原因', (q) => q.reason], ['说明', (q) => q.detail ?? '-']]));
}

async function accessLog(ctx) {
  const list = items(await ctx.api('/api/v1/admin/access-log?limit=50'));
  return table(list.slice(-50).reverse(), [['时间', (a) => beijingTime(a.at)], ['人员', (a) => a.officer ?? '-'],
    ['请求', (a) => `${a.method} ${a.path}`], ['结果', (a) => String(a.status)], ['操作', (a) => a.action ?? '-']]);
}

async function chains(ctx) {
  const rows = await Promise.all((ctx.roster?.members ?? []).map(async (m) => {
    try {
      return await ctx.api(`/api/v1/audit/chains/${m.bureau}`);
    } catch (e) {
      return { bureau: m.bureau, intact: false, summary: e.message };
    }
  }));
  return table(rows, [['局', (c) => bureauLabel(c.bureau, ctx.names)], ['结论', (c) => (c.intact ? '完整 ✓' : `异常：${c.status ?? ''}`)],
    ['条目', (c) => String(c.entries ?? '-')], ['说明', (c) => c.summary ?? '-']], { class: 'grid chains' });
}

function backup(ctx) {
  const out = h('p', { class: 'muted' }, '写出本节点存储的一致快照。');
  return h('div', {}, out, h('button', {
    type: 'button',
    onclick: async () => {
      try {
        const r = await ctx.api('/api/v1/admin/backup', { method: 'POST', body: '{}' });
        out.textContent = `已备份到 ${r.file}（${Math.ceil(r.bytes / 1024)} KB）。恢复：${r.restore}`;
      } catch (e) {
        out.textContent = e.message;
      }
    },
  }, '立即备份'));
}

const PARTS = [
  ['OFFICER_ADMIN', '人员管理', officers],
  ['QUARANTINE_READ', '隔离区', quarantine],
  ['ACCESS_LOG_READ', '访问日志（最近 50 条）', accessLog],
  ['AUDIT_READ', '审计链校验', chains],
  ['BACKUP', '备份', backup],
];

register({
  id: 'admin',
  nav: '管理',
  order: 90,
  href: '#/admin',
  path: /^#\/admin$/,
  action: 'AUDIT_READ',
  async show(root, m, ctx) {
    root.replaceChildren(h('div', { class: 'panel-head' }, h('h2', {}, '节点管理与审计')));
    for (const [action, title, build] of PARTS) {
      if (!can(ctx.officer?.roles, action)) continue;
      const slot = part(title, h('p', { class: 'muted' }, '读取中…'));
      root.append(slot);
      try {
        slot.lastChild.replaceWith(await build(ctx));
      } catch (e) {
        slot.lastChild.replaceWith(h('p', { class: 'error' }, e.message));
      }
    }
  },
});

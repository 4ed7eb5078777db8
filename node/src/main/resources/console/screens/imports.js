// 案件导入: a bureau's case register (案件登记表, CSV or XLSX) imported into the shared pool. The
// bureau's column mapping (its own column names → the case fields) is kept on the node; an import
// is checked row by row first (every error with its row and column), then signed and shared in
// batches; the screen follows the job's progress until it ends and lists the bad rows.
import { beijingTime, can } from '../format.js';
import { h, table } from '../dom.js';
import { register } from '../screens.js';

export const FIELDS = [
  ['CASE_NUMBER', '案件编号'], ['FILED_ON', '立案日期'], ['FOUND_ON', '查获日期'], ['CLOSED_ON', '结案日期'],
  ['CATEGORY', '案件类别'], ['DISPOSITION', '处理结果'], ['PERSON', '当事人'], ['ID_NUMBER', '身份证号'],
  ['PHONE', '电话'], ['PLATE', '车牌'], ['LICENCE', '许可证号'], ['WAYBILL', '运单号'], ['ACCOUNT', '账号'],
  ['BRAND', '品牌'], ['SPEC', '规格'], ['QUANTITY', '数量（带单位）'], ['QUANTITY_CARTONS', '数量(条)'],
  ['QUANTITY_CASES', '数量(件)'], ['QUANTITY_WAN_STICKS', '数量(万支)'], ['VALUE_YUAN', '案值(元)'],
  ['VALUE_WAN_YUAN', '案值(万元)'], ['FINE_YUAN', '罚款(元)'], ['FINE_WAN_YUAN', '罚款(万元)'],
  ['COUNTY_CODE', '区划代码'], ['TOWN', '乡镇'], ['ADDRESS', '地点'], ['NARRATIVE', '案情'], ['IGNORE', '不导入'],
];
const CATEGORIES = [['', '（按列或“其他”）'], ['UNLICENSED_TRANSPORT', '无证运输'], ['OFF_CHANNEL_PURCHASE', '非渠道进货'],
  ['UNLICENSED_TRADE', '无证经营'], ['UNLICENSED_WHOLESALE', '无证批发'], ['COUNTERFEIT', '涉假'], ['SMUGGLING', '走私'],
  ['ONLINE_PARCEL', '互联网+物流寄递'], ['OTHER', '其他']];
const DISPOSITIONS = [['', '（按列或“未结”）'], ['PENDING', '未结'], ['ADMINISTRATIVE_PENALTY', '行政处罚'],
  ['TRANSFERRED_TO_POLICE', '移送公安'], ['TRANSFERRED_TO_MARKET_REGULATION', '移送市场监管']];
const STATES = { VALIDATING: '校验中', STORING: '导入中', DONE: '已完成', REFUSED: '已拒绝', FAILED: '失败' };
/** A register's usual columns, offered while the bureau has saved no mapping. */
const SUGGESTED = [['案件编号', 'CASE_NUMBER'], ['立案日期', 'FILED_ON'], ['当事人', 'PERSON'], ['车牌', 'PLATE'],
  ['案值(万元)', 'VALUE_WAN_YUAN'], ['品牌', 'BRAND'], ['数量(条)', 'QUANTITY_CARTONS']];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const select = (name, options, value, label) => h('select', { name, 'aria-label': label },
  options.map(([v, l]) => h('option', { value: v, selected: v === (value ?? '') }, l)));

/** '已读 1200 行，有效 1190 行，有误 10 行，已共享 500 行' */
export function progressText(j) {
  return `已读 ${j.rowsRead} 行，有效 ${j.rowsValid} 行，有误 ${j.rowsInvalid} 行，已共享 ${j.rowsStored} 行`
    + (j.rowsSkipped ? `，此前已共享 ${j.rowsSkipped} 行` : '');
}

function mappingForm(ctx, mapping) {
  const rows = h('tbody');
  const addRow = (column = '', field = 'IGNORE') => {
    const tr = h('tr', {},
      h('td', {}, h('input', { name: 'column', value: column, 'aria-label': '登记表列名', placeholder: '登记表中的列名' })),
      h('td', {}, select('field', FIELDS, field, '对应字段')),
      h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => tr.remove() }, '删除')));
    rows.append(tr);
  };
  (mapping?.columns ?? SUGGESTED.map(([column, field]) => ({ column, field }))).forEach((c) => addRow(c.column, c.field));
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h('form', { class: 'import-mapping', novalidate: true },
    h('h3', {}, '列对应关系'),
    h('p', { class: 'muted' }, mapping ? '本局已保存的列对应关系：登记表的每一列对应案件的哪个字段。' : '本局尚未保存列对应关系，下面是常见登记表的建议，请按本局登记表的列名修改后保存。'),
    h('div', { class: 'table-wrap' }, h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, h('th', {}, '登记表列名'), h('th', {}, '案件字段'), h('th', {}, ''))), rows)),
    h('div', { class: 'row' },
      h('button', { type: 'button', class: 'link', onclick: () => addRow() }, '添加一列'),
      h('label', {}, '无此列时的案件类别 ', select('category', CATEGORIES, mapping?.defaults?.category, '默认案件类别')),
      h('label', {}, '无此列时的处理结果 ', select('disposition', DISPOSITIONS, mapping?.defaults?.disposition, '默认处理结果'))),
    error,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, '保存列对应关系')));
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    error.hidden = true;
    const columns = [...rows.querySelectorAll('tr')]
      .map((tr) => ({ column: tr.querySelector('[name=column]').value.trim(), field: tr.querySelector('[name=field]').value }))
      .filter((c) => c.column);
    const defaults = {};
    const category = form.querySelector('[name=category]').value;
    const disposition = form.querySelector('[name=disposition]').value;
    if (category) defaults.category = category;
    if (disposition) defaults.disposition = disposition;
    try {
      await ctx.api('/api/v1/cases/imports/mapping', { method: 'PUT', body: JSON.stringify({ columns, defaults }) });
      ctx.toast('列对应关系已保存');
    } catch (err) {
      error.textContent = err.problem?.detail ?? err.message;
      error.hidden = false;
    }
  };
  return form;
}

function uploadForm(ctx) {
  const file = h('input', { type: 'file', name: 'file', accept: '.csv,.xlsx', required: true, 'aria-label': '登记表文件' });
  const goodOnly = h('input', { type: 'checkbox', name: 'goodRowsOnly' });
  const charset = select('charset', [['', '自动识别（UTF-8 / GBK）'], ['UTF-8', 'UTF-8'], ['GBK', 'GBK']], '', 'CSV 编码');
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h('form', { class: 'import-upload', novalidate: true },
    h('h3', {}, '上传案件登记表'),
    h('p', { class: 'muted' }, '支持 CSV（UTF-8 或 GBK）和 XLSX（第一个工作表）。先逐行检查；有错误的行时默认整表不导入。'),
    h('div', { class: 'row' }, file, h('label', {}, 'CSV 编码 ', charset), h('label', {}, goodOnly, ' 只导入正确的行')),
    error,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, '开始导入')));
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    error.hidden = true;
    const f = file.files[0];
    if (!f) {
      error.textContent = '请选择登记表文件';
      error.hidden = false;
      return;
    }
    const q = new URLSearchParams({ fileName: f.name });
    if (goodOnly.checked) q.set('goodRowsOnly', 'true');
    if (charset.value) q.set('charset', charset.value);
    try {
      const job = await ctx.api(`/api/v1/cases/imports?${q}`, {
        method: 'POST',
        headers: { 'Content-Type': f.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv' },
        body: f,
      });
      ctx.go(`#/imports/${encodeURIComponent(job.id)}`);
    } catch (err) {
      error.textContent = err.problem?.detail ?? err.message;
      error.hidden = false;
    }
  };
  return form;
}

function jobView(job) {
  const total = Math.max(job.rowsValid, 1);
  const done = job.state === 'VALIDATING' ? 0 : job.rowsStored + job.rowsSkipped;
  const view = h('div', { class: 'import-job', 'data-state': job.state },
    h('h3', {}, `导入 ${job.fileName ?? job.id}：`, h('span', { class: 'import-state' }, STATES[job.state] ?? job.state)),
    h('p', { class: 'import-progress' }, progressText(job)),
    h('progress', { max: total, value: Math.min(done, total), 'aria-label': '导入进度' }));
  if (job.state === 'REFUSED') view.append(h('p', { class: 'notice' }, '有错误，未导入任何案件。请改正登记表后重新上传，或勾选“只导入正确的行”。'));
  if (job.state === 'FAILED') view.append(h('p', { class: 'error' }, `文件无法读取：${job.failure ?? ''}`));
  if (job.state === 'DONE') view.append(h('p', {}, `已签名共享 ${job.rowsStored} 件案件，各局节点均可检索、串并。`));
  if (job.resumedAtRows?.length) view.append(h('p', { class: 'muted' }, `节点重启后从第 ${job.resumedAtRows.join('、')} 行继续。`));
  if (job.errors?.length) {
    view.append(h('h4', {}, `错误（共 ${job.errorCount} 处${job.errorCount > job.errors.length ? `，显示前 ${job.errors.length} 处` : ''}）`),
      table(job.errors, [['行', (e) => String(e.row), 'nowrap'], ['列', (e) => e.column || '—', 'nowrap'], ['问题', (e) => e.message]], { class: 'grid import-errors' }));
  }
  return view;
}

register({
  id: 'imports',
  nav: '案件导入',
  order: 47,
  href: '#/imports',
  path: /^#\/imports(?:\/([^/]+))?$/,
  action: 'CASE_READ',
  async show(root, m, ctx) {
    const mayWrite = can(ctx.officer?.roles, 'CASE_WRITE');
    root.replaceChildren(h('div', { class: 'panel-head' }, h('h2', {}, '案件登记表导入')));
    if (m[1]) {
      const id = decodeURIComponent(m[1]);
      const slot = h('div');
      root.append(slot, h('p', {}, h('a', { href: '#/imports' }, '返回导入')));
      // follow the job until it ends (the screen is replaced when the officer leaves it)
      for (;;) {
        const job = await ctx.api(`/api/v1/cases/imports/${encodeURIComponent(id)}`);
        slot.replaceChildren(jobView(job));
        if (!['VALIDATING', 'STORING'].includes(job.state) || !root.isConnected) break;
        await new Promise((r) => setTimeout(r, 1000));
      }
      return;
    }
    let mapping = null;
    try {
      mapping = await ctx.api('/api/v1/cases/imports/mapping');
    } catch (err) {
      if (err.status !== 404) throw err;
    }
    if (mayWrite) root.append(mappingForm(ctx, mapping), uploadForm(ctx));
    const jobs = (await ctx.api('/api/v1/cases/imports?limit=20')).jobs;
    root.append(h('h3', {}, '最近的导入'), jobs.length
      ? table(jobs, [
        ['开始时间', (j) => beijingTime(j.createdAt), 'nowrap'],
        ['文件', (j) => h('a', { href: `#/imports/${encodeURIComponent(j.id)}` }, j.fileName ?? j.id)],
        ['状态', (j) => STATES[j.state] ?? j.state, 'nowrap'],
        ['进度', (j) => progressText(j)],
      ], { class: 'grid import-jobs' })
      : h('p', { class: 'muted' }, '尚无导入。'));
  },
});

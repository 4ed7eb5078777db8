// 案件表单: the four forms of a lead or case (登记台帐、调查表、处理表、反馈表) — the list with the
// printable page and the XLSX workbook, and filling one in (every bad field named by the node).
import { beijingTime, can, readable } from '../format.js';
import { h, table } from '../dom.js';
import { register } from '../screens.js';

const KIND = { REGISTRATION: '案件登记台帐', INVESTIGATION: '案件调查表', HANDLING: '案件处理表', FEEDBACK: '线索反馈表' };
const OUTCOME = {
  ADMINISTRATIVE_PENALTY: '行政处罚', TRANSFERRED_TO_POLICE: '移送公安', TRANSFERRED_TO_MARKET_REGULATION: '移送市场监管',
  TRANSFERRED_TO_BUREAU: '移交其他专卖局', UNFOUNDED: '查无实据', IN_PROGRESS: '仍在办理',
};
const ROLE = { SUSPECT: '当事人', RETAILER: '零售户', DRIVER: '驾驶人', SENDER: '寄件人', RECIPIENT: '收件人', WITNESS: '证人', OTHER: '其他' };
const lines = (v) => v.split('\n').map((x) => x.trim()).filter((x) => x);
/** The words the form uses for each field a refusal names ('/parties/0/name' → '当事人 第 1 项'). */
const FIELD = {
  kind: '表单', subject: '线索或案件编号', officer: '填表人', cause: '案由', source: '线索来源', place: '地点',
  occurredAt: '时间', valueFen: '案值', fineFen: '罚款', officers: '执法人员', parties: '当事人', goods: '涉案卷烟',
  findings: '调查/处理情况', measures: '采取措施', legalBasis: '法律依据', outcome: '处理结果', transferTo: '移送单位',
  toBureau: '反馈对象', decidedOn: '日期',
};
const INPUT = { valueFen: 'valueYuan', fineFen: 'valueYuan' };

/** One line per bad field, in Chinese, each marked beside its input; what is not Chinese is not shown. */
export function refusal(form, err) {
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const errors = err.problem?.errors?.length ? err.problem.errors
    : err.problem?.field ? [{ field: err.problem.field, detail: err.problem.detail }] : [];
  const said = errors.map((e) => {
    const [name, index] = String(e.field ?? '').replace(/^\//, '').split('/');
    form.querySelector(`[name=${INPUT[name] ?? name}]`)?.setAttribute('aria-invalid', 'true');
    const word = `${FIELD[name] ?? '此项'}${/^\d+$/.test(index ?? '') ? ` 第 ${Number(index) + 1} 项` : ''}`;
    return readable(e.detail) && !/[A-Za-z]{3,}/.test(e.detail) ? `${word}${e.detail}` : `${word}有误`;
  });
  return said.join('；') || err.message;
}

async function openRaw(ctx, path, type, name) {
  const res = await ctx.api(path, { raw: true });
  const url = URL.createObjectURL(new Blob([await res.arrayBuffer()], { type }));
  if (name) {
    const a = h('a', { href: url, download: name });
    a.click();
  } else {
    window.open(url, '_blank');
  }
}

function filler(ctx, subject) {
  const input = (name, label, attrs = {}) => h('label', {}, label, h('input', { name, 'aria-label': label, ...attrs }));
  const area = (name, label) => h('label', {}, label, h('textarea', { name, rows: 3, 'aria-label': label }));
  const select = (name, label, options) => h('label', {}, label, h('select', { name, 'aria-label': label },
    h('option', { value: '' }, '—'), Object.entries(options).map(([k, v]) => h('option', { value: k }, v))));
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h('form', { class: 'form-fill', novalidate: true }, h('h3', {}, '填写表单'),
    select('kind', '表单', KIND), input('cause', '案由'), input('source', '线索来源'), input('place', '地点'),
    input('occurredAt', '时间', { type: 'datetime-local' }), input('valueYuan', '案值（元）', { type: 'number' }),
    area('officers', '执法人员编号（每行一人，现场检查至少两人）'),
    area('parties', '当事人（每行：姓名,身份,身份证号）'), area('goods', '涉案卷烟（每行：品牌,规格,条数）'),
    area('findings', '调查/处理情况'), area('measures', '采取措施（每行一项）'), input('legalBasis', '法律依据'),
    select('outcome', '处理结果', OUTCOME), input('transferTo', '移送单位'), input('toBureau', '反馈对象（局代码）'),
    input('decidedOn', '日期', { type: 'date' }), error,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, '签名提交')));
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    const v = (n) => form.querySelector(`[name=${n}]`).value.trim();
    const roleOf = (label) => Object.keys(ROLE).find((k) => ROLE[k] === label) ?? label;
    const body = {
      kind: v('kind') || null, subject, officer: ctx.officer?.id,
      cause: v('cause') || null, source: v('source') || null, place: v('place') || null,
      occurredAt: v('occurredAt') ? new Date(v('occurredAt')).toISOString() : null,
      valueFen: v('valueYuan') ? Math.round(Number(v('valueYuan')) * 100) : null,
      officers: lines(v('officers')),
      parties: lines(v('parties')).map((l) => { const [name, role, idNumber] = l.split(/[,，]/).map((x) => x.trim()); return { name, role: roleOf(role ?? '其他'), idNumber: idNumber || null }; }),
      goods: lines(v('goods')).map((l) => { const [brand, spec, cartons] = l.split(/[,，]/).map((x) => x.trim()); return { brand, spec: spec || null, cartons: Number(cartons), genuine: true }; }),
      findings: v('findings') || null, measures: lines(v('measures')), legalBasis: v('legalBasis') || null,
      outcome: v('outcome') || null, transferTo: v('transferTo') || null, toBureau: v('toBureau') || null, decidedOn: v('decidedOn') || null,
    };
    try {
      await ctx.api('/api/v1/forms', { method: 'POST', body: JSON.stringify(body) });
      ctx.toast('表单已签名提交');
      ctx.go(`#/forms/${encodeURIComponent(subject)}`);
    } catch (err) {
      error.textContent = refusal(form, err);
      error.hidden = false;
    }
  };
  return form;
}

register({
  id: 'forms',
  nav: '案件表单',
  order: 47,
  href: '#/forms',
  path: /^#\/forms(?:\/(.+))?$/,
  action: 'FORM_READ',
  async show(root, m, ctx) {
    const subject = m[1] ? decodeURIComponent(m[1]) : null;
    const pick = h('form', { class: 'form-subject' }, h('label', {}, '线索或案件编号',
      h('input', { name: 'subject', value: subject ?? '', placeholder: '线索编号，或 case:局代码:案件编号', 'aria-label': '线索或案件编号' })),
    h('button', { type: 'submit' }, '查看表单'));
    pick.onsubmit = (ev) => { ev.preventDefault(); ctx.go(`#/forms/${encodeURIComponent(pick.querySelector('input').value.trim())}`); };
    root.replaceChildren(h('div', { class: 'panel-head' }, h('h2', {}, '案件表单（登记台帐、调查表、处理表、反馈表）')), pick);
    if (!subject) return;
    const page = await ctx.api(`/api/v1/forms?subject=${encodeURIComponent(subject)}`);
    root.append(page.items.length
      ? table(page.items, [
        ['表单', (f) => KIND[f.form.kind]],
        ['填表人', (f) => f.form.officer],
        ['时间', (f) => beijingTime(f.signedAt)],
        ['结果', (f) => OUTCOME[f.form.outcome] ?? '-'],
        ['', (f) => h('button', { type: 'button', class: 'quiet', onclick: () => openRaw(ctx, `/api/v1/forms/${encodeURIComponent(f.id)}/print`, 'text/html') }, '打印')],
      ], { class: 'grid forms' })
      : h('p', { class: 'muted' }, '尚无表单。'));
    if (page.items.length) {
      root.append(h('button', {
        type: 'button', class: 'quiet',
        onclick: () => openRaw(ctx, `/api/v1/forms/sheet?subject=${encodeURIComponent(subject)}`,
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `${subject}.xlsx`),
      }, '导出 XLSX'));
    }
    if (can(ctx.officer?.roles, 'FORM_WRITE')) root.append(filler(ctx, subject));
  },
});

// Posting a lead: category, urgency, title, narrative, entities, place, expiry (Beijing time), the
// bureaus it is for — open to all members or sealed to the chosen bureaus only — and attachments.
// Every bad field the node names is marked beside its input.
import { CATEGORY, URGENCY, ENTITY, buildDraft, formField, shortName, problemText, parseDay, chineseDate } from '../format.js';
import { dayField } from '../dates.js';
import { $, field, h } from '../dom.js';
import { register } from '../screens.js';

function entityRow(type) {
  const row = $('entity-row').content.firstElementChild.cloneNode(true);
  const select = row.querySelector('select');
  for (const [code, word] of Object.entries(ENTITY)) select.append(h('option', { value: code }, word));
  if (type) select.value = type;
  row.querySelector('.remove').addEventListener('click', () => row.remove());
  return row;
}

/** Marks each field a problem names (problem.errors, else problem.field) with its message. */
export function markFields(form, problem) {
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const el of form.querySelectorAll('.field-error')) el.remove();
  const errors = problem?.errors?.length ? problem.errors
    : problem?.field ? [{ field: problem.field, detail: problem.detail }] : [];
  let first = null;
  for (const e of errors) {
    const name = formField(e.field);
    if (!name) continue;
    let el;
    if (name === 'targetBureaus') el = form.querySelector('.targets');
    else if (name.startsWith('entities.')) {
      const [, i, part] = name.split('.');
      el = form.querySelector('.entities').children[Number(i)]?.querySelector(part === 'type' ? 'select' : `input[name=${part === 'role' ? 'role' : 'value'}]`);
    } else el = form.elements.namedItem(name);
    if (!el) continue;
    el.setAttribute('aria-invalid', 'true');
    const words = problemText({ title: e.detail ?? '', status: problem.status }, problem.status)
      .replace(/（HTTP \d+）$/, '');
    el.after(h('span', { class: 'field-error', role: 'alert' }, words === '请求失败' ? '此项有误' : words));
    first ??= el;
  }
  first?.focus?.();
}

async function upload(ctx, file) {
  return ctx.api('/api/v1/attachments', {
    method: 'POST',
    headers: {
      'Content-Type': file.type || 'application/octet-stream',
      'X-Filename': encodeURIComponent(file.name).slice(0, 200),
    },
    body: file,
  });
}

register({
  id: 'post',
  nav: '发布线索',
  button: true,
  order: 15,
  href: '#/post',
  path: /^#\/post$/,
  action: 'LEAD_WRITE',
  show(root, m, ctx) {
    const targets = (ctx.roster?.members ?? []).filter((b) => b.bureau !== ctx.self);
    const form = h('form', { id: 'post-form', novalidate: true },
      h('label', {}, '发布人（当前登录人员）', h('input', { name: 'officer', readonly: true, tabindex: -1, value: ctx.officer.id })),
      h('div', { class: 'row' },
        h('label', {}, '类别', h('select', { name: 'category', required: true }, Object.entries(CATEGORY).map(([c, w]) => h('option', { value: c }, w)))),
        h('label', {}, '紧急程度', h('select', { name: 'urgency' }, Object.entries(URGENCY).map(([c, w]) => h('option', { value: c }, w))))),
      h('label', {}, '标题', h('input', { name: 'title', required: true, maxlength: 200, placeholder: '一句话说明线索' })),
      h('label', {}, '线索内容', h('textarea', { name: 'narrative', required: true, rows: 6, maxlength: 20000, placeholder: '人、车、货、时间、地点、来源' })),
      h('fieldset', {}, h('legend', {}, '涉及对象（车牌、电话、运单号等）'), h('div', { class: 'entities' }),
        h('button', { type: 'button', class: 'quiet', onclick: () => form.querySelector('.entities').append(entityRow()) }, '＋ 添加对象')),
      h('div', { class: 'row' },
        h('label', {}, '地点', h('input', { name: 'location', maxlength: 200, placeholder: '如 兴和县张皋镇' })),
        h('label', {}, '有效期至（北京时间）', h('span', { class: 'datetime' },
          dayField({ name: 'expiresDate', 'aria-label': '有效期日期' }, { readout: false }),
          h('input', { name: 'expiresTime', type: 'time', lang: 'zh-CN', value: '18:00', 'aria-label': '有效期时间' })),
          h('span', { class: 'muted expiry-zh', 'aria-live': 'polite' }, '不填即按节点默认有效期'))),
      h('fieldset', {}, h('legend', {}, '发送对象（不选即发全体成员）'),
        h('div', { class: 'targets', 'data-field': 'targetBureaus' }, targets.map((b) => h('label', { class: 'check' },
          h('input', { type: 'checkbox', name: 'targetBureaus', value: b.bureau }), ` ${shortName(b.name)}`))),
        h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'restricted' }),
          ' 密封：仅所选局可读（内容按收件局密钥加密，其他成员只转存密文）')),
      h('label', {}, '附件（可多选，单个不超过 20 MB）', h('input', { type: 'file', name: 'files', multiple: true })),
      h('p', { class: 'error post-error', role: 'alert', hidden: true }),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button' }, '签名并发布')));
    form.querySelector('.entities').append(entityRow('PLATE'));
    // the date as Chinese read it (typed year first whatever the browser's language)
    const readout = () => {
      const day = parseDay(field(form, 'expiresDate').value);
      form.querySelector('.expiry-zh').textContent = day === null ? '请按 年-月-日 填写，如 2026-12-07'
        : day ? `${chineseDate(day)} ${field(form, 'expiresTime').value || '23:59'}（北京时间）` : '不填即按节点默认有效期';
    };
    field(form, 'expiresDate').addEventListener('input', readout);
    field(form, 'expiresTime').addEventListener('input', readout);
    form.addEventListener('submit', (e) => { e.preventDefault(); submit(form, ctx); });
    root.replaceChildren(h('div', { class: 'panel-head' }, h('h2', {}, '发布线索'), h('a', { href: '#/', class: 'quiet' }, '取消')), form);
    field(form, 'title').focus();
  },
});

async function submit(form, ctx) {
  const error = form.querySelector('.post-error');
  const date = parseDay(field(form, 'expiresDate').value);
  if (date === null) {
    error.textContent = '有效期日期请按 年-月-日 填写，如 2026-12-07';
    error.hidden = false;
    field(form, 'expiresDate').focus();
    return;
  }
  const draft = buildDraft({
    officer: ctx.officer.id,
    category: field(form, 'category').value,
    urgency: field(form, 'urgency').value,
    title: field(form, 'title').value,
    narrative: field(form, 'narrative').value,
    location: field(form, 'location').value,
    expiresAt: date ? `${date}T${field(form, 'expiresTime').value || '23:59'}` : '',
    entities: [...form.querySelector('.entities').children].map((r) => ({
      type: r.querySelector('select').value,
      value: r.querySelector('input[name=value]').value,
      role: r.querySelector('input[name=role]')?.value ?? '',
    })),
    targetBureaus: [...form.querySelectorAll('input[name=targetBureaus]:checked')].map((c) => c.value),
  });
  if (field(form, 'restricted').checked) draft.distribution = 'RESTRICTED';
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    const files = [...field(form, 'files').files];
    if (files.length) {
      draft.attachments = [];
      for (const f of files) {
        const ref = await upload(ctx, f);
        draft.attachments.push({ ...ref, name: f.name.slice(0, 200) });
      }
    }
    const v = await ctx.api('/api/v1/leads', { method: 'POST', body: JSON.stringify(draft) });
    error.hidden = true;
    ctx.toast('线索已签名并发布');
    ctx.go(`#/leads/${encodeURIComponent(v.id)}`);
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
    markFields(form, e.problem);
  } finally {
    button.disabled = false;
  }
}

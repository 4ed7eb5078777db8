// 举报台帐: where this bureau's leads came from (举报、线人、市场检查、物流检查、其他部门), the register of
// reports with how each lead ended and its reward status, the officer's own opening key, recording a
// source with the informant sealed to chosen officers, and — for a chosen officer — opening it, or
// sealing it again for another chosen officer whose key was re-made (the line names them).
// The identity is shown only in the opening box, never kept by the console.
import { beijingTime, beijingToday, bureauLabel, can, OUTCOME, parseDay, STATE } from '../format.js';
import { field, h, table } from '../dom.js';
import { register } from '../screens.js';

export const SOURCE = { REPORT: '举报', INFORMANT: '线人', INSPECTION: '市场检查', LOGISTICS: '物流检查', AGENCY: '其他部门' };
export const REWARD = { NOT_APPLIED: '未申请', DECLARED: '已申报', PAID: '已兑现', NOT_REWARDED: '不予奖励' };
/** The refusals of these screens in words (the node's detail may be English). */
const WORDS = {
  'identity-in-lead': '线索正文写有举报人的身份信息，请先从线索中删去',
  'opener-not-receiving': '只能指定本局或线索所发往局的人员',
  'opener-without-key': '所指定的人员尚未生成开启密钥',
  'bad-opener': '人员编号有误',
  'source-recorded': '该线索的来源已登记',
  'not-own-lead': '只能登记本局发布的线索',
  'no-lead': '没有这条线索',
  'not-an-opener': '你未被指定开启此举报人身份',
  'wrong-passphrase': '开启口令不对',
  'no-officer-key': '你在本节点尚未生成开启密钥',
  'sealed-for-older-key': '加密时用的是你的旧密钥：请输入旧密钥的开启口令，或请另一名被指定人员为你重新加密',
  'key-exists': '你已有开启密钥：修改口令须输入当前口令；忘记口令请勾选“忘记口令”',
  'not-stale': '对方用现有密钥即可开启，无须重新加密',
  'reseal-self': '须由另一名被指定人员为你重新加密',
  'too-many-attempts': '开启口令错误次数过多，请稍后再试',
  'reward-state': '奖励状态不能这样变更（未申请→已申报→已兑现或不予奖励）',
  'chief-decides': '已兑现、不予奖励须由局长确定',
  'reward-paid-by-settlement': '已兑现须由局长在“奖励兑现”中签名登记兑现记录',
};
const FIELDS = {
  passphrase: '开启口令', leadId: '线索编号', source: '来源', openers: '可开启人员', informant: '举报人',
  'informant/name': '举报人姓名', 'informant/phone': '举报人电话', 'informant/idNumber': '身份证号', 'informant/note': '备注',
  receivedAt: '收到日期', status: '奖励状态', note: '说明', currentPassphrase: '当前开启口令', opener: '重新加密给谁',
};

/** A refusal in Chinese: the slug's words, else the named fields. */
export function refusalText(err) {
  const type = String(err.problem?.type ?? '');
  const slug = type.slice(type.lastIndexOf('/') + 1);
  if (WORDS[slug]) return WORDS[slug];
  const errors = err.problem?.errors?.length ? err.problem.errors : err.problem?.field ? [{ field: err.problem.field }] : [];
  const named = errors.map((e) => {
    const f = String(e.field ?? '').replace(/^\//, '');
    return FIELDS[f] ?? FIELDS[f.replace(/\/\d+$/, '')] ?? '此项';
  });
  return named.length ? `请检查：${[...new Set(named)].join('、')}` : '请求未被接受';
}

function outcome(e) {
  if (!e.leadState) return '—';
  return [STATE[e.leadState] ?? e.leadState, e.outcome ? OUTCOME[e.outcome] ?? e.outcome : null, e.caseNumber].filter(Boolean).join(' · ');
}

function keyForm(ctx, mine) {
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h('form', { class: 'informant-key', novalidate: true }, h('h3', {}, mine ? '修改开启口令' : '我的开启密钥'),
    h('p', { class: 'muted' }, mine
      ? '输入当前口令即可改口令，密钥不变，已加密的仍可开启。忘记口令时生成新密钥：用旧密钥加密的须由另一名被指定人员为你重新加密。'
      : '开启口令只有你知道，每次开启举报人身份都要输入。'),
    mine ? h('label', {}, '当前开启口令', h('input', { name: 'current', type: 'password', autocomplete: 'current-password' })) : null,
    mine ? h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'forgotten' }), '忘记口令（生成新密钥）') : null,
    h('label', {}, mine ? '新的开启口令（至少 10 位）' : '开启口令（至少 10 位）', h('input', { name: 'passphrase', type: 'password', autocomplete: 'new-password' })),
    h('label', {}, '再输入一次', h('input', { name: 'again', type: 'password', autocomplete: 'new-password' })),
    error, h('div', { class: 'actions' }, h('button', { type: 'submit' }, mine ? '保存' : '生成开启密钥')));
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    error.hidden = true;
    const p = field(form, 'passphrase').value;
    if (p !== field(form, 'again').value) {
      error.textContent = '两次输入的开启口令不一致';
      error.hidden = false;
      return;
    }
    const body = { passphrase: p };
    if (mine && form.querySelector('input[name=forgotten]').checked) body.forgotten = true;
    else if (mine) body.currentPassphrase = field(form, 'current').value;
    try {
      await ctx.api('/api/v1/informants/keys/me', { method: 'PUT', body: JSON.stringify(body) });
      form.reset();
      ctx.toast(body.forgotten ? '已生成新的开启密钥' : mine ? '开启口令已修改' : '开启密钥已生成');
      ctx.go('#/informants');
    } catch (err) {
      error.textContent = err.problem?.field === '/passphrase' && !err.problem?.type?.endsWith('/wrong-passphrase')
        ? '开启口令须为 10 至 200 个字符' : refusalText(err);
      error.hidden = false;
    }
  };
  return form;
}

function recordForm(ctx, keys) {
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const people = keys.items.flatMap((k) => k.keys.map((o) => ({ bureau: k.bureau, ...o })));
  const input = (name, label, attrs = {}) => h('label', {}, label, h('input', { name, 'aria-label': label, ...attrs }));
  const form = h('form', { class: 'informant-record', novalidate: true }, h('h3', {}, '登记线索来源'),
    input('leadId', '线索编号', { placeholder: '150924-20261206-XXXXXXXX' }),
    h('label', {}, '来源', h('select', { name: 'source', 'aria-label': '来源' },
      Object.entries(SOURCE).map(([k, v]) => h('option', { value: k }, v)))),
    input('received', '收到日期', { value: beijingToday(), placeholder: '2026-12-06' }),
    h('fieldset', {}, h('legend', {}, '举报人（只加密给下面勾选的人员）'),
      input('name', '姓名'), input('phone', '电话'), input('idNumber', '身份证号'),
      h('label', {}, '备注', h('textarea', { name: 'note', rows: 2, 'aria-label': '备注' }))),
    h('fieldset', { class: 'openers' }, h('legend', {}, '可开启人员'),
      people.length
        ? people.map((o) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'opener', value: o.officer }),
          `${bureauLabel(o.bureau, ctx.names)} ${o.officer} ${o.name}`))
        : h('p', { class: 'muted' }, '尚无人员生成开启密钥。')),
    error, h('div', { class: 'actions' }, h('button', { type: 'submit' }, '签名登记')));
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    error.hidden = true;
    const v = (n) => field(form, n).value.trim();
    const day = parseDay(v('received'));
    if (day === null) {
      error.textContent = '收到日期有误（如 2026-12-06）';
      error.hidden = false;
      return;
    }
    const openers = [...form.querySelectorAll('input[name=opener]:checked')].map((c) => c.value);
    const informant = v('name') ? { name: v('name'), phone: v('phone') || null, idNumber: v('idNumber') || null, note: v('note') || null } : null;
    const body = {
      officer: ctx.officer.id, leadId: v('leadId'), source: v('source'),
      receivedAt: day ? new Date(`${day}T00:00:00+08:00`).toISOString() : null, informant, openers,
    };
    try {
      await ctx.api('/api/v1/informants/reports', { method: 'POST', body: JSON.stringify(body) });
      ctx.toast('线索来源已登记');
      ctx.go('#/informants');
    } catch (err) {
      error.textContent = refusalText(err);
      error.hidden = false;
    }
  };
  return form;
}

function rewardControl(ctx, e) {
  // 已兑现 is set by signing the payment on the 奖励兑现 screen, not here
  const select = h('select', { 'aria-label': '奖励状态' }, Object.entries(REWARD)
    .filter(([k]) => k !== 'PAID' || k === e.rewardStatus)
    .map(([k, v]) => h('option', { value: k, selected: k === e.rewardStatus }, v)));
  const button = h('button', { type: 'button', class: 'small' }, '更新');
  button.onclick = async () => {
    try {
      await ctx.api(`/api/v1/informants/reports/${encodeURIComponent(e.leadId)}/reward`,
        { method: 'POST', body: JSON.stringify({ officer: ctx.officer.id, status: select.value }) });
      ctx.toast(`奖励状态：${REWARD[select.value]}`);
      ctx.go('#/informants');
    } catch (err) {
      ctx.toast(refusalText(err));
    }
  };
  return h('span', { class: 'reward' }, select, button);
}

function openBox(ctx, e) {
  const out = h('div', { class: 'opened', role: 'status' });
  const form = h('form', { class: 'informant-open', novalidate: true },
    h('label', {}, '开启口令', h('input', { name: 'passphrase', type: 'password', autocomplete: 'current-password', 'aria-label': '开启口令' })),
    h('button', { type: 'submit', class: 'small' }, '开启'), out);
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    try {
      const o = await ctx.api(`/api/v1/informants/reports/${encodeURIComponent(e.leadId)}/open`,
        { method: 'POST', body: JSON.stringify({ officer: ctx.officer.id, passphrase: field(form, 'passphrase').value }) });
      field(form, 'passphrase').value = '';
      const i = o.informant;
      out.replaceChildren(h('dl', { class: 'identity' },
        h('dt', {}, '姓名'), h('dd', {}, i.name),
        i.phone ? [h('dt', {}, '电话'), h('dd', {}, i.phone)] : null,
        i.idNumber ? [h('dt', {}, '身份证号'), h('dd', {}, i.idNumber)] : null,
        i.note ? [h('dt', {}, '备注'), h('dd', {}, i.note)] : null),
      h('p', { class: 'muted' }, `本次开启已记入审计链（${beijingTime(o.openedAt)}）`));
    } catch (err) {
      out.replaceChildren(h('p', { class: 'error', role: 'alert' }, refusalText(err)));
    }
  };
  return form;
}

function resealBox(ctx, e, opener) {
  const form = h('form', { class: 'informant-reseal', novalidate: true },
    h('label', {}, `为 ${opener} 重新加密：你的开启口令`, h('input', { name: 'passphrase', type: 'password', autocomplete: 'current-password', 'aria-label': `为 ${opener} 重新加密：你的开启口令` })),
    h('button', { type: 'submit', class: 'small' }, `为 ${opener} 重新加密`));
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    try {
      await ctx.api(`/api/v1/informants/reports/${encodeURIComponent(e.leadId)}/reseal`,
        { method: 'POST', body: JSON.stringify({ officer: ctx.officer.id, passphrase: field(form, 'passphrase').value, opener }) });
      field(form, 'passphrase').value = '';
      ctx.toast(`已为 ${opener} 重新加密（已记入审计链）`);
      ctx.go('#/informants');
    } catch (err) {
      ctx.toast(refusalText(err));
    }
  };
  return form;
}

function identityCell(ctx, e, mayWrite) {
  if (!e.identitySealed) return '无';
  const me = ctx.officer?.id;
  const unreadable = e.unreadableFor ?? [];
  const canOpen = mayWrite && e.openers.includes(me);
  return h('div', {}, h('span', { class: 'muted' }, `已加密 · 可开启：${e.openers.join('、')}`),
    unreadable.length ? h('div', { class: 'warning' }, `无法开启（密钥已更换，待重新加密）：${unreadable.join('、')}`) : null,
    e.openings.length ? h('div', { class: 'muted' }, `开启记录：${e.openings.map((o) => `${o.officer} ${beijingTime(o.at)}`).join('；')}`) : null,
    (e.resealings ?? []).length ? h('div', { class: 'muted' }, `重新加密：${e.resealings.map((r) => `${r.officer} 为 ${r.opener} ${beijingTime(r.at)}`).join('；')}`) : null,
    canOpen ? openBox(ctx, e) : null,
    canOpen && !unreadable.includes(me) ? unreadable.map((o) => resealBox(ctx, e, o)) : null);
}

register({
  id: 'informants',
  nav: '举报台帐',
  order: 47,
  href: '#/informants',
  path: /^#\/informants(\/record|\/key)?$/,
  action: 'INFORMANT_READ',
  async show(root, m, ctx) {
    const [page, keys] = await Promise.all([
      ctx.api('/api/v1/informants/reports?limit=200'),
      ctx.api('/api/v1/informants/keys'),
    ]);
    const mayWrite = can(ctx.officer?.roles, 'INFORMANT_WRITE');
    const mine = keys.items.some((k) => k.keys.some((o) => o.officer === ctx.officer?.id));
    root.replaceChildren(h('div', { class: 'panel-head' }, h('h2', {}, '举报信息台帐'),
      mayWrite ? h('span', { class: 'actions' },
        h('a', { href: '#/informants/record', class: 'button' }, '登记线索来源'),
        h('a', { href: '#/informants/key', class: 'button' }, mine ? '修改开启口令' : '生成开启密钥')) : null));
    if (mayWrite && m[1] === '/key') root.append(keyForm(ctx, mine));
    if (mayWrite && m[1] === '/record') root.append(recordForm(ctx, keys));
    root.append(page.items.length
      ? table(page.items, [
        ['收到日期', (e) => beijingTime(e.receivedAt).slice(0, 10), 'nowrap'],
        ['来源', (e) => SOURCE[e.source] ?? e.source, 'nowrap'],
        ['线索', (e) => h('a', { href: `#/leads/${encodeURIComponent(e.leadId)}` }, e.leadTitle ?? e.leadId)],
        ['办理结果', (e) => outcome(e)],
        ['奖励', (e) => (mayWrite && e.bureau === ctx.self ? rewardControl(ctx, e) : REWARD[e.rewardStatus])],
        ['举报人', (e) => identityCell(ctx, e, mayWrite)],
      ], { class: 'grid informant-register' })
      : h('p', { class: 'muted' }, '台帐为空：登记线索来源后在此列出。'));
  },
});

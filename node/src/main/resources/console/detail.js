// A lead's detail: its content, status, signed history and the proof of its signature.
import {
  CATEGORY, URGENCY, ENTITY, STATE, TRANSITION, OUTCOME, DISTRIBUTION, COHANDLER_STATE, label, beijingTime,
  bureauLabel,
} from './format.js';
import { h } from './dom.js';

/** The detail panel's content for a lead (a LeadView): fields, entities, narrative, history, proof. */
export function detail(v, names) {
  const l = v.lead;
  const rows = (pairs) => h('dl', {}, pairs.filter(Boolean).flatMap(([k, val]) => [h('dt', {}, k), h('dd', {}, val)]));
  const out = [h('h3', {}, l ? l.title : '（密封内容，本局不是收件方）'), h('p', { class: 'muted mono' }, v.id)];
  out.push(rows([
    l && ['类别', label(CATEGORY, l.category)],
    l && ['紧急程度', label(URGENCY, l.urgency)],
    ['来源', bureauLabel(v.originBureau, names) + (l ? ` · 联络员 ${l.officer}` : '')],
    ['发布时间', beijingTime(v.postedAt)],
    l && ['发送对象', l.targetBureaus?.length ? l.targetBureaus.map((b) => bureauLabel(b, names)).join('、') : '全体成员'],
    l && ['分发范围', label(DISTRIBUTION, l.distribution)],
    l?.location && ['地点', l.location],
    l?.expiresAt && ['有效期至', beijingTime(l.expiresAt)],
    v.status && ['状态', label(STATE, v.status.state) + (v.status.owner ? ` · 承办 ${bureauLabel(v.status.owner, names)}` : '')],
    v.status?.outcome && ['办结结果', label(OUTCOME, v.status.outcome) + (v.status.caseNumber ? ` ${v.status.caseNumber}` : '')],
  ]));
  const fb = v.status?.feedback ?? [];
  const co = v.status?.cohandlers ?? [];
  if (co.length) {
    // 主办 and 协办: each bureau's part apart — the lead bureau's feedback, then each co-handler's
    // task, answer and its own feedback, attributed
    const lines = (list) => list.map((f) => h('li', {}, h('span', { class: 'time' }, beijingTime(f.at)), ' ',
      `${bureauLabel(f.bureau, names)} · ${f.officer}：${f.text}`));
    out.push(h('h4', {}, '主办与协办'), h('div', { class: 'cohandling' },
      h('section', { class: 'part', 'data-bureau': v.status.owner ?? '' },
        h('h5', {}, `主办 ${bureauLabel(v.status.owner, names)}`),
        fb.length ? h('ol', { class: 'feedback' }, lines(fb)) : h('p', { class: 'muted' }, '尚未反馈')),
      ...co.map((c) => h('section', { class: 'part', 'data-bureau': c.bureau },
        h('h5', {}, `协办 ${bureauLabel(c.bureau, names)} · ${label(COHANDLER_STATE, c.state)}`),
        c.task ? h('p', {}, `协办事项：${c.task}`) : null,
        c.declineReason ? h('p', {}, `拒绝理由：${c.declineReason}`) : null,
        c.feedback?.length ? h('ol', { class: 'feedback' }, lines(c.feedback))
          : (c.state === 'ACCEPTED' ? h('p', { class: 'muted' }, '尚未反馈') : null)))));
  }
  if (l?.entities?.length) {
    out.push(h('h4', {}, '涉及对象'), h('table', { class: 'entities' },
      h('tbody', {}, l.entities.map((e) => h('tr', {}, h('th', {}, label(ENTITY, e.type)), h('td', { class: 'mono' }, e.value), h('td', {}, e.role ?? ''))))));
  }
  if (l) out.push(h('h4', {}, '线索内容'), h('p', { class: 'narrative' }, l.narrative));
  if (v.history?.length) {
    out.push(h('h4', {}, '办理记录'), h('ol', { class: 'history' }, v.history.map((t) => h('li', {},
      h('span', { class: 'time' }, beijingTime(t.at)), ' ',
      h('strong', {}, label(TRANSITION, t.event)), ` · ${bureauLabel(t.bureau, names)} · ${t.officer}`,
      t.to ? ` → ${bureauLabel(t.to, names)}` : '',
      t.cohandlers?.length ? ` · 邀请协办：${t.cohandlers.map((b) => bureauLabel(b, names)).join('、')}` : '',
      t.feedback ? ` · 反馈：${t.feedback}` : '',
      t.outcome ? ` · 结果：${label(OUTCOME, t.outcome)}` : '',
      t.note ? ` · 备注：${t.note}` : ''))));
  }
  if (v.proof) {
    const p = v.proof;
    out.push(h('h4', {}, '签名证明'), h('div', { class: `proof ${p.verified ? 'ok' : 'bad'}` }, rows([
      ['签名局', bureauLabel(p.signer, names)],
      ['密钥', h('span', { class: 'mono' }, p.keyId)],
      ['签名时间', beijingTime(p.signedAt)],
      ['哈希', h('span', { class: 'mono hash' }, p.hash)],
      ['校验', p.verified ? '已通过 ✓（本节点已核验签名）' : '未通过 ✗'],
    ])));
  }
  return out;
}

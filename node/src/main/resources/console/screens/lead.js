// One lead: its content, status, signed history and proof (detail.js), its attachments, and the
// actions this bureau may take on it now — claim, release, investigate, hand over (offer, accept,
// decline), invite co-handlers (协办) or answer an invitation, feedback, close with an outcome,
// withdraw. A refusal (409/403) is told in plain Chinese:
// who holds the lead now and whom to call.
import { OUTCOME, STATE, label, bureauLabel, can } from '../format.js';
import { h } from '../dom.js';
import { detail } from '../detail.js';
import { register } from '../screens.js';

let shown = null;

/** The actions offered for a lead (a LeadView) to an officer of bureau `self`. */
export function actionsFor(v, self) {
  const s = v.status ?? {};
  // a sealed lead this bureau cannot read is not addressed to it: nothing to do on it
  if (!v.lead) return [];
  const targets = v.lead.targetBureaus ?? [];
  const out = [];
  if (s.state === 'POSTED') {
    if (v.originBureau === self) out.push('WITHDRAW');
    else if (!targets.length || targets.includes(self)) out.push('CLAIM');
  }
  const open = s.state === 'CLAIMED' || s.state === 'INVESTIGATING';
  if (open && s.owner === self) {
    if (s.state === 'CLAIMED') out.push('INVESTIGATE');
    out.push('FEEDBACK', 'OFFER_HANDOVER', 'INVITE_COHANDLER');
    if (s.state === 'INVESTIGATING') out.push('CLOSE');
    out.push('RELEASE');
  }
  if (s.state === 'HANDOVER_OFFERED' && s.handoverTo === self) out.push('ACCEPT_HANDOVER', 'DECLINE_HANDOVER');
  // 协办: the invited bureau answers once; having accepted, it gives its own feedback
  const mine = (s.cohandlers ?? []).find((c) => c.bureau === self);
  if (mine && s.owner !== self) {
    if (mine.state === 'INVITED' && (open || s.state === 'HANDOVER_OFFERED')) out.push('ACCEPT_COHANDLING', 'DECLINE_COHANDLING');
    if (mine.state === 'ACCEPTED' && open) out.push('FEEDBACK');
  }
  return out;
}

/** The bureaus the lead bureau may still invite: not itself, not the origin, not invited or co-handling. */
export function invitable(v, self, members) {
  const taken = new Set((v.status?.cohandlers ?? []).filter((c) => c.state !== 'DECLINED').map((c) => c.bureau));
  return members.filter((b) => b !== self && b !== v.originBureau && !taken.has(b)
    && (v.lead?.distribution !== 'RESTRICTED' || (v.lead?.targetBureaus ?? []).includes(b)));
}

const BUTTON = {
  CLAIM: '认领', RELEASE: '退回', INVESTIGATE: '开始核查', OFFER_HANDOVER: '移交', ACCEPT_HANDOVER: '接收移交',
  DECLINE_HANDOVER: '拒绝移交', FEEDBACK: '反馈', CLOSE: '办结', WITHDRAW: '撤回',
  INVITE_COHANDLER: '邀请协办', ACCEPT_COHANDLING: '接受协办', DECLINE_COHANDLING: '拒绝协办',
};

/** '请联系 王伟（信息联络员）0474-7212313' from a bureau's directory, or ''. */
async function contact(ctx, bureau) {
  try {
    const d = (await ctx.directory())[bureau];
    const e = d?.entries?.[0];
    return e ? `请联系${ctx.names[bureau] ?? bureau} ${e.name}（${e.role}）${e.phone}` : '';
  } catch {
    return '';
  }
}

/** The plain-Chinese sentence for a refused action, from the lead as it is now. */
async function refusal(ctx, id, event, error) {
  let now;
  try {
    now = await ctx.api(`/api/v1/leads/${encodeURIComponent(id)}`);
  } catch {
    return error.message;
  }
  const s = now.status ?? {};
  const who = (b) => bureauLabel(b, ctx.names);
  let sentence;
  if (event === 'CLAIM' && s.owner && s.owner !== ctx.self) {
    sentence = `认领未成功：该线索已由 ${who(s.owner)} 认领。`;
  } else if (s.state === 'HANDOVER_OFFERED' && s.handoverTo !== ctx.self) {
    sentence = `操作未成功：该线索正移交给 ${who(s.handoverTo)}，等待对方接收。`;
  } else if (error.status === 403) {
    sentence = `本局无权${BUTTON[event] ?? '执行此操作'}：${error.message}`;
  } else {
    sentence = `${BUTTON[event] ?? '操作'}未成功：线索当前状态为「${label(STATE, s.state)}」${s.owner ? `，由 ${who(s.owner)} 承办` : ''}。`;
  }
  const call = await contact(ctx, s.owner && s.owner !== ctx.self ? s.owner : now.originBureau);
  return call ? `${sentence}${call}。` : sentence;
}

function form(event, ctx, v) {
  const others = (ctx.roster?.members ?? []).filter((m) => m.bureau !== ctx.self
    && (v.lead?.distribution !== 'RESTRICTED' || (v.lead?.targetBureaus ?? []).includes(m.bureau)));
  switch (event) {
    case 'FEEDBACK':
      return [h('label', {}, '反馈内容（发给来源局）', h('textarea', { name: 'feedback', rows: 3, required: true, maxlength: 4000 }))];
    case 'INVITE_COHANDLER': {
      const can = invitable(v, ctx.self, (ctx.roster?.members ?? []).map((m) => m.bureau));
      if (!can.length) return [h('p', { class: 'muted' }, '没有可邀请的兄弟局（来源局不作协办）。')];
      return [
        h('fieldset', { class: 'cohandlers' }, h('legend', {}, '邀请协办单位'), can.map((b) => h('label', { class: 'check' },
          h('input', { type: 'checkbox', name: 'cohandlers', value: b }), bureauLabel(b, ctx.names)))),
        h('label', {}, '协办事项', h('input', { name: 'note', maxlength: 1000 })),
      ];
    }
    case 'OFFER_HANDOVER':
      return [
        h('label', {}, '移交给', h('select', { name: 'to', required: true }, others.map((m) => h('option', { value: m.bureau }, bureauLabel(m.bureau, ctx.names))))),
        h('label', {}, '说明', h('input', { name: 'note', maxlength: 1000 })),
      ];
    case 'CLOSE':
      return [
        h('label', {}, '办结结果', h('select', { name: 'outcome' }, Object.entries(OUTCOME).map(([k, w]) => h('option', { value: k }, w)))),
        h('label', {}, '案件编号（立案时）', h('input', { name: 'caseNumber', maxlength: 100 })),
        h('label', {}, '并入线索（并案时）', h('input', { name: 'mergedInto', maxlength: 100 })),
      ];
    case 'DECLINE_COHANDLING':
      return [h('label', {}, '拒绝理由', h('input', { name: 'note', maxlength: 1000 }))];
    case 'DECLINE_HANDOVER':
    case 'RELEASE':
    case 'WITHDRAW':
      return [h('label', {}, '说明（可不填）', h('input', { name: 'note', maxlength: 1000 }))];
    default:
      return [];
  }
}

function actionBar(root, v, ctx) {
  const events = can(ctx.officer?.roles, 'LEAD_WRITE') ? actionsFor(v, ctx.self) : [];
  const box = h('div', { class: 'lead-actions' });
  if (!events.length) return box;
  const message = h('p', { class: 'error action-error', role: 'alert', hidden: true });
  const pane = h('form', { class: 'action-form', hidden: true, novalidate: true });
  box.append(h('div', { class: 'buttons' }, events.map((ev) => h('button', {
    type: 'button', class: ['WITHDRAW', 'RELEASE', 'DECLINE_HANDOVER', 'DECLINE_COHANDLING'].includes(ev) ? 'quiet' : null,
    'data-event': ev,
    onclick: () => {
      const fields = form(ev, ctx, v);
      if (!fields.length) { act(ev, {}); return; }
      pane.replaceChildren(h('h4', {}, BUTTON[ev]), ...fields,
        h('div', { class: 'actions' }, h('button', { type: 'button', class: 'quiet', onclick: () => { pane.hidden = true; } }, '取消'),
          h('button', { type: 'submit' }, `确认${BUTTON[ev]}`)));
      pane.onsubmit = (e) => {
        e.preventDefault();
        const data = new FormData(pane);
        const values = Object.fromEntries([...data].filter(([k, x]) => k !== 'cohandlers' && String(x).trim() !== '')
          .map(([k, x]) => [k, String(x).trim()]));
        if (ev === 'INVITE_COHANDLER') {
          values.cohandlers = data.getAll('cohandlers').map(String);
          if (!values.cohandlers.length) {
            message.textContent = '请至少选择一个协办单位。';
            message.hidden = false;
            return;
          }
        }
        act(ev, values);
      };
      pane.hidden = false;
      pane.querySelector('input, select, textarea')?.focus();
    },
  }, BUTTON[ev]))), pane, message);

  async function act(event, values) {
    for (const b of box.querySelectorAll('button')) b.disabled = true;
    message.hidden = true;
    try {
      await ctx.api(`/api/v1/leads/${encodeURIComponent(v.id)}/transitions`, {
        method: 'POST',
        headers: { 'Idempotency-Key': `console-${crypto.randomUUID()}` },
        body: JSON.stringify({ event, officer: ctx.officer.id, ...values }),
      });
      ctx.toast(`已${BUTTON[event]}`);
      await show(root, v.id, ctx);
    } catch (e) {
      message.textContent = e.status === 409 || e.status === 403 ? await refusal(ctx, v.id, event, e) : e.message;
      message.hidden = false;
      for (const b of box.querySelectorAll('button')) b.disabled = false;
    }
  }
  return box;
}

function attachments(v, ctx) {
  const list = v.lead?.attachments ?? [];
  if (!list.length) return [];
  return [h('h4', {}, '附件'), h('ul', { class: 'attachments' }, list.map((a) => h('li', {},
    h('a', {
      href: '#', 'data-sha256': a.sha256,
      onclick: async (e) => {
        e.preventDefault();
        try {
          const res = await ctx.api(`/api/v1/attachments/${a.sha256}?origin=${v.originBureau}`, { raw: true });
          const blob = await res.blob();
          const link = h('a', { href: URL.createObjectURL(blob), download: a.name });
          document.body.append(link);
          link.click();
          link.remove();
        } catch (err) {
          ctx.toast(`下载失败：${err.message}`);
        }
      },
    }, a.name), ` ${a.size != null ? `${Math.ceil(a.size / 1024)} KB` : ''}`)))];
}

async function show(root, id, ctx) {
  shown = id;
  const v = await ctx.api(`/api/v1/leads/${encodeURIComponent(id)}`);
  if (shown !== id || !root.isConnected) return;
  root.replaceChildren(
    h('div', { class: 'panel-head' }, h('h2', {}, '线索详情'), h('a', { href: '#/', class: 'quiet' }, '返回列表')),
    actionBar(root, v, ctx),
    h('div', { class: 'detail' }, ...detail(v, ctx.names), ...attachments(v, ctx)));
  root.dataset.state = v.status?.state ?? '';
}

register({
  id: 'lead',
  order: 20,
  path: /^#\/leads\/(.+)$/,
  action: 'LEAD_READ',
  show: (root, m, ctx) => show(root, decodeURIComponent(m[1]), ctx),
  onEvent(type, data, ctx) {
    const id = type === 'lead.posted' ? data.id : data.leadId;
    const root = document.querySelector('#screen > .screen-body');
    // re-read unless an action form is open (the officer is typing)
    if (id && id === shown && !root.querySelector('.action-form:not([hidden])')) show(root, id, ctx);
    else if (id && id === shown) root.dataset.stale = 'true';
  },
});

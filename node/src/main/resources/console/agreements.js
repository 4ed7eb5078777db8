// 共同签署: what the screens of the agreements every bureau signs share — 协作约定 (settings.js) and
// 奖励兑现's 分成规则 (rewards.js), which sit on the node's one agreement mechanism: who has signed a
// version and who has yet to, the chief's 本局签署 button, and a proposal form's refusal told field by
// field in Chinese.
import { beijingTime, bureauLabel, readable } from './format.js';
import { h } from './dom.js';

/** 第 N 版 · 已签：bureau（officer，time）… · 待签：… of proposal `p` at `version`. */
export function signatures(p, version, ctx) {
  return h('p', { class: 'muted' },
    `第 ${version} 版 · 已签：`,
    p.agreed.map((a) => `${bureauLabel(a.bureau, ctx.names)}（${a.officer}，${beijingTime(a.at)}）`).join('、') || '无',
    p.awaiting.length ? ` · 待签：${p.awaiting.map((b) => bureauLabel(b, ctx.names)).join('、')}` : '');
}

/**
 * 本局签署 for a chief whose bureau has not yet signed proposal `p`: posts the proposal's content hash
 * to `path` (…/{version}/agreement), then goes to `back`. Null for anyone else.
 */
export function signButton(ctx, chief, p, path, back) {
  if (!chief || p.agreed.some((a) => a.bureau === ctx.self)) return null;
  return h('button', {
    type: 'button',
    onclick: async () => {
      await ctx.api(path, { method: 'POST', body: JSON.stringify({ contentHash: p.contentHash }) });
      ctx.toast('本局已签署');
      ctx.go(back);
    },
  }, '本局签署');
}

/**
 * A form's refusal: one line per bad field in Chinese (`words` names each field, `inputs` the input
 * that holds a field under another name), each input marked; a detail that is not Chinese is not
 * shown.
 */
export function refusalOf(words, inputs = {}) {
  return (form, err) => {
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    const errors = err.problem?.errors?.length ? err.problem.errors
      : err.problem?.field ? [{ field: err.problem.field, detail: err.problem.detail }] : [];
    return errors.map((e) => {
      const name = String(e.field ?? '').replace(/^\//, '').split('/')[0];
      form.querySelector(`[name=${inputs[name] ?? name}]`)?.setAttribute('aria-invalid', 'true');
      const word = words[name] ?? '此项';
      return readable(e.detail) && !/[A-Za-z]{3,}/.test(e.detail) ? `${word}${e.detail}` : `${word}有误`;
    }).join('；') || err.message;
  };
}

// 协作约定: the rules every bureau signed (feedback period, overdue rules, major-case value), the
// proposals awaiting signatures, and — for a chief — proposing the next version or signing one.
import { can } from '../format.js';
import { h, table } from '../dom.js';
import { register } from '../screens.js';
import { refusalOf, signButton, signatures } from '../agreements.js';

const yuan = (fen) => `${(Number(fen) / 100).toLocaleString('zh-CN')} 元`;
/** The words of the proposal form for each field a refusal names. */
const FIELD = {
  version: '版本', feedbackPeriodDays: '反馈期限', overdueRemindDays: '逾期提醒间隔', escalateAfterDays: '逾期上报',
  majorCaseThresholdFen: '重大案件案值', basis: '依据',
};
const INPUT = { majorCaseThresholdFen: 'majorCaseYuan' };
const refusal = refusalOf(FIELD, INPUT);

function rules(s) {
  return table([
    ['反馈期限', `认领后 ${s.feedbackPeriodDays} 天内向发布局反馈，逾期即为“逾期未反馈”`],
    ['逾期提醒', s.overdueRemindDays ? `逾期后每 ${s.overdueRemindDays} 天再提醒一次` : '只提醒一次'],
    ['逾期上报', s.escalateAfterDays ? `逾期 ${s.escalateAfterDays} 天后同时告知上级局` : '不上报'],
    ['重大案件', `案值 ${yuan(s.majorCaseThresholdFen)} 及以上，立即上报并通报毗邻局`],
    ['依据', s.basis],
  ], [['项目', (r) => r[0]], ['约定', (r) => r[1]]]);
}

function proposeForm(ctx, next, base) {
  const field = (name, label, value) => h('label', {}, label, h('input', { name, type: 'number', value: value ?? '', 'aria-label': label }));
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h('form', { class: 'settings-propose', novalidate: true }, h('h3', {}, `提议第 ${next} 版`),
    field('feedbackPeriodDays', '反馈期限（天）', base?.feedbackPeriodDays),
    field('overdueRemindDays', '逾期提醒间隔（天，0 为一次）', base?.overdueRemindDays ?? 0),
    field('escalateAfterDays', '逾期上报（天，0 为不上报）', base?.escalateAfterDays ?? 0),
    field('majorCaseYuan', '重大案件案值（元）', base ? base.majorCaseThresholdFen / 100 : 50000),
    h('label', {}, '依据', h('input', { name: 'basis', value: base?.basis ?? '', 'aria-label': '依据' })),
    error, h('div', { class: 'actions' }, h('button', { type: 'submit' }, '签名并提议')));
  form.onsubmit = async (ev) => {
    ev.preventDefault();
    const v = (n) => form.querySelector(`[name=${n}]`).value.trim();
    const body = {
      version: next,
      feedbackPeriodDays: Number(v('feedbackPeriodDays')),
      overdueRemindDays: Number(v('overdueRemindDays')),
      escalateAfterDays: Number(v('escalateAfterDays')),
      majorCaseThresholdFen: Math.round(Number(v('majorCaseYuan')) * 100),
      basis: v('basis'),
    };
    try {
      await ctx.api('/api/v1/settings', { method: 'POST', body: JSON.stringify(body) });
      ctx.toast('已签名提议，待其他各局签署');
      ctx.go('#/settings');
    } catch (err) {
      error.textContent = refusal(form, err);
      error.hidden = false;
    }
  };
  return form;
}

register({
  id: 'settings',
  nav: '协作约定',
  order: 55,
  href: '#/settings',
  path: /^#\/settings$/,
  action: 'SETTINGS_READ',
  async show(root, m, ctx) {
    const view = await ctx.api('/api/v1/settings');
    const chief = can(ctx.officer?.roles, 'SETTINGS_AGREE');
    root.replaceChildren(h('div', { class: 'panel-head' }, h('h2', {}, '协作约定（各局共同签署）')));
    if (view.inForce) {
      root.append(h('section', { class: 'settings-in-force' }, h('h3', {}, '现行约定'), signatures(view.inForce, view.inForce.settings.version, ctx), rules(view.inForce.settings)));
    } else {
      root.append(h('p', { class: 'notice' }, '尚无各局共同签署的约定：不计反馈期限，不判逾期，不按案值认定重大案件。'));
    }
    for (const p of view.proposals) {
      const sign = signButton(ctx, chief, p, `/api/v1/settings/${p.settings.version}/agreement`, '#/settings');
      root.append(h('section', { class: 'settings-proposal' }, h('h3', {}, '待签署的提议'), signatures(p, p.settings.version, ctx), rules(p.settings), sign));
    }
    if (chief) {
      const newest = Math.max(view.inForce?.settings.version ?? 0, ...view.proposals.map((p) => p.settings.version));
      root.append(proposeForm(ctx, newest + 1, view.inForce?.settings));
    }
  },
});

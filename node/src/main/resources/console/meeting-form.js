// Recording a joint meeting (联席会议) on the 联合行动 screen: the host bureau writes who took part,
// the agenda, minutes, decisions and action items with owner and due day, and signs them; each
// participant then acknowledges, and each item stays in its owner's list until done.
import { h } from './dom.js';
import { dayField } from './dates.js';
import { beijingInputToIso, beijingToday, parseDay } from './format.js';

const codes = (v) => String(v ?? '').split(/[,，、\s]+/).map((s) => s.trim()).filter(Boolean);
const lines = (v) => String(v ?? '').split('\n').map((s) => s.trim()).filter(Boolean);

/** The form; `ctx`: api, self(), officer(); `done()` after the minutes are signed. */
export function meetingForm(ctx, done) {
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const items = h('div', { class: 'meeting-items' });
  const item = () => items.append(h('div', { class: 'row' },
    h('label', {}, '事项 ', h('input', { name: 'task', size: 24 })),
    h('label', {}, '责任局 ', h('input', { name: 'owner', size: 7, placeholder: '如 140222' })),
    h('label', {}, '完成期限 ', dayField({ name: 'due' }))));
  item();
  const form = h('form', { class: 'action-form meeting-form', novalidate: true },
    h('h4', {}, '记录联席会议（本局主办）'),
    h('label', {}, '会议名称 ', h('input', { name: 'title', required: true, placeholder: '如 2026年下半年联席会议' })),
    h('div', { class: 'row' },
      h('label', {}, '日期 ', dayField({ name: 'day', value: beijingToday(), required: true })),
      h('label', {}, '时间（北京时间） ', h('input', { name: 'time', type: 'time', value: '09:00' })),
      h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'scheduled', checked: true }), ' 定期会议')),
    h('label', {}, '地点 ', h('input', { name: 'place' })),
    h('label', {}, '参会局代码（逗号分隔，含本局） ', h('input', { name: 'bureaus', value: ctx.self() })),
    h('label', {}, '参会单位（公安、市场监管等，逗号分隔） ', h('input', { name: 'agencies' })),
    h('label', {}, '议程（每行一项） ', h('textarea', { name: 'agenda', rows: 2 })),
    h('label', {}, '会议纪要 ', h('textarea', { name: 'minutes', rows: 3, required: true })),
    h('label', {}, '决定事项（每行一项） ', h('textarea', { name: 'decisions', rows: 2 })),
    h('fieldset', {}, h('legend', {}, '待办事项'), items,
      h('button', { type: 'button', class: 'quiet', onclick: item }, '＋ 再加一项')),
    error,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button' }, '签名并分发纪要')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = form.elements;
    const day = parseDay(f.day.value);
    const heldAt = day ? beijingInputToIso(`${day}T${f.time.value || '09:00'}`) : null;
    const todo = [...items.children].map((r) => ({
      task: r.querySelector('[name=task]').value.trim(),
      owner: r.querySelector('[name=owner]').value.trim(),
      due: parseDay(r.querySelector('[name=due]').value),
    })).filter((i) => i.task);
    const bad = [];
    if (!heldAt) bad.push('会议日期请按 年-月-日 填写');
    todo.forEach((i, n) => { if (!i.owner || !i.due) bad.push(`待办第 ${n + 1} 项：请填责任局和完成期限`); });
    if (bad.length) {
      error.textContent = bad.join('；');
      error.hidden = false;
      return;
    }
    const bureaus = codes(f.bureaus.value);
    if (!bureaus.includes(ctx.self())) bureaus.unshift(ctx.self());
    try {
      await ctx.api('/api/v1/meetings', {
        method: 'POST',
        body: JSON.stringify({
          officer: ctx.officer()?.id,
          meeting: {
            title: f.title.value.trim(), scheduled: f.scheduled.checked, heldAt,
            place: f.place.value.trim() || null, host: ctx.self(), bureaus,
            agencies: codes(f.agencies.value), agenda: lines(f.agenda.value), minutes: f.minutes.value.trim(),
            decisions: lines(f.decisions.value), items: todo,
          },
        }),
      });
      error.hidden = true;
      done();
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  });
  return form;
}

// The forms of the 价格互查 screen that write: findings of a planned check entered by hand (one row
// per item seen), this bureau's price settings (tolerance, gap threshold), and visits (观摩) and
// group joint meetings (小组联席会) with their record. price.js places them; text from the API only
// ever becomes text nodes.
import { h } from './dom.js';
import { dayField } from './dates.js';
import { beijingInputToIso, beijingToday, parseDay } from './format.js';

const KIND = { VISIT: '观摩', JOINT_MEETING: '小组联席会' };
const list = (v) => String(v ?? '').split(/[,，、\s]+/).map((s) => s.trim()).filter(Boolean);

/** '450', '450.5', '450.50' 元 → 45050 fen, exactly (no floating point); null if not an amount. */
export function fen(yuanText) {
  const m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(String(yuanText ?? '').trim());
  return m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : null;
}

const yuan = (f) => (Number(f) / 100).toFixed(2);

function problemLines(e) {
  return (e.problem?.errors ?? []).map((x) => h('li', {}, `${x.field ?? ''} ${x.message ?? x.detail ?? ''}`));
}

/**
 * Entering the findings of check `c` (planned by this bureau): a row per item seen at a retailer,
 * signed as the officer; `done(view)` gets the recorded check.
 */
export function findingsForm(ctx, c, done) {
  const licences = [...new Set([...(c.plan.targetRetailers ?? [])])];
  const report = h('ul', { class: 'error' });
  const rows = h('div', { class: 'finding-rows' });
  const row = () => {
    const r = h('div', { class: 'row finding' },
      h('label', {}, '许可证号 ', h('input', { name: 'licence', list: 'finding-licences', required: true, size: 14 })),
      h('label', {}, '日期 ', dayField({ name: 'day', value: beijingToday() }, { readout: false })),
      h('label', {}, '时间 ', h('input', { name: 'time', type: 'time', value: '10:00' })),
      h('label', {}, '品牌 ', h('input', { name: 'brand', value: '中华', size: 6 })),
      h('label', {}, '规格 ', h('input', { name: 'spec', value: '硬', size: 4 })),
      h('label', {}, '单位 ', h('select', { name: 'unit' }, h('option', { value: 'CARTON' }, '条'), h('option', { value: 'PACK' }, '盒'))),
      h('label', {}, '标价(元) ', h('input', { name: 'marked', inputmode: 'decimal', size: 7 })),
      h('label', {}, '实际售价(元) ', h('input', { name: 'sale', inputmode: 'decimal', size: 7 })));
    rows.append(r);
    return r;
  };
  row();
  const form = h('form', { class: 'action-form', novalidate: true },
    h('h4', {}, '录入检查结果'),
    h('datalist', { id: 'finding-licences' }, licences.map((l) => h('option', { value: l }))),
    h('label', {}, '地点 ', h('input', { name: 'location', placeholder: '如 兴和县城关镇' })),
    rows,
    h('button', { type: 'button', class: 'quiet', onclick: () => row() }, '＋ 再记一项'),
    h('label', {}, '备注 ', h('input', { name: 'remarks' })),
    report,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button' }, '签名并录入（录入后对被查局公开）')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    report.replaceChildren();
    const visits = new Map();
    const bad = [];
    [...rows.children].forEach((r, i) => {
      const v = (n) => r.querySelector(`[name=${n}]`).value.trim();
      const day = parseDay(v('day'));
      const at = day ? beijingInputToIso(`${day}T${v('time') || '00:00'}`) : null;
      const marked = fen(v('marked'));
      const sale = fen(v('sale'));
      if (!v('licence')) bad.push(`第 ${i + 1} 项：请填许可证号`);
      if (!at) bad.push(`第 ${i + 1} 项：日期请按 年-月-日 填写`);
      if (marked === null || sale === null) bad.push(`第 ${i + 1} 项：价格请填元，如 450 或 45.50`);
      const key = `${v('licence')}|${at}`;
      if (!visits.has(key)) {
        visits.set(key, { licence: v('licence'), at, location: form.elements.location.value.trim() || null,
          items: [], photoHashes: [], remarks: form.elements.remarks.value.trim() || null });
      }
      visits.get(key).items.push({ brand: v('brand'), spec: v('spec') || null, unit: v('unit'), markedFen: marked, saleFen: sale });
    });
    if (bad.length) {
      report.replaceChildren(...bad.map((t) => h('li', {}, t)));
      return;
    }
    try {
      const view = await ctx.api(`/api/v1/price/checks/${encodeURIComponent(c.id)}/findings`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ officer: ctx.officer(), visits: [...visits.values()] }),
      });
      done(view);
    } catch (e) {
      report.replaceChildren(h('li', {}, e.message), ...problemLines(e));
    }
  });
  return form;
}

/** This bureau's price settings: the tolerance the 明码实价 check allows and the gap threshold. */
export async function settingsSection(ctx, canWrite) {
  const s = await ctx.api(`/api/v1/price/settings/${ctx.self()}`);
  const tolerance = h('input', { name: 'tolerance', inputmode: 'decimal', size: 7, value: yuan(s.toleranceFen) });
  const threshold = h('input', { name: 'threshold', inputmode: 'decimal', size: 7, value: yuan(s.gapThresholdFen) });
  const note = h('p', { class: 'muted', 'aria-live': 'polite' },
    `现行：允许偏差 ${yuan(s.toleranceFen)} 元，价差提示阈值 ${yuan(s.gapThresholdFen)} 元（每条）${s.version ? `，第 ${s.version} 版` : '（默认）'}`);
  if (!canWrite) return h('div', {}, h('h3', {}, '本局价格设置'), note);
  const form = h('form', { class: 'action-form', novalidate: true },
    h('h3', {}, '本局价格设置'), note,
    h('div', { class: 'row' },
      h('label', {}, '允许偏差(元) ', tolerance),
      h('label', {}, '毗邻县价差提示阈值(元/条) ', threshold)),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button' }, '签名并保存设置')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const t = fen(tolerance.value);
    const g = fen(threshold.value);
    if (t === null || g === null) {
      note.textContent = '请填元，如 0 或 10.00';
      return;
    }
    try {
      const v = await ctx.api('/api/v1/price/settings', {
        method: 'PUT', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ bureau: ctx.self(), toleranceFen: t, gapThresholdFen: g }),
      });
      note.textContent = `已保存：允许偏差 ${yuan(v.toleranceFen)} 元，价差提示阈值 ${yuan(v.gapThresholdFen)} 元（每条），第 ${v.version} 版`;
    } catch (e) {
      note.textContent = e.message;
    }
  });
  return form;
}

/** Visits and group joint meetings recorded so far, and the form to record one. */
export async function meetingsSection(ctx, canWrite) {
  const box = h('div');
  const load = async () => {
    const m = await ctx.api('/api/v1/price/meetings');
    box.replaceChildren(m.items.length ? h('table', { class: 'leads' },
      h('thead', {}, h('tr', {}, ['日期', '类别', '地点', '参加局', '小组', '参加人员', '记录'].map((t) => h('th', {}, t)))),
      h('tbody', {}, m.items.map((x) => h('tr', {},
        h('td', {}, x.on), h('td', {}, KIND[x.kind] ?? x.kind), h('td', {}, x.place),
        h('td', {}, x.bureaus.map((b) => ctx.names()[b] ?? b).join('、')), h('td', {}, x.groups.join('、')),
        h('td', {}, x.participants.join('、')), h('td', {}, x.notes ?? '')))))
      : h('p', { class: 'muted' }, '暂无观摩或联席会记录。'));
  };
  await load();
  if (!canWrite) return h('div', {}, h('h3', {}, '观摩与小组联席会'), box);
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const form = h('form', { class: 'action-form', novalidate: true },
    h('h4', {}, '记录一次观摩或联席会'),
    h('div', { class: 'row' },
      h('label', {}, '类别 ', h('select', { name: 'kind' }, Object.entries(KIND).map(([k, v]) => h('option', { value: k }, v)))),
      h('label', {}, '日期 ', dayField({ name: 'on', value: beijingToday(), required: true })),
      h('label', {}, '地点 ', h('input', { name: 'place', required: true }))),
    h('label', {}, '参加局代码（逗号分隔） ', h('input', { name: 'bureaus', value: ctx.self() })),
    h('label', {}, '涉及小组（逗号分隔） ', h('input', { name: 'groups' })),
    h('label', {}, '参加人员（逗号分隔） ', h('input', { name: 'participants' })),
    h('label', {}, '记录 ', h('textarea', { name: 'notes', rows: 2 })),
    error,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button' }, '签名并记录')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = form.elements;
    try {
      await ctx.api('/api/v1/price/meetings', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          bureau: ctx.self(), kind: f.kind.value, on: parseDay(f.on.value) || f.on.value, place: f.place.value.trim(),
          bureaus: list(f.bureaus.value), groups: list(f.groups.value), participants: list(f.participants.value),
          notes: f.notes.value.trim() || null,
        }),
      });
      error.hidden = true;
      form.reset();
      await load();
    } catch (e) {
      error.textContent = [e.message, ...(e.problem?.errors ?? []).map((x) => `${x.field}：${x.message ?? x.detail ?? ''}`)].join('；');
      error.hidden = false;
    }
  });
  return h('div', {}, h('h3', {}, '观摩与小组联席会'), box, form);
}

// A day field that reads and shows dates the Chinese way whatever the browser's language: typed
// year first (yyyy-MM-dd, the picker of <input type=date> would follow the browser's locale, e.g.
// mm/dd/yyyy), normalised when the officer leaves the field, with a readout such as 2026年12月7日.
import { h } from './dom.js';
import { parseDay, chineseDate } from './format.js';

const HINT = '请按 年-月-日 填写，如 2026-12-07';

/**
 * A day field: `attrs` go to the <input> (name, value as yyyy-MM-dd, aria-label, required …).
 * Returns the wrapper; `.input` is the <input>, whose value is '' or a day written yyyy-MM-dd once
 * normalised (on change), and which reports itself invalid (setCustomValidity) otherwise.
 */
export function dayField(attrs = {}, { readout: shown = true } = {}) {
  const input = h('input', {
    type: 'text', inputmode: 'numeric', autocomplete: 'off', placeholder: 'yyyy-mm-dd',
    maxlength: 12, size: 11, class: 'day', ...attrs,
  });
  const readout = h('span', { class: 'muted date-zh', 'aria-live': 'polite' });
  const show = () => {
    const v = parseDay(input.value);
    input.setCustomValidity(v === null ? HINT : '');
    readout.textContent = v === null ? HINT : chineseDate(v);
  };
  input.addEventListener('input', show);
  // normalised before anyone listening for 'change' reads the value
  input.addEventListener('change', () => {
    const v = parseDay(input.value);
    if (v) input.value = v;
    show();
  }, { capture: true });
  show();
  const wrap = h('span', { class: 'day-field' }, input, shown ? readout : '');
  wrap.input = input;
  return wrap;
}

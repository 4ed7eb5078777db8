// Days in the console the Chinese way, whatever the browser's language and zone (format.js).
// Run: node --test node/src/test/js/unit/   (ConsoleScriptTest runs it during mvn verify)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDay, chineseDate, beijingToday } from '../../../main/resources/console/format.js';

test('a day typed year first in any of the usual ways is read as yyyy-MM-dd', () => {
  for (const typed of ['2026-12-07', '2026-12-7', '2026/12/7', '2026.12.07', '20261207', '2026年12月7日', ' 2026 年 12 月 7 日 ']) {
    assert.equal(parseDay(typed), '2026-12-07', typed);
  }
  assert.equal(parseDay(''), '');
  assert.equal(parseDay(null), '');
});

test('what is not a day of the calendar, or is written month first, is refused', () => {
  for (const typed of ['2026-02-30', '2026-13-01', '12/07/2026', '07.12.2026', '2026-12', 'tomorrow', '2026-1207']) {
    assert.equal(parseDay(typed), null, typed);
  }
  assert.equal(parseDay('2028-02-29'), '2028-02-29');
});

test('the readout writes the day as Chinese do', () => {
  assert.equal(chineseDate('2026-12-07'), '2026年12月7日');
  assert.equal(chineseDate('2027-01-31'), '2027年1月31日');
  assert.equal(chineseDate('12/07/2026'), '');
  assert.equal(chineseDate(''), '');
});

test("today is Beijing's day, not the UTC date (a bug: the price screen took toISOString())", () => {
  // 07:30 in Beijing on 7 December is still 6 December in UTC
  assert.equal(beijingToday(new Date('2026-12-06T23:30:00Z')), '2026-12-07');
  assert.equal(new Date('2026-12-06T23:30:00Z').toISOString().slice(0, 10), '2026-12-06');
  assert.equal(beijingToday(new Date('2026-12-31T16:00:00Z')), '2027-01-01');
  assert.equal(beijingToday(new Date('2026-12-07T15:59:59Z')), '2026-12-07');
});

test('a non-compliant finding and a border gap read as notices in the live feed (they were not listened to)', async () => {
  const { EVENTS, feedLine } = await import('../../../main/resources/console/format.js');
  assert.ok(EVENTS['price.finding'] && EVENTS['price.gap'] && EVENTS['action.conflict']);
  const names = { 140222: '天镇县', 150924: '兴和县' };
  const f = feedLine('price.finding', {
    checkId: 'pc-1', checkingBureau: '140222', checkedBureau: '150924',
    finding: { licence: '150924100001', at: '2026-12-07T02:00:00Z', brand: '中华', spec: '硬', deviationYuan: 30.00 },
  }, names);
  assert.equal(f.time, '2026-12-07 10:00');
  assert.match(f.text, /价格互查发现不合规 · 140222 天镇县检查 · 零售户 150924100001 中华\(硬\) 偏差 30.00 元/);
  const g = feedLine('price.gap', { brand: '中华', spec: '硬', a: '150924', b: '140222', agreedGap: '20.00' }, names);
  assert.match(g.text, /150924 兴和县与140222 天镇县 · 中华\(硬\) 约定价差 20.00 元/);
});

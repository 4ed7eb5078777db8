// Tests of the 季度通报 screen's pure helpers (node/src/main/resources/console/screens/reports.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wan, currentQuarter, feedbackText } from '../../../main/resources/console/screens/reports.js';

test('sticks and fen are shown in 万支 and 万元 with two decimals', () => {
  assert.equal(wan(12000, 10000), '1.20');
  assert.equal(wan(6380000, 1000000), '6.38');
  assert.equal(wan(undefined, 10000), '0.00');
});

test('the quarter is the one in Beijing time (16:30 UTC on 31 March is the second quarter)', () => {
  assert.equal(currentQuarter(new Date('2026-03-31T16:30:00Z')), '2026Q2');
  assert.equal(currentQuarter(new Date('2026-03-31T15:59:59Z')), '2026Q1');
  assert.equal(currentQuarter(new Date('2026-12-31T16:00:00Z')), '2027Q1');
});

test('a shared case at 5万元 or more is one line of the live feed with its value in 万元', async () => {
  const { feedLine, EVENTS } = await import('../../../main/resources/console/format.js');
  assert.ok(Object.keys(EVENTS).includes('case.major'));
  const line = feedLine('case.major', { bureau: '150924', caseNumber: '兴烟立字〔2026〕第201号', valueFen: 6200000, filedOn: '2026-04-01' }, {});
  assert.equal(line.text, '大要案（案值5万元以上） · 150924 · 兴烟立字〔2026〕第201号 · 6.20 万元');
});

test('feedback on time is one Chinese line with the agreed period and the rate', () => {
  assert.equal(feedbackText({ periodDays: 15, due: 4, onTime: 3, late: 1, unanswered: 0 }),
    '约定 15 天内反馈：期内到期 4 条，按时 3 条，逾期反馈 1 条，逾期未反馈 0 条，及时率 75.0%');
  assert.equal(feedbackText({ periodDays: 0, due: 0, onTime: 0, late: 0, unanswered: 0 }), '未约定反馈期限，不计逾期');
  assert.equal(feedbackText(undefined), '未约定反馈期限，不计逾期');
});

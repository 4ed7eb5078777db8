// Tests of the 季度通报 screen's pure helpers (node/src/main/resources/console/screens/reports.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wan, currentQuarter } from '../../../main/resources/console/screens/reports.js';

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

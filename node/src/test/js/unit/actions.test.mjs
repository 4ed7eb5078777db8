// Tests of the console's joint-operation logic (node/src/main/resources/console/actions-format.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stepsFor, resultFrom, completedPlan } from '../../../main/resources/console/actions-format.js';

const plan = (state, extra = {}) => ({
  state, leadBureau: '150924', sealed: false, approvals: [], ...extra,
});

test('the lead bureau proposes and runs the plan; a chief signs the current version once', () => {
  assert.deepEqual(stepsFor(plan('DRAFT'), '150924', ['LIAISON']), ['PROPOSE', 'CANCEL']);
  assert.deepEqual(stepsFor(plan('DRAFT'), '140222', ['CHIEF']), []);
  assert.deepEqual(stepsFor(plan('PROPOSED'), '140222', ['CHIEF']), ['APPROVE']);
  assert.deepEqual(stepsFor(plan('PROPOSED'), '140222', ['LIAISON']), []);
  const signed = plan('PROPOSED', { approvals: [{ bureau: '140222', current: true }] });
  assert.deepEqual(stepsFor(signed, '140222', ['CHIEF']), []);
  const old = plan('PROPOSED', { approvals: [{ bureau: '140222', current: false }] });
  assert.deepEqual(stepsFor(old, '140222', ['CHIEF']), ['APPROVE']);
  assert.deepEqual(stepsFor(plan('ACTIVE'), '140222', []), ['BRIEF', 'REPORT_RESULT']);
  assert.deepEqual(stepsFor(plan('COMPLETED'), '150924', []), ['REPORT_RESULT', 'SUMMARIZE']);
  assert.deepEqual(stepsFor(plan('ACTIVE', { sealed: true }), '140221', ['CHIEF']), []);
});

test('results typed in 条 and 元 become sticks and fen', () => {
  const r = resultFrom({ officerTimes: '20', cartons: '60', yuan: '27000', premisesChecked: 'x' });
  assert.equal(r.sticksSeized, 12000);
  assert.equal(r.valueFen, 2700000);
  assert.equal(r.officerTimes, 20);
  assert.equal(r.premisesChecked, 0);
});

test('the quick form fills area, rally point, leaders and tasks', () => {
  const p = { area: [], commitments: [{ bureau: '150924', leaders: [], tasks: [] }] };
  const done = completedPlan(p, {
    area: '兴和县城关镇，天镇县玉泉镇', rallyPoint: ' 检查站 ', 'leader-150924': '张局长', 'task-150924': '设卡；查车',
  });
  assert.deepEqual(done.area, ['兴和县城关镇', '天镇县玉泉镇']);
  assert.equal(done.rallyPoint, '检查站');
  assert.deepEqual(done.commitments[0].leaders, ['张局长']);
  assert.deepEqual(done.commitments[0].tasks, ['设卡', '查车']);
  assert.deepEqual(p.area, []);
});

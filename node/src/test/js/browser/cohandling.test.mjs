// 主办/协办 in the console: 兴和县 posts a lead; 天镇县 claims it and invites 阳高县 to co-handle with a
// task; 阳高县 finds it under 本局协办, accepts and gives its own feedback; 天镇县 gives its feedback;
// 兴和县 sees both parts apart, each attributed. A second acceptance is no longer offered.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeBrowser, signIn, shots, api, OFFICERS, XINGHE, TIANZHEN, YANGGAO } from './harness.mjs';

after(closeBrowser);

async function open(page, id) {
  await page.evaluate((h) => { location.hash = h; }, `#/leads/${encodeURIComponent(id)}`);
  await page.locator('.detail .mono').filter({ hasText: id }).first().waitFor({ timeout: 15_000 });
}

/** The part of bureau `code` on the lead's detail (主办 or a 协办 section). */
const part = (page, code) => page.locator(`.cohandling .part[data-bureau="${code}"]`);

test('天镇县 leads, 阳高县 co-handles, and the origin sees both feedbacks attributed', async () => {
  const title = `交界处假烟分装点 ${Date.now()}`;
  const lead = await api(XINGHE, 'POST', '/api/v1/leads', {
    officer: OFFICERS[XINGHE], category: 'COUNTERFEIT', title,
    narrative: '举报人称天镇、阳高交界处有假冒卷烟分装点，货从兴和县方向来。',
  });
  const [xinghe, tianzhen, yanggao] = await Promise.all([signIn(XINGHE), signIn(TIANZHEN), signIn(YANGGAO)]);

  // 天镇县 claims and invites 阳高县 with a task
  await open(tianzhen, lead.id);
  await tianzhen.getByRole('button', { name: '认领' }).click();
  await tianzhen.getByRole('button', { name: '邀请协办' }).click();
  // the origin is never offered as a co-handler
  assert.equal(await tianzhen.locator('fieldset.cohandlers input[value="150924"]').count(), 0);
  await tianzhen.getByRole('button', { name: '确认邀请协办' }).click();
  await tianzhen.locator('.action-error').filter({ hasText: '请至少选择一个协办单位' }).waitFor();
  await tianzhen.locator('fieldset.cohandlers input[value="140221"]').check();
  await tianzhen.getByLabel('协办事项').fill('请查阳高段物流及仓储');
  await shots(tianzhen, 'cohandling-invite');
  await tianzhen.getByRole('button', { name: '确认邀请协办' }).click();
  await part(tianzhen, '140221').filter({ hasText: '待接受' }).waitFor();

  // 阳高县 finds it under 本局协办 and accepts
  await yanggao.getByRole('tab', { name: /本局协办/ }).click();
  const row = yanggao.locator('table.leads tbody tr').filter({ hasText: title });
  await row.waitFor({ timeout: 15_000 });
  await row.getByRole('link').click();
  await part(yanggao, '140221').filter({ hasText: '请查阳高段物流及仓储' }).waitFor();
  await yanggao.getByRole('button', { name: '接受协办' }).click();
  await part(yanggao, '140221').filter({ hasText: '协办中' }).waitFor();
  assert.equal(await yanggao.getByRole('button', { name: '接受协办' }).count(), 0, 'accepted once');
  assert.equal(await yanggao.getByRole('button', { name: '办结' }).count(), 0, 'only the lead bureau closes');

  // each gives its own feedback
  await yanggao.getByRole('button', { name: '反馈' }).click();
  await yanggao.getByLabel('反馈内容（发给来源局）').fill('阳高段查获面包车一辆，假中华20件');
  await yanggao.getByRole('button', { name: '确认反馈' }).click();
  await part(yanggao, '140221').filter({ hasText: '阳高段查获面包车一辆' }).waitFor();
  await tianzhen.getByRole('button', { name: '反馈' }).click();
  await tianzhen.getByLabel('反馈内容（发给来源局）').fill('天镇段分装点已查封');
  await tianzhen.getByRole('button', { name: '确认反馈' }).click();

  // 兴和县 sees both parts apart, attributed
  await open(xinghe, lead.id);
  await part(xinghe, '140222').filter({ hasText: '天镇段分装点已查封' }).waitFor({ timeout: 15_000 });
  await part(xinghe, '140221').filter({ hasText: '阳高段查获面包车一辆' }).waitFor({ timeout: 15_000 });
  assert.match(await part(xinghe, '140222').locator('h5').textContent(), /^主办 /);
  assert.match(await part(xinghe, '140221').locator('h5').textContent(), /^协办 .*协办中$/);
  assert.doesNotMatch(await part(xinghe, '140222').textContent(), /阳高段/, 'the parts are kept apart');
  await shots(xinghe, 'cohandling-origin');
  for (const p of [xinghe, tianzhen, yanggao]) assert.deepEqual(p.errors, []);
});

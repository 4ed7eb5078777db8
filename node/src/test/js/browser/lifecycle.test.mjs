// The acceptance flow, wholly in the console: 兴和县 posts a lead for 天镇县; 天镇县 sees it arrive
// live, claims it and hands it to 阳高县, which accepts, investigates, gives feedback and closes it;
// 兴和县's open console shows each step live. Time to act is measured on the way.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeBrowser, signIn, shots, timing, XINGHE, TIANZHEN, YANGGAO } from './harness.mjs';

after(closeBrowser);

/** Waits until the lead's detail on `page` shows `state` (its status row); returns the ms waited. */
async function seesState(page, word, timeout = 10_000) {
  const t0 = Date.now();
  await page.locator('.detail dd').filter({ hasText: new RegExp(`^${word}`) }).first().waitFor({ timeout });
  return Date.now() - t0;
}

test('a lead goes from 兴和县 to 天镇县 to 阳高县 and back, each step seen live', async () => {
  const xinghe = await signIn(XINGHE);
  const tianzhen = await signIn(TIANZHEN);
  const yanggao = await signIn(YANGGAO);
  await tianzhen.locator('.tabs a[data-view="open"] .count').filter({ hasText: /^\d/ }).waitFor();
  const openBefore = Number(await tianzhen.locator('.tabs a[data-view="open"] .count').textContent());
  await shots(tianzhen, 'inbox');

  // 兴和县 posts: open the form, title, narrative, plate, target, submit — six actions
  const title = `蒙J·3K582 面包车夜间往天镇方向运烟 ${Date.now()}`;
  const t0 = Date.now();
  let actions = 0;
  await xinghe.getByRole('link', { name: '发布线索' }).click(); actions++;
  await xinghe.getByLabel('标题').fill(title); actions++;
  await xinghe.getByLabel('线索内容').fill('据群众举报，车牌号为蒙J·3K582的白色面包车每周二夜间经307国道往天镇县方向运输中华(硬)卷烟。'); actions++;
  await xinghe.getByLabel('对象内容').first().fill('蒙J·3K582'); actions++;
  await xinghe.getByLabel('天镇县').check(); actions++;
  await shots(xinghe, 'post');
  await xinghe.getByRole('button', { name: '签名并发布' }).click(); actions++;
  await xinghe.locator('.detail h3').filter({ hasText: title }).waitFor();
  const postMs = Date.now() - t0;
  timing('post', { actions, ms: postMs });
  assert.ok(actions <= 6, `posting took ${actions} actions`);
  await seesState(xinghe, '待认领');

  // 天镇县's open inbox shows it without a reload, counted
  const row = tianzhen.locator('table.leads tbody tr').filter({ hasText: title });
  await row.waitFor({ timeout: 10_000 });
  await tianzhen.locator('.tabs a[data-view="open"] .count').filter({ hasText: String(openBefore + 1) }).waitFor();
  await row.getByRole('link').click();
  await tianzhen.getByRole('button', { name: '认领' }).waitFor();
  await shots(tianzhen, 'lead-posted');

  // claim; 兴和县's console, open on the lead, shows it live
  // (same-run baseline: the claiming bureau's own screen showing its answer)
  const claimedAt = Date.now();
  const [, seenByOrigin, seenByClaimer] = await Promise.all([
    tianzhen.getByRole('button', { name: '认领' }).click(),
    seesState(xinghe, '已认领').then(() => Date.now() - claimedAt),
    seesState(tianzhen, '已认领').then(() => Date.now() - claimedAt),
  ]);
  timing('claimSeenByOrigin', { ms: seenByOrigin, claimerSawItsAnswerMs: seenByClaimer });

  // hand over to 阳高县
  await tianzhen.getByRole('button', { name: '移交' }).click();
  await tianzhen.getByLabel('移交给').selectOption('140221');
  await tianzhen.getByLabel('说明').fill('车辆已驶入阳高境内');
  await shots(tianzhen, 'handover-form');
  await tianzhen.getByRole('button', { name: '确认移交' }).click();
  await seesState(tianzhen, '移交待接收');
  await seesState(xinghe, '移交待接收');

  // 阳高县 finds it under 移交给我 and accepts
  await yanggao.getByRole('tab', { name: /移交给我/ }).click();
  const offered = yanggao.locator('table.leads tbody tr').filter({ hasText: title });
  await offered.waitFor({ timeout: 10_000 });
  await shots(yanggao, 'inbox-handed-to-me');
  await offered.getByRole('link').click();
  await yanggao.getByRole('button', { name: '接收移交' }).click();
  await seesState(yanggao, '已认领 · 承办 140221');
  await seesState(xinghe, '已认领 · 承办 140221');

  await yanggao.getByRole('button', { name: '开始核查' }).click();
  await seesState(yanggao, '核查中');
  await seesState(xinghe, '核查中');

  await yanggao.getByRole('button', { name: '反馈' }).click();
  await yanggao.getByLabel('反馈内容').fill('已在阳高县境内设卡，查获中华(硬)卷烟12件。');
  await yanggao.getByRole('button', { name: '确认反馈' }).click();
  await xinghe.locator('.history li').filter({ hasText: '查获中华(硬)卷烟12件' }).waitFor({ timeout: 10_000 });

  await yanggao.getByRole('button', { name: '办结' }).click();
  await yanggao.getByLabel('办结结果').selectOption('CASE_OPENED');
  await yanggao.getByLabel('案件编号（立案时）').fill('阳烟立〔2026〕12号');
  await shots(yanggao, 'close-form');
  await yanggao.getByRole('button', { name: '确认办结' }).click();
  await seesState(yanggao, '已办结');
  await seesState(xinghe, '已办结');
  await xinghe.locator('.detail dd').filter({ hasText: '立案 阳烟立〔2026〕12号' }).waitFor();
  await shots(xinghe, 'lead-closed');

  // the origin's live feed told each step
  const feed = await xinghe.locator('#feed li').allTextContents();
  for (const word of ['线索已认领', '线索移交', '移交已接收', '线索核查中', '线索反馈', '线索办结']) {
    assert.ok(feed.some((l) => l.includes(word)), `兴和县's feed lacks ${word}: ${feed.join(' | ')}`);
  }
  for (const p of [xinghe, tianzhen, yanggao]) assert.deepEqual(p.errors, []);
});

// The officer's other jobs, each wholly in the console: the liaison directory, refusals told in plain
// Chinese (who holds the lead, whom to call), every bad field marked at once, a restricted lead
// sealed to one bureau with an attachment, and withdrawing a lead.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeBrowser, shots, XINGHE, TIANZHEN, YANGGAO, signInAll } from './harness.mjs';

let xinghe;
let tianzhen;
let yanggao;

before(async () => {
  [xinghe, tianzhen, yanggao] = await signInAll(XINGHE, TIANZHEN, YANGGAO);
});
after(closeBrowser);

async function post(page, title, { target, restricted, file } = {}) {
  await page.getByRole('link', { name: '发布线索' }).click();
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('线索内容').fill(`${title}。举报人称有人在城关镇批发部批量销售假冒中华(硬)卷烟。`);
  if (target) await page.getByLabel(target, { exact: true }).check();
  if (restricted) await page.getByLabel(/^ ?密封/).check();
  if (file) await page.getByLabel(/附件/).setInputFiles(file);
  await page.getByRole('button', { name: '签名并发布' }).click();
  await page.locator('.detail h3').filter({ hasText: title }).waitFor();
  return decodeURIComponent(page.url().split('#/leads/')[1]);
}

async function open(page, id) {
  await page.evaluate((h) => { location.hash = h; }, `#/leads/${encodeURIComponent(id)}`);
  await page.locator('.detail .mono').filter({ hasText: id }).first().waitFor({ timeout: 10_000 });
}

test('天镇县 keeps its own directory; every bureau reads it', async () => {
  await tianzhen.getByRole('link', { name: '名录' }).click();
  await tianzhen.getByRole('link', { name: '编辑本局名录' }).click();
  const row = tianzhen.locator('.dir-row').first();
  await row.getByLabel('人员编号').fill('140222-009');
  await row.getByLabel('姓名').fill('李建国');
  await row.getByLabel('电话').fill('0352-6612313');
  await row.getByLabel('值班时间').fill('工作日 8:30-17:30');
  await shots(tianzhen, 'directory-edit');
  await tianzhen.getByRole('button', { name: '签名并发布名录' }).click();
  await tianzhen.locator('[data-bureau="140222"] td').filter({ hasText: '李建国' }).waitFor();

  await xinghe.getByRole('link', { name: '名录' }).click();
  await xinghe.locator('[data-bureau="140222"] td').filter({ hasText: '0352-6612313' }).waitFor({ timeout: 10_000 });
  await shots(xinghe, 'directory');
});

test('a claim that lost names the winner and whom to call, in Chinese', async () => {
  const id = await post(xinghe, `怀疑假烟仓库 ${Date.now()}`);
  // 阳高县's screen gets no live updates (its event stream is cut): it still offers the claim
  await yanggao.context().route('**/api/v1/events**', (r) => r.abort());
  await yanggao.reload();
  await open(yanggao, id);
  await open(tianzhen, id);
  await tianzhen.getByRole('button', { name: '认领' }).click();
  await tianzhen.locator('.detail dd').filter({ hasText: /^已认领/ }).waitFor();
  await yanggao.getByRole('button', { name: '认领' }).click();
  const msg = yanggao.locator('.action-error');
  await msg.waitFor();
  const text = await msg.textContent();
  assert.match(text, /已由 140222 天镇县 认领/);
  assert.match(text, /李建国/);
  assert.match(text, /0352-6612313/);
  await shots(yanggao, 'claim-refused');
  await yanggao.context().unroute('**/api/v1/events**');
  await yanggao.reload();
  await yanggao.locator('#live.ok').waitFor({ timeout: 10_000 });
});

test('every bad field of a lead is marked beside its input', async () => {
  await xinghe.getByRole('link', { name: '发布线索' }).click();
  await xinghe.getByLabel('对象内容').first().fill('x');
  await xinghe.getByRole('button', { name: '签名并发布' }).click();
  const error = xinghe.locator('.post-error');
  await error.waitFor();
  assert.doesNotMatch(await error.textContent(), /[A-Za-z]{3,} [a-z]{3,}/, 'no English sentence');
  await xinghe.locator('[aria-invalid="true"]').first().waitFor();
  const marked = await xinghe.locator('[aria-invalid="true"]').evaluateAll((els) => els.map((e) => e.name));
  assert.ok(marked.includes('title'), `title marked: ${marked}`);
  assert.ok(await xinghe.locator('.field-error').count() >= 1);
  await shots(xinghe, 'post-invalid');
});

test('a lead with an attachment that another bureau downloads', async () => {
  const title = `走私烟中转点 ${Date.now()}`;
  const id = await post(xinghe, title, {
    target: '阳高县',
    file: { name: '现场照片说明.txt', mimeType: 'text/plain', buffer: Buffer.from('车辆停放位置：阳高县罗文皂镇') },
  });
  await open(yanggao, id);
  await yanggao.locator('.detail h3').filter({ hasText: title }).waitFor();
  const [download] = await Promise.all([
    yanggao.waitForEvent('download', { timeout: 15_000 }).catch(async (e) => {
      throw new Error(`no download (${e.message}); the page says: ${await yanggao.locator('#toast').textContent()}`);
    }),
    yanggao.getByRole('link', { name: '现场照片说明.txt' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), '现场照片说明.txt');
  const stream = await download.createReadStream();
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  assert.equal(Buffer.concat(chunks).toString('utf8'), '车辆停放位置：阳高县罗文皂镇');
  await shots(yanggao, 'lead-attachment');
});

test('a restricted lead is sealed to 阳高县: 天镇县 holds only ciphertext', async () => {
  const title = `密封线索 罗文皂镇仓库 ${Date.now()}`;
  const id = await post(xinghe, title, { target: '阳高县', restricted: true });
  await xinghe.locator('.detail dd').filter({ hasText: '仅限收件局（密封）' }).waitFor();
  await open(yanggao, id);
  await yanggao.locator('.detail h3').filter({ hasText: title }).waitFor();
  await yanggao.getByRole('button', { name: '认领' }).waitFor();
  await shots(yanggao, 'lead-restricted');
  await open(tianzhen, id);
  await tianzhen.locator('.detail h3').filter({ hasText: '密封内容' }).waitFor();
  const leaks = await tianzhen.locator('body').evaluate((b, t) => [...b.querySelectorAll('*')]
    .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.includes(t)))
    .map((e) => `${e.tagName}#${e.id}.${e.className}: ${e.textContent.slice(0, 120)}`), title);
  assert.deepEqual(leaks, [], '天镇县 cannot read it');
  assert.equal(await tianzhen.getByRole('button', { name: '认领' }).count(), 0);
  await shots(tianzhen, 'lead-sealed');
});

test('the origin withdraws a lead nobody claimed', async () => {
  const id = await post(xinghe, `误报线索 ${Date.now()}`);
  await xinghe.getByRole('button', { name: '撤回' }).click();
  await xinghe.getByLabel('说明（可不填）').fill('举报人更正');
  await xinghe.getByRole('button', { name: '确认撤回' }).click();
  await xinghe.locator('.detail dd').filter({ hasText: /^已撤回/ }).waitFor();
  await open(tianzhen, id);
  await tianzhen.locator('.detail dd').filter({ hasText: /^已撤回/ }).waitFor({ timeout: 10_000 });
});

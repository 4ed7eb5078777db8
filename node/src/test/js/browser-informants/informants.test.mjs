// 举报台帐 in the console against three real nodes: 兴和县's and 天镇县's officers make their opening
// keys (a short passphrase refused in Chinese), 兴和县 records that a lead addressed to 天镇县 came
// from an informant (a name the lead itself mentions is refused in Chinese), sealed to itself and to
// 天镇县's officer; 天镇县's officer opens it on 天镇县's node with the passphrase (a wrong one refused
// in Chinese); 兴和县 sets the reward status and sees the opening in its register; 阳高县, not chosen,
// sees nothing of it. Every screen shot at 1440 and 390 px (harness: no horizontal overflow).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeBrowser, shots, api, OFFICERS, XINGHE, TIANZHEN, YANGGAO, signInAll, show, showUntil } from '../browser/harness.mjs';

const NAME = '司马青岚';
const PASS = '开启口令-控制台-2026';
const PASS2 = '新开启口令-控制台-2026';
let xinghe;
let tianzhen;
let yanggao;
let leadId;

before(async () => {
  [xinghe, tianzhen, yanggao] = await signInAll(XINGHE, TIANZHEN, YANGGAO);
});
after(closeBrowser);

async function makeKey(page, name) {
  await show(page, '#/informants/key');
  const form = page.locator('form.informant-key');
  await form.waitFor();
  await form.getByLabel('开启口令（至少 10 位）').fill('短口令');
  await form.getByLabel('再输入一次').fill('短口令');
  await form.getByRole('button', { name: '生成开启密钥' }).click();
  const error = form.locator('.error');
  await error.filter({ hasText: '开启口令须为 10 至 200 个字符' }).waitFor();
  assert.doesNotMatch(await error.textContent(), /[A-Za-z]{3,}/);
  await form.getByLabel('开启口令（至少 10 位）').fill(PASS);
  await form.getByLabel('再输入一次').fill(PASS);
  await shots(page, name);
  await form.getByRole('button', { name: '生成开启密钥' }).click();
  await page.getByRole('link', { name: '修改开启口令' }).waitFor();
}

// review-3 F2: the key is kept, only its passphrase changes, and only with the current one
async function changePassphrase(page) {
  await show(page, '#/informants/key');
  const form = page.locator('form.informant-key');
  await form.getByLabel('当前开启口令').fill('不是当前口令-123');
  await form.getByLabel('新的开启口令（至少 10 位）').fill(PASS2);
  await form.getByLabel('再输入一次').fill(PASS2);
  await form.getByRole('button', { name: '保存' }).click();
  await form.locator('.error').filter({ hasText: '开启口令不对' }).waitFor();
  await form.getByLabel('当前开启口令').fill(PASS);
  await form.getByRole('button', { name: '保存' }).click();
  await page.locator('#toast, .toast').filter({ hasText: '开启口令已修改' }).first().waitFor();
}

test('举报台帐: an informant sealed to chosen officers, opened on 天镇县, the register on 兴和县', async () => {
  await makeKey(xinghe, 'informant-key-xinghe');
  await makeKey(tianzhen, 'informant-key-tianzhen');
  const lead = await api(XINGHE, 'POST', '/api/v1/leads', {
    officer: OFFICERS[XINGHE], category: 'COUNTERFEIT', title: '张皋镇仓库存放假冒玉溪',
    narrative: '线人反映张皋镇东口一处仓库存放假冒玉溪(软)约40件，王某夜间用蒙J牌照货车运往天镇县方向。',
    targetBureaus: ['140222'],
  });
  leadId = lead.id;

  await showUntil(xinghe, '#/informants/record', xinghe.getByText(`${OFFICERS[TIANZHEN]} `, { exact: false }));
  const form = xinghe.locator('form.informant-record');
  await form.getByLabel('线索编号').fill(leadId);
  await form.getByLabel('来源').selectOption({ label: '线人' });
  await form.getByLabel('收到日期').fill('2026年12月6日');
  await form.getByLabel('姓名').fill('王某');
  await form.getByLabel('电话').fill('13987654321');
  await form.locator(`input[name=opener][value="${OFFICERS[XINGHE]}"]`).check();
  await form.locator(`input[name=opener][value="${OFFICERS[TIANZHEN]}"]`).check();
  await form.getByRole('button', { name: '签名登记' }).click();
  // the lead itself names 王某: refused, in Chinese
  await form.locator('.error').filter({ hasText: '线索正文写有举报人的身份信息' }).waitFor();
  await form.getByLabel('姓名').fill(NAME);
  await form.getByLabel('备注').fill('只接受电话联系');
  await shots(xinghe, 'informant-record');
  await form.getByRole('button', { name: '签名登记' }).click();
  const row = xinghe.locator('table.informant-register tbody tr').filter({ hasText: '张皋镇仓库存放假冒玉溪' });
  await row.waitFor();
  assert.match(await row.textContent(), /线人/);
  assert.match(await row.textContent(), /2026-12-06/);
  assert.match(await row.textContent(), /已加密/);
  assert.doesNotMatch(await xinghe.locator('main, body').first().textContent(), new RegExp(NAME));

  // 天镇县's chosen officer opens it on 天镇县's node: a wrong passphrase first
  const trow = tianzhen.locator('table.informant-register tbody tr').filter({ hasText: '张皋镇仓库存放假冒玉溪' });
  await showUntil(tianzhen, '#/informants', trow);
  const open = trow.locator('form.informant-open');
  await open.getByLabel('开启口令').fill('不是这个口令-123');
  await open.getByRole('button', { name: '开启' }).click();
  await open.locator('.error').filter({ hasText: '开启口令不对' }).waitFor();
  await open.getByLabel('开启口令').fill(PASS);
  await open.getByRole('button', { name: '开启' }).click();
  await open.locator('dl.identity').filter({ hasText: NAME }).waitFor();
  assert.match(await open.textContent(), /13987654321/);
  assert.match(await open.textContent(), /本次开启已记入审计链/);
  await shots(tianzhen, 'informant-opened');

  // 兴和县 sets the reward status; the opening by 天镇县 shows in its register
  const xrow = xinghe.locator('table.informant-register tbody tr').filter({ hasText: OFFICERS[TIANZHEN] }).filter({ hasText: '开启记录' });
  await showUntil(xinghe, '#/informants', xrow);
  await xrow.getByLabel('奖励状态').selectOption({ label: '已申报' });
  await xrow.getByRole('button', { name: '更新' }).click();
  await xinghe.locator('#toast, .toast').filter({ hasText: '奖励状态：已申报' }).first().waitFor();
  await show(xinghe, '#/informants');
  const after = xinghe.locator('table.informant-register tbody tr').filter({ hasText: '张皋镇仓库存放假冒玉溪' });
  assert.equal(await after.getByLabel('奖励状态').inputValue(), 'DECLARED');
  await shots(xinghe, 'informant-register');

  // 阳高县 was not chosen: an empty register, nothing of the informant
  await show(yanggao, '#/informants');
  await yanggao.getByText('台帐为空').waitFor();
  assert.doesNotMatch(await yanggao.locator('body').textContent(), new RegExp(NAME));
  await shots(yanggao, 'informant-register-yanggao');

  // 天镇县's officer changes the passphrase with the current one: the same key opens it
  await changePassphrase(tianzhen);
  await show(tianzhen, '#/informants');
  const again = tianzhen.locator('table.informant-register tbody tr').filter({ hasText: '张皋镇仓库存放假冒玉溪' }).locator('form.informant-open');
  await again.getByLabel('开启口令').fill(PASS2);
  await again.getByRole('button', { name: '开启' }).click();
  await again.locator('dl.identity').filter({ hasText: NAME }).waitFor();
});

// 奖励兑现 in the console against the real nodes: 兴和县's chief proposes the sharing rule (a bad
// percentage refused in Chinese, naming the field), 天镇县 and 阳高县 sign it on their screens, it is
// in force everywhere; 兴和县 signs a payment to 天镇县 for 天镇县's case, and 天镇县 reads the quarter's
// statement (received) and the credits; informants appear by register line only. Every screen is
// shot at 1440 px and 390 px (harness: no horizontal overflow).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeBrowser, shots, api, XINGHE, TIANZHEN, YANGGAO, signInAll, show, showUntil } from './harness.mjs';

let xinghe;
let tianzhen;
let yanggao;

before(async () => {
  [xinghe, tianzhen, yanggao] = await signInAll(XINGHE, TIANZHEN, YANGGAO);
});
after(closeBrowser);

test('奖励兑现: the bureaus sign the sharing rule, 兴和县 pays 天镇县, both read the statement', async () => {
  await show(xinghe, '#/rewards?period=2026Q4');
  await xinghe.getByText('尚无各局共同签署的分成规则').waitFor();
  const form = xinghe.locator('form.rule-propose');
  await form.waitFor();
  await form.getByLabel('线索方分成（%）').fill('101');
  await form.getByLabel('举报奖励比例（%）').fill('5');
  await form.getByLabel('举报奖励上限（元）').fill('10000');
  await form.getByLabel('适用立案日（起）').fill('2026-01-01');
  await form.getByLabel('依据').fill('晋蒙冀边界六县区奖励兑现办法');
  await form.getByRole('button', { name: '签名并提议' }).click();
  const error = form.locator('p.error');
  await error.waitFor();
  assert.match(await error.textContent(), /线索方分成比例/);
  assert.equal(await form.getByLabel('线索方分成（%）').getAttribute('aria-invalid'), 'true');
  await shots(xinghe, 'rewards-propose');
  await form.getByLabel('线索方分成（%）').fill('30');
  await form.getByRole('button', { name: '签名并提议' }).click();
  await xinghe.locator('section.rule-proposal').waitFor();

  for (const page of [tianzhen, yanggao]) {
    const sign = page.getByRole('button', { name: '本局签署' });
    await showUntil(page, '#/rewards?period=2026Q4', sign);
    await sign.click();
    await sign.waitFor({ state: 'detached' });
  }
  const inForce = xinghe.locator('section.rule-in-force');
  await showUntil(xinghe, '#/rewards?period=2026Q4', inForce);
  assert.match(await inForce.textContent(), /办案奖励的 30%/);
  assert.match(await inForce.textContent(), /罚没款的 5\.00%，最高 10000\.00 元/);

  // 天镇县's case of 6 November; 兴和县's chief pays 天镇县 (the case bureau) 500 元 of its reward
  // under version 1 (办案方奖励 goes to the bureau that made the case, no other)
  const number = `天烟立字〔2026〕第${String(Date.now()).slice(-5)}号`;
  await api(TIANZHEN, 'POST', '/api/v1/cases', {
    caseNumber: number, category: '涉假', foundOn: '2026-11-06', filedOn: '2026-11-06', valueYuan: '62000',
    disposition: 'PENDING', narrative: '查获假冒中华卷烟三十条。',
    location: { countyCode: '140222', town: '城关镇', address: '城关镇' },
    items: [{ brand: '中华', spec: '硬', quantity: '30条' }],
  });
  const id = encodeURIComponent(`case:140222:${number}`);
  const end = Date.now() + 30_000;
  let held = null;
  while (!held && Date.now() < end) {
    held = await api(XINGHE, 'GET', `/api/v1/cases/${id}`).catch(() => null);
    if (!held) await new Promise((r) => setTimeout(r, 300));
  }
  assert.ok(held, "天镇县's case reached 兴和县");
  await show(xinghe, '#/rewards?period=2026Q4');
  const settle = xinghe.locator('form.settle');
  await settle.waitFor();
  await settle.getByLabel('类别').selectOption('CASE_BUREAU');
  await settle.getByLabel('案件编号').fill(number);
  await settle.getByLabel('办案单位（代码）').fill('140222');
  await settle.getByLabel('收款单位（代码，举报奖励不填）').fill('140222');
  await settle.getByLabel('金额（元）').fill('500');
  await settle.getByLabel('兑现日期').fill('2026-11-30');
  await shots(xinghe, 'rewards-settle');
  await settle.getByRole('button', { name: '签名登记' }).click();
  const mine = xinghe.locator('table.balances tr').filter({ hasText: '兴和' });
  await showUntil(xinghe, '#/rewards?period=2026Q4', mine);
  assert.match(await mine.textContent(), /500\.00/);
  assert.match(await xinghe.locator('table.credits').textContent(), new RegExp(number.replace(/[〔〕]/g, '.')));
  await shots(xinghe, 'rewards');

  const received = tianzhen.locator('table.balances tr').filter({ hasText: '天镇' });
  await showUntil(tianzhen, '#/rewards?period=2026Q4', received);
  assert.match(await received.textContent(), /500\.00/);
  assert.match(await tianzhen.locator('table.flows').textContent(), /办案方奖励/);
  await shots(tianzhen, 'rewards-received');
});

// The regional screens, each doing its job in the console against the real nodes: the bureaus agree
// the rules of working together (协作约定: 兴和县 proposes, 天镇县 and 阳高县 sign), 兴和县 fills a lead's
// form (案件表单: a bad field told in Chinese, then a good one, and its printable page), the form's
// value reaches the agreed major-case value and 天镇县 sees the notice (重大案件), 天镇县 saves its area
// and sees a case of 兴和县 that names it (辖区), and 阳高县 issues its quarterly report that 兴和县
// reads and acknowledges (季度通报). Every screen is shot at 1440 px and 390 px (harness: no
// horizontal overflow) and checked for Chinese broken a character per line on the phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeBrowser, shots, api, URLS, OFFICERS, XINGHE, TIANZHEN, YANGGAO, signInAll, show, showUntil } from './harness.mjs';

let xinghe;
let tianzhen;
let yanggao;
let leadId;

before(async () => {
  [xinghe, tianzhen, yanggao] = await signInAll(XINGHE, TIANZHEN, YANGGAO);
});
after(closeBrowser);

/**
 * At 390 px, no element holding Chinese text is so narrow that it breaks a character per line:
 * every visible element whose own text has two or more Chinese characters is at least two
 * characters wide.
 */
async function phoneText(page, name) {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const squeezed = await page.evaluate(() => [...document.querySelectorAll('main *, #app *, body *')]
    .filter((e) => e.offsetParent !== null)
    .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && /[\u4e00-\u9fff]{2}/.test(n.textContent)))
    .filter((e) => {
      const size = parseFloat(getComputedStyle(e).fontSize);
      const range = document.createRange();
      range.selectNodeContents(e);
      const r = range.getBoundingClientRect();
      return r.width > 0 && r.width < 1.6 * size;
    })
    .map((e) => `${e.tagName}.${e.className}: ${e.textContent.trim().slice(0, 20)}`));
  await page.setViewportSize(before);
  assert.deepEqual([...new Set(squeezed)], [], `${name}: Chinese one character per line at 390 px`);
}

async function shoot(page, name) {
  await shots(page, name);
  await phoneText(page, name);
}

test('协作约定: 兴和县 proposes the rules, 天镇县 and 阳高县 sign, all three read them in force', async () => {
  await show(xinghe, '#/settings');
  const form = xinghe.locator('form.settings-propose');
  await form.waitFor();
  const version = Number(/第 (\d+) 版/.exec(await form.locator('h3').textContent())[1]);
  await form.getByLabel('反馈期限（天）').fill('15');
  await form.getByLabel('逾期提醒间隔（天，0 为一次）').fill('3');
  await form.getByLabel('逾期上报（天，0 为不上报）').fill('10');
  await form.getByLabel('重大案件案值（元）').fill('50000');
  await form.getByLabel('依据').fill('晋蒙边界三县卷烟市场协作备忘录');
  // a feedback period of 0 days is refused, named as the form names it, in Chinese
  await form.getByLabel('反馈期限（天）').fill('0');
  await form.getByRole('button', { name: '签名并提议' }).click();
  const error = form.locator('.error');
  await error.waitFor();
  const said = await error.textContent();
  assert.match(said, /反馈期限/, `names the field as the form does: ${said}`);
  assert.doesNotMatch(said, /[A-Za-z]{3,}/, `no English: ${said}`);
  await shoot(xinghe, 'settings-invalid');
  await form.getByLabel('反馈期限（天）').fill('15');
  await shoot(xinghe, 'settings-propose');
  await form.getByRole('button', { name: '签名并提议' }).click();
  await xinghe.locator('.settings-proposal').filter({ hasText: `第 ${version} 版` }).waitFor();
  for (const page of [xinghe, tianzhen, yanggao]) {
    const proposal = page.locator('.settings-proposal').filter({ hasText: `第 ${version} 版` });
    await showUntil(page, '#/settings', proposal.or(page.locator('.settings-in-force').filter({ hasText: `第 ${version} 版` })));
    const sign = proposal.getByRole('button', { name: '本局签署' });
    if (page !== xinghe) await shoot(page, 'settings-sign');
    if (await sign.count()) {
      await sign.click();
      await page.locator('.settings-proposal, .settings-in-force').first().waitFor();
    }
  }
  const inForce = xinghe.locator('.settings-in-force').filter({ hasText: `第 ${version} 版` });
  await showUntil(xinghe, '#/settings', inForce);
  const text = await inForce.textContent();
  assert.match(text, /认后 15 天内|15 天内/);
  assert.match(text, /50,000 元/);
  assert.doesNotMatch(text, /待签/);
  await shoot(xinghe, 'settings');
});

test('案件表单: a bad field is named in Chinese beside the form, a good one is listed and printed', async () => {
  const title = `大额假烟 城关镇仓库 ${Date.now()}`;
  const lead = await api(XINGHE, 'POST', '/api/v1/leads', {
    officer: OFFICERS[XINGHE], category: 'COUNTERFEIT', title, narrative: `${title}：仓库存放假冒中华八百条。`,
  });
  leadId = lead.id;
  assert.ok(leadId, `lead id in ${JSON.stringify(lead).slice(0, 200)}`);
  await show(xinghe, `#/forms/${encodeURIComponent(leadId)}`);
  const form = xinghe.locator('form.form-fill');
  await form.waitFor();
  await form.getByLabel('表单').selectOption('REGISTRATION');
  // no 案由 (cause): the registration book needs it
  await form.getByLabel('地点').fill('兴和县城关镇');
  await form.getByLabel('时间').fill('2026-11-20T21:30');
  await form.getByLabel('案值（元）').fill('80000');
  await form.getByLabel('当事人（每行：姓名,身份,身份证号）').fill('张某,当事人,152624198001011234');
  await form.getByRole('button', { name: '签名提交' }).click();
  const error = form.locator('.error');
  await error.waitFor();
  const said = await error.textContent();
  assert.match(said, /案由/, `names the field as the form does: ${said}`);
  assert.doesNotMatch(said, /[A-Za-z]{3,}/, `no English: ${said}`);
  await shoot(xinghe, 'forms-invalid');

  await form.getByLabel('案由').fill('涉嫌销售假冒卷烟');
  await form.getByRole('button', { name: '签名提交' }).click();
  const row = xinghe.locator('table.forms tbody tr').filter({ hasText: '案件登记台帐' });
  await row.waitFor();
  await shoot(xinghe, 'forms');
  const [print] = await Promise.all([
    xinghe.waitForEvent('popup'),
    row.getByRole('button', { name: '打印' }).click(),
  ]);
  await print.waitForLoadState();
  const printed = await print.locator('body').textContent();
  assert.match(printed, /案件登记台帐/);
  assert.match(printed, /涉嫌销售假冒卷烟/);
  await print.setViewportSize({ width: 1440, height: 900 });
  await print.screenshot({ path: `${process.env.LIAISON_SHOTS}/forms-print-1440.png`, fullPage: true });
  await print.close();
});

test('重大案件: the form reached the agreed value, and 天镇县 is told', async () => {
  assert.ok(leadId, 'the form flow filed a form');
  await show(xinghe, '#/major');
  await xinghe.locator('table.major-leads tr').filter({ hasText: leadId }).waitFor();
  const row = tianzhen.locator('table.major-leads tr').filter({ hasText: leadId });
  await showUntil(tianzhen, '#/major', row);
  const text = await row.textContent();
  assert.match(text, /兴和县/);
  assert.match(text, /80,000 元/);
  assert.match(text, /50,000 元/);
  await shoot(tianzhen, 'major');
});

test('辖区: 天镇县 saves its area and sees 兴和县 case that names it', async () => {
  await show(tianzhen, '#/area');
  await tianzhen.getByRole('link', { name: '编辑本局辖区' }).click();
  const form = tianzhen.locator('form.area-edit');
  await form.waitFor();
  await form.getByLabel('县、乡镇、村名').fill('天镇县\n新平堡镇\n逯家湾镇');
  await form.getByLabel('车牌前缀（如 蒙J）').fill('晋B');
  await form.getByLabel('许可证区划代码').fill('140222');
  await form.getByLabel('身份证区划代码（含旧代码）').fill('140222');
  await shoot(tianzhen, 'area-edit');
  await form.getByRole('button', { name: '签名保存' }).click();
  await tianzhen.locator('.area-model').filter({ hasText: '新平堡镇' }).waitFor();

  const number = `兴烟立字〔2026〕第${String(Date.now()).slice(-5)}号`;
  await api(XINGHE, 'POST', '/api/v1/cases', {
    caseNumber: number, category: '无证运输', foundOn: '2026-11-02', filedOn: '2026-11-02', valueYuan: '31000',
    disposition: 'PENDING', narrative: '查获无证运输卷烟七十条，货主称卷烟来自新平堡镇批发部。',
    location: { countyCode: '150924', town: '城关镇', address: '城关镇' },
    entities: [{ type: 'PLATE', value: '晋B·3K721' }], items: [{ brand: '中华', spec: '硬', quantity: '70条' }],
  });
  const row = tianzhen.locator('table.area-touches tr').filter({ hasText: '新平堡镇' });
  await showUntil(tianzhen, '#/area', row);
  const text = await row.textContent();
  assert.match(text, /兴和县/);
  assert.match(text, /案件/);
  await shoot(tianzhen, 'area');
});

test('季度通报: 阳高县 issues its report; 兴和县 reads it and acknowledges', async () => {
  await show(yanggao, '#/reports');
  const issue = yanggao.locator('form.report-issue');
  await issue.waitFor();
  await issue.getByLabel('市场动向').fill('本季度边界地区假冒卷烟经国道流入，罗文皂镇一带夜间运输增多。');
  await shoot(yanggao, 'reports-issue');
  await issue.getByRole('button', { name: '签名并通报各局' }).click();
  await yanggao.locator('.briefing').waitFor();
  await shoot(yanggao, 'report');

  const link = xinghe.locator('table.reports a').filter({ hasText: '阳高县' });
  await showUntil(xinghe, '#/reports', link);
  await xinghe.locator('.report-chart svg').waitFor();
  await shoot(xinghe, 'reports');
  await link.click();
  await xinghe.locator('.briefing').filter({ hasText: '罗文皂镇' }).waitFor();
  await xinghe.getByLabel('确认意见').fill('已阅，数据一致');
  await xinghe.getByRole('button', { name: '复核并签名确认' }).click();
  await xinghe.locator('table tr').filter({ hasText: '已阅，数据一致' }).waitFor();
  await shoot(xinghe, 'report-acknowledged');
  assert.ok(URLS.length === 3);
});

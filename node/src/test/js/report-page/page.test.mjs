// The printable report page (GET /api/v1/reports/{bureau}/{period}/html) in headless Chromium: the
// page a node served, saved by ReportIT, opened from the file (no network), checked for its Chinese
// text and its charts (inline SVG with the figures), shot on screen and printed to A4.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { dirname } from 'node:path';

const need = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run through ReportIT (mvn verify)`);
  return v;
};
const PAGE = need('REPORT_PAGE');
const SHOT = need('REPORT_SHOT');
const PDF = need('REPORT_PDF');
const HASH = need('REPORT_HASH');

test('the report page shows its Chinese text, tables and charts, and prints on A4', async () => {
  const browser = await chromium.launch({ executablePath: need('CHROMIUM'), args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  try {
    const context = await browser.newContext({ viewport: { width: 794, height: 1123 }, locale: 'zh-CN', offline: true });
    const page = await context.newPage();
    const requests = [];
    page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
    await page.goto(pathToFileURL(PAGE).href);
    assert.match(await page.title(), /兴和县.*2026年第二季度.*通报/);
    const text = await page.locator('body').innerText();
    for (const words of ['案件分类', '查处案件', '案值（万元）', '大要案', '移送与处罚', '刑事拘留（人）', '市场动向', '签发与核验', '数据一致', '局长（签字）']) {
      assert.ok(text.includes(words), `the page says ${words}`);
    }
    assert.ok(text.includes('兴烟立字〔2026〕第201号'), 'the major case is listed');
    assert.ok(text.includes(HASH), 'the canonical SHA-256 is printed');
    assert.ok(text.includes('二季度边界地区卷烟市场总体平稳'), 'the market notes are printed');

    // three charts drawn as SVG, their bars carrying the figures
    assert.equal(await page.locator('figure.chart svg').count(), 3);
    const bar = page.locator('#chart-cases rect.bar[data-label="无证批发"]');
    assert.equal(await bar.getAttribute('data-value'), '1 起');
    assert.ok((await bar.boundingBox()).width > 100, 'the 无证批发 bar is drawn');
    assert.equal(await page.locator('#chart-value rect.bar[data-label="无证批发"]').getAttribute('data-value'), '6.20 万元');
    const current = page.locator('#chart-change rect.bar[data-label="案件（起） 本期 2026Q2"]');
    assert.equal(await current.getAttribute('data-value'), '2');
    assert.equal(await page.locator('#chart-change rect.bar[data-label="案件（起） 上期 2026Q1"]').getAttribute('data-value'), '1');
    assert.ok(await page.locator('#chart-change text', { hasText: '环比 +100.0%' }).count() >= 1);
    // the chart labels are Chinese glyphs laid out (not empty text)
    const label = await page.locator('#chart-cases text.l', { hasText: '无证批发' }).boundingBox();
    assert.ok(label.width > 30 && label.height > 8, `label drawn ${JSON.stringify(label)}`);
    // the Chinese glyphs are drawn by a CJK font of the machine (fonts-wqy-microhei), not as boxes
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    assert.ok(fonts.some((f) => /WenQuanYi|CJK|Hei|Song/i.test(f.familyName) && f.glyphCount > 5), `title fonts ${JSON.stringify(fonts)}`);

    // nothing wider than the A4 sheet
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `page overflows by ${overflow}px`);
    assert.deepEqual(requests, [], 'the page asks for nothing over the network');

    mkdirSync(dirname(SHOT), { recursive: true });
    await page.screenshot({ path: SHOT, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ path: PDF, format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 1 && pages <= 6, `printed on ${pages} A4 pages`);
  } finally {
    await browser.close();
  }
});

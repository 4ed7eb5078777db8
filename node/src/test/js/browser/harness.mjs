// What every browser flow shares: one headless Chromium, a signed-in page per bureau, screenshots of
// each screen at 1440 px and 390 px (with the layout checks that go with them) and the time-to-act
// figures. The nodes are started by ConsoleBrowserIT, which passes their addresses in the environment.
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import assert from 'node:assert/strict';

const need = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run the browser tests through ConsoleBrowserIT (mvn verify)`);
  return v;
};

export const URLS = need('LIAISON_URLS').split(',');
export const OFFICERS = need('LIAISON_OFFICERS').split(',');
export const PASSWORD = need('LIAISON_PASSWORD');
const SHOTS = need('LIAISON_SHOTS');
const TIMINGS = need('LIAISON_TIMINGS');
/** Node index of each bureau in the test cluster. */
export const XINGHE = 0;
export const TIANZHEN = 1;
export const YANGGAO = 2;
export const CODES = ['150924', '140222', '140221'];

let browser;
let launching;
/**
 * The file's one Chromium. The launch itself is shared: pages signed in at once
 * (`Promise.all([signIn(…), …])`) used to start a Chromium each, of which closeBrowser closed only
 * the last, and the others kept the file's process alive until its 20 s exit timer (17 s of the
 * suite's time per flow file).
 */
export async function launch() {
  launching ??= chromium.launch({
    executablePath: need('CHROMIUM'),
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=zh-CN'],
  });
  browser = await launching;
  return browser;
}

const pages = [];

/** Closes the browser; what every page showed last is kept (LIAISON_SHOTS/last-*.png) to see why a flow failed. */
export async function closeBrowser() {
  // a browser that does not close in time (seen after flows with a download and a cut event
  // stream) must not hold up the run: every flow of this file has reported by now (a failed one
  // as 'not ok'), so the process ends without adding a failure of its own
  // (unref: a process that ends by itself is not held up by this timer either)
  setTimeout(() => process.exit(0), 20_000).unref();
  mkdirSync(SHOTS, { recursive: true });
  for (const [i, p] of pages.entries()) {
    await p.screenshot({ path: `${SHOTS}/last-${i}.png`, timeout: 5000 }).catch(() => {});
  }
  const contexts = [...new Set(pages.map((p) => p.context()))];
  pages.length = 0;
  await Promise.all(contexts.map((c) => Promise.race([c.close(), new Promise((r) => { setTimeout(r, 5000).unref(); })])));
  const closing = browser?.close();
  browser = undefined;
  launching = undefined;
  await closing;
}

/**
 * A new page on node i's console, signed in as `officer` (node i's test officer by default) through
 * the sign-in form; waits for the workspace. Console errors fail the flow.
 */
export async function signIn(i, { officer = OFFICERS[i], password = PASSWORD, width = 1440 } = {}) {
  const b = await launch();
  const context = await b.newContext({
    viewport: { width, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  pages.push(page);
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e.stack ?? e)));
  await page.goto(`${URLS[i]}/console/`);
  await page.getByLabel('人员编号').fill(officer);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('#user-text').filter({ hasText: officer }).waitFor();
  return page;
}

/** A page for each of nodes `nodes` signed in at once, each as its node's test officer (one Chromium). */
export function signInAll(...nodes) {
  return Promise.all(nodes.map((i) => signIn(i)));
}

/** Opens `hash` on the page afresh (a reload: what the node holds now, not what the screen kept). */
export async function show(page, hash) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.reload();
  await page.locator('#user-text').waitFor();
}

/** Reloads `hash` until `locator` shows (what another node did reaches this one within seconds). */
export async function showUntil(page, hash, locator, ms = 30_000) {
  const end = Date.now() + ms;
  for (;;) {
    await show(page, hash);
    if (await locator.first().waitFor({ timeout: 1500 }).then(() => true, () => false)) return;
    if (Date.now() > end) throw new Error(`${hash}: timed out waiting for ${locator}`);
  }
}

/**
 * Screenshots of what the page shows now, at 1440 px and at 390 px, kept as test output; checks on
 * the way that nothing overflows the phone's width and that no table cell at 1440 px is so narrow
 * that Chinese breaks a character per line.
 */
export async function shots(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  const before = page.viewportSize();
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `${name} at ${width} px is ${overflow} px wider than the screen`);
    if (width === 1440) {
      const squeezed = await page.evaluate(() => [...document.querySelectorAll('td, th')]
        .filter((c) => c.offsetParent !== null && /[\u4e00-\u9fff]{2}/.test(c.textContent))
        .filter((c) => {
          const size = parseFloat(getComputedStyle(c).fontSize);
          const range = document.createRange();
          range.selectNodeContents(c);
          return range.getBoundingClientRect().width < 1.6 * size;
        })
        .map((c) => c.textContent.trim().slice(0, 20)));
      assert.deepEqual(squeezed, [], `${name}: table cells one character wide at 1440 px`);
    }
  }
  await page.setViewportSize(before);
  assert.deepEqual(page.errors, [], 'no script errors on the page');
}

/** Records a time-to-act figure (merged into LIAISON_TIMINGS as JSON). */
export function timing(name, value) {
  const all = existsSync(TIMINGS) ? JSON.parse(readFileSync(TIMINGS, 'utf8')) : {};
  all[name] = value;
  writeFileSync(TIMINGS, JSON.stringify(all, null, 2));
}

/** Calls node i's API as its test officer (set-up only: what an officer does goes through the page). */
export async function api(i, method, path, body) {
  const login = await fetch(`${URLS[i]}/api/v1/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ officer: OFFICERS[i], password: PASSWORD }),
  });
  const { accessToken } = await login.json();
  const res = await fetch(`${URLS[i]}${path}`, {
    method,
    headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

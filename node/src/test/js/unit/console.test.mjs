// Tests of the web console's logic (node/src/main/resources/console/format.js) without a browser.
// Run: node --test node/src/test/js/unit/   (ConsoleScriptTest runs it during mvn verify)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import {
  beijingTime, beijingInputToIso, buildDraft, formField, problemText, mergeLead, applyTransition,
  feedLine, bureauNames, bureauLabel, shortName, label, CATEGORY, EVENTS, can, officerLabel,
} from '../../../main/resources/console/format.js';

const recorded = (name) =>
  JSON.parse(readFileSync(new URL(`./recorded/${name}`, import.meta.url), 'utf8'));

test('times are shown in Beijing time, nanoseconds and all', () => {
  assert.equal(beijingTime('2026-11-26T13:06:25.836688727Z'), '2026-11-26 21:06');
  assert.equal(beijingTime('2026-12-31T16:30:00Z'), '2027-01-01 00:30');
  assert.equal(beijingTime(null), '-');
  assert.equal(beijingTime('not a time'), '-');
});

test('a datetime-local value is read as Beijing time', () => {
  assert.equal(beijingInputToIso('2026-12-31T18:00'), '2026-12-31T10:00:00.000Z');
  assert.equal(beijingInputToIso(''), null);
  assert.equal(beijingInputToIso('31/12/2026'), null);
});

test('the draft is trimmed, empty entity rows dropped, optional fields left out', () => {
  const d = buildDraft({
    officer: ' 150924-017 ', category: 'UNLICENSED_TRANSPORT', urgency: 'PRIORITY',
    title: ' 蒙J·3K582 夜间运烟 ', narrative: '每周二夜间', location: '  ',
    expiresAt: '2026-12-31T18:00',
    entities: [{ type: 'PLATE', value: ' 蒙J·3K582 ' }, { type: 'PHONE', value: '' }],
    targetBureaus: ['140222'],
  });
  assert.deepEqual(d, {
    officer: '150924-017', category: 'UNLICENSED_TRANSPORT', title: '蒙J·3K582 夜间运烟',
    narrative: '每周二夜间', urgency: 'PRIORITY', entities: [{ type: 'PLATE', value: '蒙J·3K582' }],
    targetBureaus: ['140222'], distribution: 'MEMBERS', expiresAt: '2026-12-31T10:00:00.000Z',
  });
  assert.equal('location' in d, false);
});

test("a problem's field points at the form control at fault", () => {
  assert.equal(formField('/title'), 'title');
  assert.equal(formField('/entities/1/value'), 'entities.1.value');
  assert.equal(formField('/targetBureaus/0'), 'targetBureaus');
  assert.equal(formField(undefined), null);
  assert.equal(formField('Last-Event-ID'), null);
});

test('a problem reads as one sentence with title, detail, field and status', () => {
  const p = JSON.parse(readFileSync(new URL('./recorded/problem-422.json', import.meta.url)));
  // an English detail is not shown; the field is named in Chinese
  assert.equal(problemText(p, 422), '请求失败：字段 标题（HTTP 422）');
  assert.equal(problemText({ ...p, title: '内容有误', detail: '标题不能为空',
    errors: [{ field: '/title', detail: '不能为空' }, { field: '/entities/1/value', detail: '不能为空' }] }, 422),
  '内容有误：标题不能为空：字段 标题、涉及对象 第 2 项（HTTP 422）');
  assert.equal(problemText(null, 502), '请求失败（HTTP 502）');
});

test('refusals about sign-in, roles and limits read in Chinese, with the wait', () => {
  const locked = recorded('problem-429-locked-out.json');
  assert.equal(problemText(locked, 429, 60),
    '连续登录失败，该人员已被暂时锁定（HTTP 429），请 60 秒后重试');
  assert.match(problemText(recorded('problem-401-invalid-credentials.json'), 401), /^人员编号、密码或动态口令不对/);
  assert.match(problemText(recorded('problem-403-impersonation.json'), 403), /^只能以登录人员本人的名义操作.*字段 人员/);
  assert.match(problemText(recorded('problem-403-forbidden.json'), 403), /^你的角色无权执行此操作：ACCESS_LOG_READ/);
});

test("the console offers what the roles allow, as the node's policy does", () => {
  const { officer } = recorded('auth-login.json');
  assert.equal(officerLabel(officer), '150924-001 联络员24（联络员、办案员、局领导）');
  assert.ok(can(officer.roles, 'LEAD_WRITE'));
  assert.ok(can(officer.roles, 'EVENTS_READ'));
  assert.ok(!can(['ADMIN', 'AUDITOR'], 'LEAD_WRITE'));
  assert.ok(!can(['ADMIN', 'AUDITOR'], 'EVENTS_READ'));
  assert.ok(can(['AUDITOR'], 'LEAD_READ'));
  assert.ok(!can(undefined, 'LEAD_READ'));
});

test('leads merge newest first without duplicates', () => {
  const page = recorded('page-1.json').items;
  const older = recorded('page-2.json').items;
  let list = [];
  for (const v of [...older, ...page]) list = mergeLead(list, v);
  assert.deepEqual(list.map((v) => v.id), [...page, ...older].map((v) => v.id));
  const again = mergeLead(list, page[0]);
  assert.equal(again.length, list.length);
  const newest = { ...page[0], id: '150924-20261126-ZZZZZZZZ', postedAt: '2026-11-27T00:00:00Z' };
  assert.equal(mergeLead(list, newest)[0].id, newest.id);
});

test('a transition updates the state of the listed lead only', () => {
  const list = recorded('page-1.json').items;
  const out = applyTransition(list, { leadId: list[1].id, state: 'CLAIMED', owner: '140222' });
  assert.equal(out[1].status.state, 'CLAIMED');
  assert.equal(out[1].status.owner, '140222');
  assert.equal(out[0], list[0]);
  assert.equal(applyTransition(list, { leadId: list[1].id }), list, 'no state, no change');
});

test('feed lines name the event, the bureau and the lead', () => {
  const names = bureauNames(recorded('roster.json'));
  const posted = recorded('lead.json');
  const line = feedLine('lead.posted', posted, names);
  assert.equal(line.time, '2026-11-26 21:06');
  assert.equal(line.leadId, posted.id);
  assert.equal(line.text, '新线索 · 140222 天镇县 · [涉假] 谷前堡镇民房疑为假烟分装窝点');
  // the data of a recorded lead.claimed event
  const sse = readFileSync(new URL('./recorded/events-transitions.txt', import.meta.url), 'utf8');
  const block = sse.split('\n\n').find((b) => b.includes('event: lead.claimed'));
  const data = JSON.parse(block.split('\n').find((l) => l.startsWith('data: ')).slice(6));
  const claimed = feedLine('lead.claimed', data, names);
  assert.equal(claimed.text, '线索已认领 · 140222 天镇县 · 蒙J·3K582 白色面包车今晚再次出发 → 已认领');
  assert.equal(claimed.time, '2026-11-26 21:21');
  assert.equal(claimed.leadId, '150924-20261126-G2C1R24Q');
});

test('bureau names come from the roster, codes stand alone when unknown', () => {
  const names = bureauNames(recorded('roster.json'));
  assert.equal(bureauLabel('130725', names), '130725 尚义县');
  assert.equal(bureauLabel('999999', names), '999999');
  assert.equal(shortName('丰镇市烟草专卖局'), '丰镇市');
  assert.equal(label(CATEGORY, 'NEW_KIND'), 'NEW_KIND');
  assert.ok(Object.keys(EVENTS).includes('lead.posted'));
});

test('the page loads the modules it names and inserts no HTML from data', () => {
  const dir = new URL('../../../main/resources/console/', import.meta.url);
  const html = readFileSync(new URL('index.html', dir), 'utf8');
  assert.match(html, /<html lang="zh-CN">/);
  assert.match(html, /<script type="module" src="app.js"><\/script>/);
  assert.match(html, /<link rel="stylesheet" href="style.css">/);
  const modules = readdirSync(dir).filter((f) => f.endsWith('.js'));
  for (const name of modules) {
    const js = readFileSync(new URL(name, dir), 'utf8');
    for (const id of js.matchAll(/\$\('([\w-]+)'\)/g)) {
      assert.ok(html.includes(`id="${id[1]}"`), `index.html has no element #${id[1]} (${name})`);
    }
    for (const imp of js.matchAll(/from '\.\/([\w-]+\.js)'/g)) {
      assert.ok(modules.includes(imp[1]), `${name} imports a missing ${imp[1]}`);
    }
    assert.doesNotMatch(js, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/, name);
    assert.doesNotMatch(js, /fetch\('http|EventSource\('http/, name);
    assert.doesNotMatch(js, /localStorage/, `${name}: tokens and officers stay in sessionStorage`);
  }
});

test('a lead offers each bureau only the actions it may take now', async () => {
  const { actionsFor } = await import('../../../main/resources/console/screens/lead.js');
  const lead = (state, extra = {}) => ({
    originBureau: '150924', lead: { targetBureaus: ['140222'] }, status: { state, ...extra },
  });
  assert.deepEqual(actionsFor(lead('POSTED'), '140222'), ['CLAIM']);
  assert.deepEqual(actionsFor(lead('POSTED'), '140221'), [], 'not a target');
  assert.deepEqual(actionsFor(lead('POSTED'), '150924'), ['WITHDRAW']);
  assert.deepEqual(actionsFor({ ...lead('POSTED'), lead: undefined, sealed: true }, '140222'), [], 'sealed from this bureau');
  assert.deepEqual(actionsFor(lead('CLAIMED', { owner: '140222' }), '140222'),
    ['INVESTIGATE', 'FEEDBACK', 'OFFER_HANDOVER', 'INVITE_COHANDLER', 'RELEASE']);
  assert.deepEqual(actionsFor(lead('INVESTIGATING', { owner: '140222' }), '140222'),
    ['FEEDBACK', 'OFFER_HANDOVER', 'INVITE_COHANDLER', 'CLOSE', 'RELEASE']);
  // 协办: the invited bureau answers once, then gives its own feedback; never closes
  const co = (state, cstate) => lead(state, { owner: '140222', cohandlers: [{ bureau: '140221', state: cstate }] });
  assert.deepEqual(actionsFor(co('CLAIMED', 'INVITED'), '140221'), ['ACCEPT_COHANDLING', 'DECLINE_COHANDLING']);
  assert.deepEqual(actionsFor(co('INVESTIGATING', 'ACCEPTED'), '140221'), ['FEEDBACK']);
  assert.deepEqual(actionsFor(co('INVESTIGATING', 'DECLINED'), '140221'), []);
  assert.deepEqual(actionsFor(co('CLOSED', 'INVITED'), '140221'), [], 'not after the close');
  assert.deepEqual(actionsFor(lead('CLAIMED', { owner: '140222' }), '150924'), []);
  assert.deepEqual(actionsFor(lead('HANDOVER_OFFERED', { owner: '140222', handoverTo: '140221' }), '140221'),
    ['ACCEPT_HANDOVER', 'DECLINE_HANDOVER']);
  assert.deepEqual(actionsFor(lead('CLOSED', { owner: '140222' }), '140222'), []);
});

test('the lead bureau may invite neither itself nor the origin nor a bureau already co-handling', async () => {
  const { invitable } = await import('../../../main/resources/console/screens/lead.js');
  const v = {
    originBureau: '150924', lead: { targetBureaus: [] },
    status: { owner: '140222', cohandlers: [{ bureau: '140221', state: 'ACCEPTED' }, { bureau: '130727', state: 'DECLINED' }] },
  };
  assert.deepEqual(invitable(v, '140222', ['150924', '140222', '140221', '130727', '130728']), ['130727', '130728']);
  const restricted = { ...v, lead: { distribution: 'RESTRICTED', targetBureaus: ['140222', '130728'] } };
  assert.deepEqual(invitable(restricted, '140222', ['150924', '140222', '130727', '130728']), ['130728']);
});

test('every screen is one file registered by one import line', async () => {
  const dir = new URL('../../../main/resources/console/screens/', import.meta.url);
  const index = readFileSync(new URL('index.js', dir), 'utf8');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js') && f !== 'index.js').sort();
  const imported = [...index.matchAll(/^import '\.\/([\w-]+\.js)';$/gm)].map((m) => m[1]).sort();
  assert.deepEqual(imported, files);
});

test('an entity keeps its role when one is written, and has none otherwise (issue 33)', () => {
  const d = buildDraft({
    officer: 'A1', category: 'SMUGGLING', title: 't', narrative: 'n',
    entities: [
      { type: 'PHONE', value: ' 138 4746 1285 ', role: ' 上家 ' },
      { type: 'PLATE', value: '蒙J·3K582', role: '' },
    ],
  });
  assert.deepEqual(d.entities, [
    { type: 'PHONE', value: '138 4746 1285', role: '上家' },
    { type: 'PLATE', value: '蒙J·3K582' },
  ]);
});

// Pure functions of the console (no DOM): labels, Beijing time, drafts, problems, list merging.
// Kept apart from app.js so that they can be tested without a browser (node --test).
// Why over 400 lines: most of it is the label tables (codes → Chinese) the screens share; the
// functions are a few lines each, and splitting the tables from them would only add imports.

export const CATEGORY = {
  UNLICENSED_TRANSPORT: '无证运输',
  OFF_CHANNEL_PURCHASE: '非渠道进货',
  UNLICENSED_TRADE: '无证经营/无证批发',
  UNLICENSED_WHOLESALE: '无证批发',
  COUNTERFEIT: '涉假',
  SMUGGLING: '走私',
  ONLINE_PARCEL: '互联网+物流寄递',
  OTHER: '其他',
};

export const URGENCY = { ROUTINE: '一般', PRIORITY: '加急', URGENT: '特急' };

export const ENTITY = {
  PERSON: '人员',
  ID_NUMBER: '身份证号',
  PHONE: '电话',
  PLATE: '车牌',
  ADDRESS: '地址',
  LICENCE: '许可证号',
  WAYBILL: '运单号',
  ACCOUNT: '账号',
  BRAND: '品牌',
};

export const STATE = {
  POSTED: '待认领',
  CLAIMED: '已认领',
  INVESTIGATING: '核查中',
  HANDOVER_OFFERED: '移交待接收',
  CLOSED: '已办结',
  WITHDRAWN: '已撤回',
  EXPIRED: '已过期',
};

export const TRANSITION = {
  CLAIM: '认领',
  RELEASE: '退回',
  INVESTIGATE: '开始核查',
  OFFER_HANDOVER: '移交',
  ACCEPT_HANDOVER: '接收移交',
  DECLINE_HANDOVER: '拒绝移交',
  FEEDBACK: '反馈',
  CLOSE: '办结',
  WITHDRAW: '撤回',
  EXPIRE: '过期',
  INVITE_COHANDLER: '邀请协办',
  ACCEPT_COHANDLING: '接受协办',
  DECLINE_COHANDLING: '拒绝协办',
};

/** Where an invitation to co-handle (协办) stands. */
export const COHANDLER_STATE = { INVITED: '待接受', ACCEPTED: '协办中', DECLINED: '已拒绝' };

export const OUTCOME = {
  CASE_OPENED: '立案',
  UNFOUNDED: '查无实据',
  MERGED: '并案',
  TRANSFERRED_TO_POLICE: '移送公安',
};

export const DISTRIBUTION = { MEMBERS: '全体成员可读', RESTRICTED: '仅限收件局（密封）' };

/** Feed event types and their words; the live feed listens to exactly these. */
export const EVENTS = {
  'lead.posted': '新线索',
  'lead.claimed': '线索已认领',
  'lead.released': '线索已退回',
  'lead.investigating': '线索核查中',
  'lead.handover.offered': '线索移交',
  'lead.handover.accepted': '移交已接收',
  'lead.handover.declined': '移交被拒绝',
  'lead.feedback': '线索反馈',
  'lead.closed': '线索办结',
  'lead.withdrawn': '线索撤回',
  'lead.expired': '线索过期',
  'lead.overdue': '线索逾期',
  'lead.overdue.reminder': '线索逾期提醒',
  'lead.overdue.escalated': '线索逾期上报',
  'lead.cohandling.invited': '邀请协办',
  'lead.cohandling.accepted': '协办已接受',
  'lead.cohandling.declined': '协办被拒绝',
  'form.received': '收到反馈表',
  'lead.conflict': '冲突已裁决',
  'case.major': '大要案（案值5万元以上）',
  'price.finding': '价格互查发现不合规',
  'price.check.recorded': '价格互查已录入',
  'price.gap': '毗邻县价差提示',
  'action.conflict': '行动冲突提示',
  'meeting.recorded': '联席会议纪要',
};

/** The word for a code, or the code itself when this console does not know it yet. */
export function label(table, code) {
  if (code === null || code === undefined || code === '') return '-';
  return table[code] ?? code;
}

const BEIJING = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * Milliseconds of an ISO-8601 instant. The node writes nanoseconds ('…25.836688727Z'); not every
 * browser parses more than three fraction digits, so they are cut to milliseconds first.
 */
export function millis(iso) {
  return Date.parse(String(iso).replace(/(\.\d{3})\d+/, '$1'));
}

/** An ISO-8601 instant as Beijing time, 'yyyy-MM-dd HH:mm'; '-' for none or garbage. */
export function beijingTime(iso) {
  if (!iso) return '-';
  const d = new Date(millis(iso));
  if (Number.isNaN(d.getTime())) return '-';
  const p = Object.fromEntries(BEIJING.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/**
 * A datetime-local value ('2026-12-31T18:00') read as Beijing time, as an ISO instant.
 * China keeps UTC+8 all year (no daylight saving since 1991), so the offset is fixed.
 */
export function beijingInputToIso(value) {
  if (!value) return null;
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(value.trim());
  if (!m) return null;
  const d = new Date(`${m[1]}T${m[2]}${m[3] ?? ':00'}+08:00`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

const BEIJING_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
});

/**
 * Today (or the day of `now`) in Beijing as 'yyyy-MM-dd'. Not the UTC date of toISOString(),
 * which is still yesterday in Beijing until 08:00, nor the day in the browser's own zone.
 */
export function beijingToday(now = new Date()) {
  const p = Object.fromEntries(BEIJING_DAY.formatToParts(now).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * A day as typed, read the Chinese way (year first): '2026-12-07', '2026-12-7', '2026/12/7',
 * '2026.12.7', '20261207' or '2026年12月7日' → '2026-12-07'; '' for nothing typed; null when it
 * is not a day of the calendar (2026-02-30, 12/07/2026).
 */
export function parseDay(text) {
  const t = String(text ?? '').trim();
  if (!t) return '';
  const m = /^(\d{4})(?:\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))$/.exec(t);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2] ?? m[4]);
  const d = Number(m[3] ?? m[5]);
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 'yyyy-MM-dd' as Chinese write it: '2026年12月7日'; '' when it is not a day. */
export function chineseDate(day) {
  const v = parseDay(day);
  if (!v) return '';
  const [y, mo, d] = v.split('-');
  return `${y}年${Number(mo)}月${Number(d)}日`;
}

/** '兴和县烟草专卖局' → '兴和县'. */
export function shortName(name) {
  const suffix = '烟草专卖局';
  return name && name.endsWith(suffix) && name.length > suffix.length
    ? name.slice(0, -suffix.length)
    : name || '';
}

/** Bureau code → short name, from GET /api/v1/roster. */
export function bureauNames(roster) {
  const names = {};
  for (const m of roster?.members ?? []) names[m.bureau] = shortName(m.name);
  return names;
}

/** '150924 兴和县', or the code alone when the name is not known. */
export function bureauLabel(code, names) {
  if (!code) return '-';
  return names && names[code] ? `${code} ${names[code]}` : code;
}

/**
 * The LeadDraft (POST /api/v1/leads body) from the form's values: text trimmed, empty optional
 * fields left out, entity rows without a value dropped, expiry read as Beijing time.
 */
export function buildDraft(v) {
  const text = (s) => (typeof s === 'string' ? s.trim() : '');
  const draft = {
    officer: text(v.officer),
    category: v.category,
    title: text(v.title),
    narrative: text(v.narrative),
    urgency: v.urgency || 'ROUTINE',
    entities: (v.entities ?? [])
      .map((e) => (text(e.role) ? { type: e.type, value: text(e.value), role: text(e.role) } : { type: e.type, value: text(e.value) }))
      .filter((e) => e.value !== ''),
    targetBureaus: [...(v.targetBureaus ?? [])],
    distribution: 'MEMBERS',
  };
  const location = text(v.location);
  if (location) draft.location = location;
  const expires = beijingInputToIso(v.expiresAt);
  if (expires) draft.expiresAt = expires;
  return draft;
}

/**
 * Where a problem's field (a JSON pointer such as '/entities/0/value') is in the form:
 * 'entities.0.value', 'targetBureaus', 'title'; null when the problem names no field.
 */
export function formField(pointer) {
  if (!pointer || !pointer.startsWith('/')) return null;
  const parts = pointer.slice(1).split('/');
  if (parts[0] === 'targetBureaus') return 'targetBureaus';
  if (parts[0] === 'entities' && parts.length >= 3) return `entities.${parts[1]}.${parts[2]}`;
  return parts[0] || null;
}

/** What an officer should understand of the refusals about sign-in, roles and limits. */
const PROBLEM_WORDS = {
  'invalid-credentials': '人员编号、密码或动态口令不对',
  'invalid-token': '未登录或登录已过期，请重新登录',
  'locked-out': '连续登录失败，该人员已被暂时锁定',
  'rate-limited': '请求过于频繁',
  forbidden: '你的角色无权执行此操作',
  impersonation: '只能以登录人员本人的名义操作',
};

/**
 * Whether a text from the node may be shown to an officer: Chinese, or a code (ACCESS_LOG_READ);
 * the node answers in Chinese when asked (Accept-Language), an English sentence is not shown.
 */
export function readable(text) {
  if (typeof text !== 'string' || !text) return false;
  return /[\u4e00-\u9fff]/.test(text) || !/[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(text);
}

/** The words of a request's fields, for problems that name them ('/title' → '标题'). */
export const FIELD = {
  officer: '人员', category: '类别', title: '标题', narrative: '线索内容', urgency: '紧急程度',
  location: '地点', expiresAt: '有效期', targetBureaus: '发送对象', distribution: '分发范围',
  entities: '涉及对象', feedback: '反馈内容', outcome: '办结结果', caseNumber: '案件编号', to: '移交对象',
  note: '备注', event: '操作', name: '姓名', roles: '角色', password: '密码', phone: '电话',
};

/** '/entities/0/value' → '涉及对象 第 1 项'; '/title' → '标题'; unknown pointers as they are. */
export function fieldName(pointer) {
  const parts = String(pointer ?? '').replace(/^\//, '').split('/');
  const word = FIELD[parts[0]];
  if (!word) return String(pointer);
  return parts.length > 1 && /^\d+$/.test(parts[1]) ? `${word} 第 ${Number(parts[1]) + 1} 项` : word;
}

/**
 * One sentence for a problem document (RFC 9457), as the officer should read it; with the wait a
 * 429's Retry-After asked for (seconds).
 */
export function problemText(problem, status, retryAfter) {
  const wait = retryAfter ? `，请 ${retryAfter} 秒后重试` : '';
  if (!problem || typeof problem !== 'object') return `请求失败（HTTP ${status ?? '?'}）${wait}`;
  const type = String(problem.type ?? '');
  const words = PROBLEM_WORDS[type.slice(type.lastIndexOf('/') + 1)];
  const parts = [words ?? (readable(problem.title) ? problem.title : '请求失败')];
  if (readable(problem.detail) && problem.detail !== parts[0]) parts.push(problem.detail);
  else if (/\b[A-Z][A-Z_]{3,}\b/.test(problem.detail ?? '')) parts.push(/\b[A-Z][A-Z_]{3,}\b/.exec(problem.detail)[0]);
  const fields = problem.errors?.length ? problem.errors.map((e) => e.field) : [problem.field];
  const named = fields.filter(Boolean).map(fieldName);
  if (named.length) parts.push(`字段 ${named.join('、')}`);
  return `${parts.join('：')}（HTTP ${problem.status ?? status ?? '?'}）${wait}`;
}

/** The node's roles in words. */
export const ROLE = {
  LIAISON: '联络员',
  INVESTIGATOR: '办案员',
  CHIEF: '局领导',
  PRICE_CHECKER: '价格互查员',
  ADMIN: '管理员',
  AUDITOR: '审计员',
  SUPERVISOR: '上级局（只读）',
};

/**
 * The part of the node's access policy (AccessPolicy) that the console needs, to offer only what
 * the officer may do; the node decides in any case.
 */
const ALLOWED = {
  LEAD_READ: ['LIAISON', 'INVESTIGATOR', 'CHIEF', 'AUDITOR'],
  LEAD_WRITE: ['LIAISON', 'INVESTIGATOR', 'CHIEF'],
  EVENTS_READ: ['LIAISON', 'INVESTIGATOR', 'CHIEF', 'PRICE_CHECKER'],
  CASE_READ: ['LIAISON', 'INVESTIGATOR', 'CHIEF', 'AUDITOR'],
  CASE_WRITE: ['INVESTIGATOR', 'CHIEF'],
  SEARCH: ['LIAISON', 'INVESTIGATOR', 'CHIEF', 'AUDITOR'],
  ROSTER_READ: ['LIAISON', 'INVESTIGATOR', 'CHIEF', 'PRICE_CHECKER', 'ADMIN', 'AUDITOR'],
  DIRECTORY_WRITE: ['LIAISON', 'CHIEF', 'ADMIN'],
  QUARANTINE_READ: ['ADMIN', 'AUDITOR'],
  AUDIT_READ: ['AUDITOR', 'ADMIN', 'CHIEF'],
  ACCESS_LOG_READ: ['AUDITOR', 'ADMIN'],
  BACKUP: ['ADMIN'],
  OFFICER_ADMIN: ['ADMIN'],
  ACTION_READ: ['LIAISON', 'INVESTIGATOR', 'CHIEF', 'AUDITOR', 'SUPERVISOR'],
  ACTION_WRITE: ['LIAISON', 'INVESTIGATOR', 'CHIEF'],
  REPORT_READ: ['LIAISON', 'INVESTIGATOR', 'CHIEF', 'AUDITOR', 'SUPERVISOR', 'PRICE_CHECKER'],
  REPORT_WRITE: ['CHIEF'],
  SETTINGS_READ: ['LIAISON', 'INVESTIGATOR', 'CHIEF', 'PRICE_CHECKER', 'ADMIN', 'AUDITOR', 'SUPERVISOR'],
  SETTINGS_AGREE: ['CHIEF'],
  AREA_READ: ['LIAISON', 'INVESTIGATOR', 'CHIEF', 'AUDITOR'],
  AREA_WRITE: ['CHIEF'],
  FORM_READ: ['LIAISON', 'INVESTIGATOR', 'CHIEF', 'AUDITOR'],
  FORM_WRITE: ['LIAISON', 'INVESTIGATOR', 'CHIEF'],
  MAJOR_READ: ['LIAISON', 'INVESTIGATOR', 'CHIEF', 'AUDITOR', 'SUPERVISOR'],
  INFORMANT_READ: ['LIAISON', 'INVESTIGATOR', 'CHIEF', 'AUDITOR'],
  INFORMANT_WRITE: ['LIAISON', 'INVESTIGATOR', 'CHIEF'],
  REWARD_READ: ['LIAISON', 'INVESTIGATOR', 'CHIEF', 'AUDITOR', 'SUPERVISOR'],
  REWARD_WRITE: ['CHIEF'],
};

/** Whether an officer with these roles may do the action. */
export function can(roles, action) {
  return (roles ?? []).some((r) => (ALLOWED[action] ?? []).includes(r));
}

/** '150924-001 联络员24（联络员、办案员、局领导）' for the header. */
export function officerLabel(officer) {
  if (!officer) return '';
  const order = Object.keys(ROLE);
  const roles = [...(officer.roles ?? [])]
    .sort((a, b) => order.indexOf(a) - order.indexOf(b))
    .map((r) => label(ROLE, r));
  return `${officer.id} ${officer.name ?? ''}`.trim() + (roles.length ? `（${roles.join('、')}）` : '');
}

/**
 * Adds a lead (a LeadView) to a newest-first list: replaces the copy with the same id, else
 * inserts it in order of postedAt (ties by id, as the node orders them). Returns a new array.
 */
export function mergeLead(list, view) {
  const rest = list.filter((x) => x.id !== view.id);
  const at = millis(view.postedAt);
  const i = rest.findIndex((x) => millis(x.postedAt) < at
    || (millis(x.postedAt) === at && x.id < view.id));
  if (i < 0) return [...rest, view];
  return [...rest.slice(0, i), view, ...rest.slice(i)];
}

/** Applies a transition event's data (leadId, state, owner) to the list's copy of the lead. */
export function applyTransition(list, data) {
  if (!data?.leadId || !data.state) return list;
  return list.map((x) => (x.id === data?.leadId
    ? { ...x, status: { ...(x.status ?? {}), state: data.state, owner: data.owner ?? null } }
    : x));
}

/** One line for the live feed from an event type and its parsed data. */
export function feedLine(type, data, names) {
  const what = label(EVENTS, type);
  if (type === 'case.major') {
    return {
      time: data?.filedOn ?? '',
      text: `${what} · ${bureauLabel(data?.bureau, names)} · ${data?.caseNumber} · ${(Number(data?.valueFen ?? 0) / 1000000).toFixed(2)} 万元`,
      leadId: null,
    };
  }
  if (type === 'lead.posted') {
    const lead = data?.lead;
    const title = lead ? `[${label(CATEGORY, lead.category)}] ${lead.title}` : '（密封内容）';
    return {
      time: beijingTime(data?.postedAt),
      text: `${what} · ${bureauLabel(data?.originBureau, names)} · ${title}`,
      leadId: data?.id ?? null,
    };
  }
  if (type === 'price.finding') {
    const f = data?.finding ?? {};
    const spec = f.spec ? `(${f.spec})` : '';
    return {
      time: beijingTime(f.at),
      text: `${what} · ${bureauLabel(data?.checkingBureau, names)}检查 · 零售户 ${f.licence ?? '-'} ${f.brand ?? ''}${spec} 偏差 ${f.deviationYuan == null ? '-' : Number(f.deviationYuan).toFixed(2)} 元`,
      leadId: null,
    };
  }
  if (type === 'price.check.recorded') {
    return {
      time: '',
      text: `${what} · ${bureauLabel(data?.checkingBureau, names)}检查${bureauLabel(data?.checkedBureau, names)} · ${data?.visits ?? 0} 户次，不合规 ${data?.nonCompliant ?? 0} 项`,
      leadId: null,
    };
  }
  if (type === 'price.gap') {
    const spec = data?.spec ? `(${data.spec})` : '';
    return {
      time: '',
      text: `${what} · ${bureauLabel(data?.a, names)}与${bureauLabel(data?.b, names)} · ${data?.brand ?? ''}${spec} 约定价差 ${data?.agreedGap == null ? '-' : Number(data.agreedGap).toFixed(2)} 元/条`,
      leadId: null,
    };
  }
  const t = data?.transition ?? {};
  const state = data?.state ? ` → ${label(STATE, data.state)}` : '';
  const title = data?.title ? ` · ${data.title}` : '';
  return {
    time: beijingTime(t.at),
    text: `${what} · ${bureauLabel(t.bureau, names)}${title}${state}`,
    leadId: data?.leadId ?? null,
  };
}

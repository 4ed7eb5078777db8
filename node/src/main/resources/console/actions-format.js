// Joint operations (联合行动) in the console: labels and which steps an officer can take, kept
// apart from actions.js so that they can be tested without a browser (node --test).

export const PLAN_STATE = {
  DRAFT: '草稿', PROPOSED: '待审批', APPROVED: '已批准', ACTIVE: '实施中',
  COMPLETED: '已完成', SUMMARIZED: '已总结', CANCELLED: '已取消',
};
export const PLAN_KIND = {
  CLEAN_UP: '集中整治', NETWORK_CASE: '网络案件行动', CHECKPOINT: '联合查堵', MARKET_INSPECTION: '市场检查',
};
export const CONFLICT_KIND = {
  TARGET: '目标重叠', PLACE_TIME: '同时同地', OPEN_RECORD: '目标在对方在办线索/案件中',
};
export const STEP_LABEL = {
  PROPOSE: '提交审批', APPROVE: '局长签批', ACTIVATE: '启动行动', BRIEF: '记录例会',
  REPORT_RESULT: '填报战果', COMPLETE: '行动结束', SUMMARIZE: '填写总结', CANCEL: '取消行动',
};

/**
 * The steps the signed-in officer of bureau `self` with `roles` can take on `plan` now, in the
 * order shown: the lead bureau's, a participant's, and the chief's approval of the current version.
 */
export function stepsFor(plan, self, roles) {
  if (!plan || plan.sealed) return [];
  const lead = plan.leadBureau === self;
  const chief = (roles ?? []).includes('CHIEF');
  const signed = (plan.approvals ?? []).some((a) => a.bureau === self && a.current);
  const out = [];
  switch (plan.state) {
    case 'DRAFT':
      if (lead) out.push('PROPOSE', 'CANCEL');
      break;
    case 'PROPOSED':
      if (chief && !signed) out.push('APPROVE');
      if (lead) out.push('CANCEL');
      break;
    case 'APPROVED':
      if (lead) out.push('ACTIVATE', 'CANCEL');
      break;
    case 'ACTIVE':
      out.push('BRIEF', 'REPORT_RESULT');
      if (lead) out.push('COMPLETE', 'CANCEL');
      break;
    case 'COMPLETED':
      out.push('REPORT_RESULT');
      if (lead) out.push('SUMMARIZE');
      break;
    default:
  }
  return out;
}

/** 条 and 元 as typed into the results form → the wire's sticks and fen. */
export function resultFrom(form) {
  const n = (k) => Math.max(0, Math.round(Number(form[k] ?? 0) || 0));
  return {
    officerTimes: n('officerTimes'), vehicleTimes: n('vehicleTimes'),
    premisesChecked: n('premisesChecked'), casesOpened: n('casesOpened'),
    sticksSeized: n('cartons') * 200, valueFen: n('yuan') * 100,
    personsDetained: n('personsDetained'), personsTransferred: n('personsTransferred'),
    casesToMarketRegulation: n('casesToMarketRegulation'),
  };
}

/** The plan with the checklist's gaps filled from the quick form (area, rally point, leaders, tasks). */
export function completedPlan(plan, quick) {
  const list = (s) => String(s ?? '').split(/[,，、;；\n]/).map((x) => x.trim()).filter(Boolean);
  const out = structuredClone(plan);
  if (list(quick.area).length) out.area = list(quick.area);
  if (String(quick.rallyPoint ?? '').trim()) out.rallyPoint = String(quick.rallyPoint).trim();
  for (const c of out.commitments ?? []) {
    const leader = String(quick[`leader-${c.bureau}`] ?? '').trim();
    const task = String(quick[`task-${c.bureau}`] ?? '').trim();
    if (leader) c.leaders = [leader];
    if (task) c.tasks = list(task);
  }
  return out;
}

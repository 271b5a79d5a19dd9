// Tip status rules: pure, table-tested.

export type TipStatus = "new" | "taken" | "verifying" | "done" | "unfounded";
export type TipAction = "take" | "verify" | "done" | "unfounded";

export const OPEN_STATUSES: TipStatus[] = ["new", "taken", "verifying"];

export function isOpen(status: string): boolean {
  return (OPEN_STATUSES as string[]).includes(status);
}

const transitions: Record<TipAction, { from: TipStatus[]; to: TipStatus }> = {
  take: { from: ["new"], to: "taken" },
  verify: { from: ["new", "taken"], to: "verifying" },
  done: { from: ["new", "taken", "verifying"], to: "done" },
  unfounded: { from: ["new", "taken", "verifying"], to: "unfounded" },
};

/** The status after an action, or null when the action is not allowed from there. */
export function nextStatus(current: string, action: TipAction): TipStatus | null {
  const rule = transitions[action];
  return (rule.from as string[]).includes(current) ? rule.to : null;
}

export function isTipAction(value: string): value is TipAction {
  // Own keys only: "constructor", "toString" or "__proto__" from a forged button are not actions.
  return Object.hasOwn(transitions, value);
}

/**
 * Escalation of a tip nobody took: level 1 re-alerts officers after `afterMinutes`,
 * level 2 alerts leaders after another `afterMinutes`. Returns the level now due, or null.
 */
export function escalationDue(
  tip: { status: string; escalationLevel: number; lastAlertAt: Date },
  now: Date,
  afterMinutes: number,
): 1 | 2 | null {
  if (tip.status !== "new" || tip.escalationLevel >= 2) return null;
  if (now.getTime() - tip.lastAlertAt.getTime() < afterMinutes * 60_000) return null;
  return (tip.escalationLevel + 1) as 1 | 2;
}

/** Everything an officer or leader can do on a tip from its view or its alert. */
export type CaseAction = TipAction | "ask" | "note" | "assign" | "extend" | "reopen";

const byStatus: Record<TipStatus, CaseAction[]> = {
  new: ["take", "verify", "done", "unfounded", "ask", "note", "assign"],
  taken: ["verify", "done", "unfounded", "ask", "note", "assign", "extend"],
  verifying: ["done", "unfounded", "ask", "note", "assign", "extend"],
  // A closed tip: only reopened (with a reason), nothing asked of its tipster.
  done: ["reopen"],
  unfounded: ["reopen"],
};

/** What may be done on a tip in this status (who may is the domain's `can`); an unknown status allows nothing. */
export function allowedActions(status: string): CaseAction[] {
  return Object.hasOwn(byStatus, status) ? byStatus[status as TipStatus] : [];
}

export function actionAllowed(status: string, action: CaseAction): boolean {
  return allowedActions(status).includes(action);
}

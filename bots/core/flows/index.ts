// Every flow, and what the engine does with them: find a stored state's flow, validate it, and
// the one behaviour of Hủy, Quay lại and expiry. A new flow is one file here plus its line below.
import type { CoreSettings } from "../../../src/messaging/deps.js";
import type { Flow } from "../registry.js";
import { IDLE, type State } from "../state.js";
import { mainMenu, type Turn } from "../turn.js";
import ask from "./ask.js";
import bulletins from "./bulletins.js";
import caseFlow from "./case.js";
import figures from "./figures.js";
import unitFigures from "./unit-figures.js";
import followup from "./followup.js";
import tipoff from "./tipoff.js";
import intake from "./intake.js";
import transfer from "./transfer.js";
import marks from "./marks.js";
import localBulletins from "./local-bulletins.js";
import { viMessages, type Messages } from "../../../src/i18n/messages.js";

export const FLOWS: readonly Flow[] = [tipoff, followup, ask, figures, unitFigures, bulletins, intake, caseFlow, transfer, marks, localBulletins];

const byStep = new Map<string, Flow>();
for (const flow of FLOWS) {
  for (const step of flow.steps) {
    if (step === "idle" || byStep.has(step)) throw new Error(`flow ${flow.id}: step "${step}" is taken`);
    byStep.set(step, flow);
  }
}

export function flowOf(state: State): Flow | null {
  return byStep.get(state.step) ?? null;
}

/** A stored state as the engine keeps it: the state and its flow's version. */
export function storeState(state: State): string | null {
  const flow = flowOf(state);
  return flow ? JSON.stringify({ ...state, v: flow.version }) : null;
}

/**
 * A stored state, read back: idle when nothing is stored; `broken` when something is stored that no
 * flow of this version recognises (an old shape, an unknown step, a damaged row), which ends with a notice.
 */
export function loadState(json: string | null | undefined): { state: State; broken: boolean } {
  if (!json) return { state: IDLE, broken: false };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { state: IDLE, broken: true };
  }
  if (!value || typeof value !== "object") return { state: IDLE, broken: true };
  const { v, ...rest } = value as { v?: unknown; step?: unknown };
  if (rest.step === "idle") return { state: IDLE, broken: false };
  const flow = typeof rest.step === "string" ? byStep.get(rest.step) : undefined;
  // States written before versions existed are version 1.
  if (!flow || (v ?? 1) !== flow.version) return { state: IDLE, broken: true };
  const parsed = flow.schema.safeParse(rest);
  return parsed.success ? { state: parsed.data, broken: false } : { state: IDLE, broken: true };
}

/** What to tell the person whose state expired unfinished, if anything. */
export function expiredNotice(state: State, settings: CoreSettings, t: Messages = viMessages): string | null {
  return flowOf(state)?.expiredNotice?.(settings, t) ?? null;
}

/** Hủy, by button or command: the flow's own words; with nothing under way, say so. */
export async function cancelFlow(turn: Turn): Promise<void> {
  const flow = flowOf(turn.state);
  if (flow) return flow.cancel(turn, turn.state);
  nothingUnderWay(turn);
}

/** Quay lại, by button or command: the flow's step back, or its Hủy when it has none. */
export async function backFlow(turn: Turn): Promise<void> {
  const flow = flowOf(turn.state);
  if (!flow) return nothingUnderWay(turn);
  return flow.back ? flow.back(turn, turn.state) : flow.cancel(turn, turn.state);
}

function nothingUnderWay(turn: Turn): void {
  turn.state = IDLE;
  // An officer's stale Hủy: staff words, not the citizen's "report a tip".
  if (turn.staff) turn.reply(turn.t.staff.desk.nothingToCancel);
  else turn.reply(turn.t.citizen.flow.nothingToCancel, mainMenu(turn.t));
}

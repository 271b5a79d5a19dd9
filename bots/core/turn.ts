import type { Db } from "../../src/db/client.js";
import type { Keyring } from "../../src/crypto/keys.js";
import type { Logger } from "../../src/log.js";
import type { TipDeps } from "../../src/tips/service.js";
import type { Choice, Incoming, OutgoingMessage } from "./types.js";
import type { State } from "./state.js";
import { vi } from "../../src/i18n/vi.js";
import type { ComplianceDeps } from "../../src/compliance/service.js";
import { viBulletins } from "../../src/i18n/vi-bulletins.js";

export interface CoreSettings {
  draftTtlMinutes: number;
  tipsPerHour: number;
  globalTipsPerMinute: number;
  escalateAfterMinutes: number;
  addressRetentionDays: number;
  demo: boolean;
  /** A flood's held tips: one summary alert per commune per this many minutes (default 15). */
  heldSummaryMinutes?: number;
  /** Wrong receipt codes server-wide per minute, across all senders; beyond it every try waits (default 30). */
  wrongCodesPerMinute?: number;
}

export interface CoreDeps extends TipDeps {
  db: Db;
  keys: Keyring;
  log: Logger;
  settings: CoreSettings;
  /** Statistics: criteria sets, bulletin coverage, report renderers, reminder days (defaults when absent). */
  compliance?: ComplianceDeps;
  /** Between units of background work: lets waiting webhooks go first (Node); a plain yield elsewhere. */
  pause?: () => Promise<void>;
}

export interface StaffRow {
  id: number;
  displayName: string;
  role: string;
  communeId: number | null;
  villageId: number | null;
  /** A province admin's province (no commune); null/absent otherwise. */
  provinceId?: number | null;
  active: boolean;
}

/** One incoming message being handled: who, where, the state, and the replies collected. */
export class Turn {
  readonly replies: OutgoingMessage[] = [];
  constructor(
    readonly deps: CoreDeps,
    readonly incoming: Incoming,
    public state: State,
    readonly staff: StaffRow | null,
  ) {}

  reply(text: string, choices?: Choice[][]): void {
    this.replies.push(choices && choices.length > 0 ? { text, choices } : { text });
  }

  /** A reply carrying a secret (a receipt code): no copy stays on the server once it is delivered. */
  replySecret(text: string): void {
    this.replies.push({ text, secret: true });
  }

  now(): Date {
    return this.deps.now();
  }
}

export const navRow = (withBack = true): Choice[] =>
  withBack
    ? [
        { label: vi.buttons.back, data: "nav:back" },
        { label: vi.buttons.cancel, data: "nav:cancel" },
      ]
    : [{ label: vi.buttons.cancel, data: "nav:cancel" }];

export const mainMenu = (): Choice[][] => [
  [{ label: vi.buttons.report, data: "menu:report" }],
  [{ label: vi.buttons.followUp, data: "menu:followup" }],
  [{ label: viBulletins.buttons.subscribe, data: "sub:start" }],
  [
    { label: vi.buttons.privacy, data: "menu:privacy" },
    { label: vi.buttons.help, data: "menu:help" },
  ],
];

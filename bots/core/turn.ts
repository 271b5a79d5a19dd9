import type { CoreSettings, RuntimeDeps, StaffRow } from "../../src/messaging/deps.js";
import type { Channel, Choice, CommandMenuEntry, Incoming, OutgoingMessage } from "../../src/messaging/types.js";
import type { State } from "./state.js";
import { viMessages, type Messages } from "../../src/i18n/messages.js";
import type { ComplianceDeps } from "../../src/compliance/service.js";
import { menu, nav, subscription } from "../../src/messaging/buttons.js";
import type { ArticlePublisher } from "../../src/bulletins/zalo-digest.js";

export type { CoreSettings, StaffRow };

/** What the core and the domain functions it calls need (TipDeps is a part of RuntimeDeps). */
export interface CoreDeps extends RuntimeDeps {
  settings: CoreSettings;
  /** Statistics: criteria sets, bulletin coverage, report renderers, reminder days (defaults when absent). */
  compliance?: ComplianceDeps;
  /** The Zalo OA's articles, for the weekly digest broadcast (absent without Zalo or a public URL). */
  articles?: ArticlePublisher;
}

/** Who is reading a help text or a command menu. */
export interface HelpViewer {
  staff: StaffRow | null;
  channel: Channel;
  /** The reader's catalog; Vietnamese when absent. */
  t?: Messages;
}

/** What a turn asks of the command registry, which the engine passes in (the registry imports the turn). */
export interface TurnServices {
  help(viewer: HelpViewer): string;
  menu(viewer: HelpViewer): CommandMenuEntry[];
}

/** One incoming message being handled: who, where, the state, and the replies collected. */
export class Turn {
  readonly replies: OutgoingMessage[] = [];
  constructor(
    readonly deps: CoreDeps,
    readonly incoming: Incoming,
    public state: State,
    readonly staff: StaffRow | null,
    private readonly services: TurnServices,
    /** Every word this person reads, in the locale of their conversation (the one they chose, or Vietnamese). */
    readonly t: Messages = viMessages,
  ) {}

  /** The help text for this person (or for `staff`, just registered), on this channel. */
  helpText(staff: StaffRow | null = this.staff): string {
    return this.services.help({ staff, channel: this.incoming.channel, t: this.t });
  }

  /** Gives this private chat the command menu of `staff` (Telegram; others have no menu). */
  replyCommandMenu(staff: StaffRow): void {
    if (this.incoming.channel !== "telegram" || this.incoming.chat.isGroup) return;
    this.replies.push({ text: "", commandMenu: this.services.menu({ staff, channel: this.incoming.channel }) });
  }

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

export const navRow = (t: Messages, withBack = true): Choice[] =>
  withBack
    ? [
        { label: t.citizen.buttons.back, data: nav.pack("back") },
        { label: t.citizen.buttons.cancel, data: nav.pack("cancel") },
      ]
    : [{ label: t.citizen.buttons.cancel, data: nav.pack("cancel") }];

export const mainMenu = (t: Messages): Choice[][] => [
  [{ label: t.citizen.buttons.report, data: menu.pack("report") }],
  [{ label: t.citizen.buttons.followUp, data: menu.pack("followup") }],
  [{ label: t.bulletins.buttons.subscribe, data: subscription.pack("start") }],
  [
    { label: t.citizen.buttons.privacy, data: menu.pack("privacy") },
    { label: t.citizen.buttons.help, data: menu.pack("help") },
  ],
];

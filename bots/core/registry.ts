// The shapes of the command, button and flow registry. A command, a button kind or a flow is one
// declaration (under bots/core/commands, bots/core/buttons or bots/core/flows, listed in that
// folder's index.ts); the engine derives routing, the staff check, cancel and back, expiry notices,
// help by role and Telegram's command menu from these declarations.
import type { z } from "zod";
import type { StaffAction } from "../../src/staff/roles.js";
import type { Channel } from "../../src/messaging/types.js";
import type { CoreSettings } from "../../src/messaging/deps.js";
import type { Codec } from "../../src/messaging/buttons.js";
import type { State } from "./state.js";
import type { HelpViewer, StaffRow, Turn } from "./turn.js";
import type { Messages } from "../../src/i18n/messages.js";

/** The help text's sections, in the order they are shown. */
export const HELP_SECTIONS = ["citizen", "tips", "compliance", "bulletins", "accounts"] as const;
export type HelpSectionId = (typeof HELP_SECTIONS)[number];

export interface StaffViewer extends HelpViewer {
  staff: StaffRow;
}

type HelpLines = string | readonly string[] | null;

/** Help lines taken from the reader's catalog (`turn.t`), for entries citizens read. */
export interface LocalizedLines {
  inLocale(t: Messages): HelpLines;
}

/** `lines: inLocale((t) => t.commands.privacy.help)`: the words in the reader's locale. */
export const inLocale = (pick: (t: Messages) => HelpLines): LocalizedLines => ({ inLocale: pick });

/** One part of a command's help: where it goes, who sees it, the words. */
export interface HelpEntry {
  section: HelpSectionId;
  /** Everyone (citizens and staff), any staff member, or staff whose role may do this action (src/staff/roles.ts). */
  shownTo: "everyone" | "staff" | StaffAction;
  /** Channels where the command has nothing to do (the web chat has no groups and no second account). */
  notOn?: readonly Channel[];
  /** A function when the words depend on the reader's role; null hides the entry from that reader; `inLocale` for the reader's catalog. */
  lines: HelpLines | LocalizedLines | ((viewer: StaffViewer) => HelpLines);
}

interface CommandBase {
  /** Typed after "/": the first is the one shown; the others are aliases (unaccented or English words). */
  names: readonly [string, ...string[]];
  /** In a group chat: run it, answer that it works only in a private chat, or stay silent. */
  inGroups: "run" | "private_only" | "silent";
  help?: readonly HelpEntry[];
  /** Telegram's command menu: its short description. Shown to whoever may see one of its help entries there. */
  menu?: string;
}

export interface AnyoneCommand extends CommandBase {
  for: "anyone";
  run(turn: Turn, args: string): Promise<void> | void;
}

/** Staff only: others get the one "not staff" refusal; the domain still checks role and scope. */
export interface StaffCommand extends CommandBase {
  for: "staff";
  run(turn: Turn, args: string, staff: StaffRow): Promise<void> | void;
}

export type CommandSpec = AnyoneCommand | StaffCommand;

export function defineCommand<C extends CommandSpec>(spec: C): C {
  return spec;
}

/** A dialogue that spans several messages: its stored state, and what every way out of it does. */
interface FlowBase<S extends State> {
  id: string;
  /** The `step` values of its state; no two flows share one. */
  steps: readonly [S["step"], ...S["step"][]];
  /** Bumped when the stored shape changes: an older stored state ends with a notice instead of being misread. */
  version: number;
  /** Validates a stored state on load; one that does not parse ends with a notice. */
  schema: z.ZodType<S>;
  /** Continues in group chats (an officer typing a question to a tipster in the alert group). */
  inGroups?: boolean;
  /** Hủy (button or /huy). */
  cancel(turn: Turn, state: S): Promise<void> | void;
  /** Quay lại (button or /quaylai); without it, back cancels. */
  back?(turn: Turn, state: S): Promise<void> | void;
  /** What to say when the state expired unfinished (in the sweep or at the next message); null: nothing. */
  expiredNotice?(settings: CoreSettings, t: Messages): string | null;
  /** An unknown command typed in the middle of it: say so and ask the current question again. */
  reprompt?(turn: Turn, state: S): Promise<void> | void;
  /** Its web-chat pictures are not attached until it ends: when it ends they go. */
  ownsUploads?: boolean;
}

interface AnyoneFlowSpec<S extends State> extends FlowBase<S> {
  staffOnly?: false;
  /** An incoming that is neither a command nor a global button. */
  continue(turn: Turn, state: S): Promise<void> | void;
}

/** Only staff continue it: a revoked officer's state ends quietly and the message is handled as if idle. */
interface StaffFlowSpec<S extends State> extends FlowBase<S> {
  staffOnly: true;
  continue(turn: Turn, state: S, staff: StaffRow): Promise<void> | void;
}

export type FlowSpec<S extends State> = AnyoneFlowSpec<S> | StaffFlowSpec<S>;

/** A flow with its state type erased: the engine calls it only with states it parsed with its schema. */
export type Flow = FlowSpec<State>;

export function defineFlow<S extends State>(spec: FlowSpec<S>): Flow {
  return spec as unknown as Flow;
}

/**
 * A button that works from anywhere (a message in the chat's history, whatever the conversation is
 * doing): one typed codec of src/messaging/buttons.ts and what pressing it does. Buttons that only
 * mean something inside a flow are that flow's business, not declared here.
 */
interface ButtonBase<V> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- only the parse side matters here
  codec: Codec<any, V>;
}

interface AnyoneButton<V> extends ButtonBase<V> {
  for: "anyone";
  /** `false`: the data parsed but means nothing here; the engine goes on as for any other input. */
  run(turn: Turn, value: V): Promise<void | false> | void | false;
  /**
   * Data of this kind (its prefix) that does not parse: forged, malformed or from an older version.
   * Answered here ("not found"), never read as another kind; without it, such data goes on to the flow.
   */
  forged?(turn: Turn): Promise<void> | void;
}

/** Staff only: others get the one "not staff" refusal (forged ones too); the domain checks role and scope. */
interface StaffButton<V> extends ButtonBase<V> {
  for: "staff";
  run(turn: Turn, value: V, staff: StaffRow): Promise<void | false> | void | false;
  forged?(turn: Turn, staff: StaffRow): Promise<void> | void;
}

export type ButtonSpec<V> = AnyoneButton<V> | StaffButton<V>;

/** A button with its value type erased: the engine passes each run only what its own codec parsed. */
export type Button = ButtonSpec<unknown>;

export function defineButton<V>(spec: ButtonSpec<V>): Button {
  return spec as unknown as Button;
}

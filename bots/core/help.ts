// The help text and Telegram's command menu, derived from the command registry: each command's
// help entries say where they go and who sees them; the role table (src/staff/roles.ts) decides.
import { viMessages, type Messages } from "../../src/i18n/messages.js";
import type { CommandMenuEntry } from "../../src/messaging/types.js";
import { roleMay } from "../../src/staff/roles.js";
import { COMMANDS } from "./commands/index.js";
import { statsReader } from "./help-lines.js";
import { HELP_SECTIONS, type CommandSpec, type HelpEntry, type HelpSectionId, type LocalizedLines } from "./registry.js";
import type { HelpViewer, StaffRow, TurnServices } from "./turn.js";

/** Each section's title and closing line, by reader, in their catalog. */
const sectionsIn = (t: Messages): Record<HelpSectionId, { title(staff: StaffRow | null): string | null; footer?(staff: StaffRow | null): string | null }> => {
  const s = t.commands.sections;
  return {
    citizen: { title: () => s.citizen, footer: () => s.citizenFooter },
    tips: { title: () => s.tips },
    compliance: {
      title: (staff) => (staff ? { village: s.complianceVillage, above: s.complianceAdmin, commune: s.compliance }[statsReader(staff)] : null),
      footer: () => s.complianceFooter,
    },
    bulletins: {
      title: (staff) => (staff?.role === "village_head" ? s.bulletinsVillage : staff?.role === "translator" ? s.bulletinsTranslator : s.bulletins),
      footer: (staff) => (staff?.role === "village_head" ? s.bulletinsVillageFooter : staff && roleMay(staff.role, "translation.review") ? s.bulletinsReviewerFooter : null),
    },
    accounts: { title: () => s.accounts },
  };
};

/** The lines of one help entry this reader sees; none when it is not for them. */
function linesFor(entry: HelpEntry, viewer: HelpViewer): readonly string[] {
  if (entry.notOn?.includes(viewer.channel)) return [];
  const staff = viewer.staff;
  if (entry.shownTo !== "everyone") {
    if (!staff) return [];
    if (entry.shownTo !== "staff" && !roleMay(staff.role, entry.shownTo)) return [];
  }
  const lines =
    typeof entry.lines === "function"
      ? staff
        ? entry.lines({ ...viewer, staff })
        : null
      : isLocalized(entry.lines)
        ? entry.lines.inLocale(viewer.t ?? viMessages)
        : entry.lines;
  if (lines === null) return [];
  return typeof lines === "string" ? [lines] : lines;
}

function isLocalized(lines: HelpEntry["lines"]): lines is LocalizedLines {
  return typeof lines === "object" && lines !== null && !Array.isArray(lines) && "inLocale" in lines;
}

function visibleTo(command: CommandSpec, viewer: HelpViewer): boolean {
  return (command.help ?? []).some((entry) => linesFor(entry, viewer).length > 0);
}

export function helpText(viewer: HelpViewer, commands: readonly CommandSpec[] = COMMANDS): string {
  const parts: string[] = [];
  const sections = sectionsIn(viewer.t ?? viMessages);
  for (const section of HELP_SECTIONS) {
    const lines = commands.flatMap((command) => (command.help ?? []).filter((entry) => entry.section === section).flatMap((entry) => linesFor(entry, viewer)));
    if (lines.length === 0) continue;
    const { title, footer } = sections[section];
    const closing = footer?.(viewer.staff);
    parts.push([title(viewer.staff), ...lines, ...(closing ? ["", closing] : [])].filter((line) => line !== null).join("\n"));
  }
  return parts.join("\n\n");
}

/** Telegram's command menu: every command with a menu line whose help this reader sees. */
export function commandMenu(viewer: HelpViewer, commands: readonly CommandSpec[] = COMMANDS): CommandMenuEntry[] {
  return commands.filter((command) => command.menu && visibleTo(command, viewer)).map((command) => ({ command: command.names[0], description: command.menu! }));
}

/** What a turn gets from the registry (see TurnServices). */
export const registryServices: TurnServices = { help: (viewer) => helpText(viewer), menu: (viewer) => commandMenu(viewer) };

// Every catalog under one typed `Messages`, by audience, and the registry of locales (issue 11).
// The Vietnamese catalog is the reference: `Messages` is its shape with every string widened, so a
// second locale is one more file, `export const en = { … } satisfies Messages`, added to `catalogs`;
// the type checker then lists every string it lacks. A turn reads its locale's catalog as `turn.t`.
import { viAdmin } from "./vi-admin.js";
import { viBulletins } from "./vi-bulletins.js";
import { viCase } from "./vi-case.js";
import { viCommands } from "./vi-commands.js";
import { viCli } from "./vi-cli.js";
import { viCommon } from "./vi-common.js";
import { viCompliance } from "./vi-compliance.js";
import { viData } from "./vi-data.js";
import { viGroups } from "./vi-groups.js";
import { viIntake } from "./vi-intake.js";
import { viMarks } from "./vi-marks.js";
import { viMedia } from "./vi-media.js";
import { viPosters } from "./vi-posters.js";
import { viStaff } from "./vi-staff.js";
import { vi } from "./vi.js";
import { viZaloDelivery } from "./vi-zalo-delivery.js";
import { viZalo, viZaloMedia } from "./vi-zalo.js";
import { viWeb } from "./vi-web.js";
import { viConsole } from "./vi-console.js";
import { viConsoleAdmin } from "./vi-console-admin.js";
import { viTransfer } from "./vi-transfer.js";
import { viFeeds } from "./vi-feeds.js";
import { viLocalBulletins } from "./vi-local-bulletins.js";
import { viUnits } from "./vi-units.js";
import { viAudiences } from "./vi-audiences.js";

/** A catalog's shape with its literal strings widened to `string`: what another locale must fill. */
type Widen<T> = T extends string
  ? string
  : T extends number | boolean | null | undefined
    ? T
    : T extends (...args: infer A) => infer R
      ? (...args: A) => Widen<R>
      : T extends readonly (infer U)[]
        ? readonly Widen<U>[]
        : { readonly [K in keyof T]: Widen<T[K]> };

const reference = {
  /** Back, Cancel, role names, duration units. */
  common: viCommon,
  /** Citizens' words: tip-off, follow-up, privacy, erasure, and the statuses both sides read. */
  citizen: vi,
  /** Each command's accepted words, help lines and menu entry; the help text's sections. */
  commands: viCommands,
  /** Staff: the tip desk, new-tip alerts, the held queue, alert groups, withheld pictures. */
  staff: { ...viStaff, groups: viGroups, media: viMedia },
  /** A tip's life after it is taken: officer, notes, timeline, closing with a result, reopening, deadlines. */
  case: viCase,
  /** Duplicates and spam on a tip: marking, undoing, and where a duplicate's details go. */
  marks: viMarks,
  bulletins: viBulletins,
  compliance: viCompliance,
  /** The Zalo adapters, staff accounts on several messengers, files and letter-keyed choices on Zalo. */
  zalo: viZalo,
  zaloMedia: viZaloMedia,
  zaloDelivery: viZaloDelivery,
  /** The admin command line. */
  admin: viAdmin,
  /** The admin command line's usage lines and argument errors. */
  cli: viCli,
  /** What loaders and imports of data (places CSV, criteria sets, invitations) answer, and the words code matches. */
  data: viData,
  posters: viPosters,
  /** Tips entered by officers (phone, tip box, in person), tip-box slips, the tip register. */
  intake: viIntake,
  /** The web chat's page and its HTTP answers. */
  web: viWeb,
  /** The staff console in the browser (src/console) and /dangnhap, the chat's way into it. */
  console: viConsole,
  /** The console's admin pages (/canbo/quantri): places, staff and invitations, alert groups, posters. */
  consoleAdmin: viConsoleAdmin,
  /** Sending a tip on to another commune or to a police unit. */
  transfer: viTransfer,
  /** Village feeds for loudspeakers and podcast apps (RSS, M3U), and their admin command. */
  feeds: viFeeds,
  /** Bulletins and urgent warnings written by the commune, their approval by a second person and airing. */
  localBulletins: viLocalBulletins,
  /** The reporting units (departments, health station, schools, Front, mass organisations): form, summary, report, reminder. */
  units: viUnits,
  /** Schools and businesses beyond villages: their contacts' bulletins and confirmations, the writer's choice, the admin CLI. */
  audiences: viAudiences,
};

export type Messages = Widen<typeof reference>;

/** The reference catalog: Vietnamese. */
export const viMessages: Messages = reference satisfies Messages;

export type Locale = "vi";

export const DEFAULT_LOCALE: Locale = "vi";

/** Every locale a conversation may be in. */
export const catalogs: Record<Locale, Messages> = { vi: viMessages };

/** The catalog of a stored locale; an unknown or absent one is the default's. */
export function messagesFor(locale: string | null | undefined): Messages {
  return locale && Object.hasOwn(catalogs, locale) ? catalogs[locale as Locale] : catalogs[DEFAULT_LOCALE];
}

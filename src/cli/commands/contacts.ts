// Admin command: the commune police head's and deputies' numbers printed on the village posters.
import { parseContact, setPoliceContacts, type PoliceContact } from "../../places/police-contacts.js";
import { viAdmin } from "../../i18n/vi-admin.js";
import { viPosters } from "../../i18n/vi-posters.js";
import { messagesFor } from "../../i18n/messages.js";
import { ArgsError, parseCommandArgs } from "../args.js";
import type { AdminCommand } from "../types.js";

const cli = messagesFor("vi").cli;
const t = viAdmin.contacts;

export const contactsCommands: AdminCommand[] = [
  {
    name: "police-contacts",
    usage: cli.contacts.usage,
    summary: t.summary,
    async run(ctx, args) {
      const { values, positionals } = parseCommandArgs(args, {
        commune: { type: "string" },
        head: { type: "string" },
        deputy: { type: "string", multiple: true },
        clear: { type: "boolean" },
      } as const);
      if (positionals.length > 0) throw new ArgsError(cli.extra(String(positionals[0])));
      if (!values.commune) throw new ArgsError(cli.places.missing("--commune"));
      const deputies = values.deputy ?? [];
      if (values.clear && (values.head !== undefined || deputies.length > 0)) throw new ArgsError(cli.contacts.clearAlone);
      if (!values.clear && values.head === undefined && deputies.length === 0) throw new ArgsError(cli.contacts.nothing);
      const contacts: PoliceContact[] = [];
      for (const [option, title, text] of [...(values.head !== undefined ? [["--head", "head", values.head] as const] : []), ...deputies.map((d) => ["--deputy", "deputy", d] as const)]) {
        const parsed = parseContact(text);
        if (!parsed.ok) {
          ctx.err(t.bad(option, text, parsed.reason));
          return 1;
        }
        contacts.push({ title, name: parsed.name, phone: parsed.phone });
      }
      const result = await setPoliceContacts(ctx.db, values.commune, contacts);
      if (!result.ok) {
        ctx.err(result.reason === "not_found" ? viAdmin.places.communeUnknown(values.commune) : t.tooMany(4));
        return 1;
      }
      const code = values.commune.toUpperCase();
      ctx.out(result.contacts.length === 0 ? t.cleared(code) : t.saved(code, result.contacts.map((c) => viPosters.policeContact(c.title, c.name, c.phone))));
      return 0;
    },
  },
];

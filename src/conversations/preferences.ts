// What a person chose for themselves and that outlives an idle conversation (today: the catalogs'
// locale). Keyed by pseudonym, never the platform's language code.
import type { Db } from "../db/client.js";

/** /xoadulieu: the person's choices go with the rest of what the chat left on the server. */
export async function forgetPreferences(db: Db, pseudonym: string): Promise<number> {
  return (await db.preference.deleteMany({ where: { pseudonym } })).count;
}

/** The locale the person chose, or null (the default). */
export async function chosenLocale(db: Db, pseudonym: string): Promise<string | null> {
  return (await db.preference.findUnique({ where: { pseudonym } }))?.locale ?? null;
}

// How the bot addresses a staff member: "đồng chí <name>", unless the name an admin typed already
// starts with a title ("Đ/c Lò Văn Sáng", "Ông Mùa A Chứ"), which is then used instead of doubling it.
import { messagesFor } from "../i18n/messages.js";

const msg = messagesFor("vi").data.names;
const TITLES = msg.titles;
// Titles kept as typed; the others read as ordinary words mid-sentence ("Chào ông Mùa A Chứ").
const KEEP_CASE = new Set(msg.keepCase);

/** The title a name starts with (lower case), or null. Matches whole words, any case, any Unicode form. */
export function leadingTitle(name: string): string | null {
  const lower = name.normalize("NFC").trim().toLocaleLowerCase("vi");
  for (const title of TITLES) {
    if (!lower.startsWith(title)) continue;
    const next = lower.charAt(title.length);
    if (next === "" || /[\s.:,]/.test(next)) return title;
  }
  return null;
}

/** "đồng chí Lò Văn Sáng", "Đ/c Lò Văn Sáng", "ông Mùa A Chứ". */
export function addressName(name: string): string {
  const trimmed = name.normalize("NFC").trim();
  const title = leadingTitle(trimmed);
  if (!title) return msg.addressed(trimmed);
  if (KEEP_CASE.has(title)) return trimmed;
  return `${title}${trimmed.slice(title.length)}`;
}

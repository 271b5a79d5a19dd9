// The bot's own @username, needed to tell "/tinbao@PhaoDaiBot" (ours) from "/tinbao@OtherBot" in a
// group. Node learns it at start (getMe); a Worker cannot call getMe on every request, so it takes
// the setting TELEGRAM_BOT_USERNAME, else one getMe kept in the database (refreshed weekly).
import type { Api } from "grammy";
import type { Db } from "../../src/db/client.js";

const REFRESH_MS = 7 * 86_400_000;

export async function telegramBotUsername(db: Db, api: Api, now: Date, configured?: string): Promise<string | undefined> {
  if (configured) return configured.replace(/^@/, "");
  const cached = await db.botIdentity.findUnique({ where: { channel: "telegram" } }).catch(() => null);
  if (cached && now.getTime() - cached.checkedAt.getTime() < REFRESH_MS) return cached.username;
  try {
    const me = await api.getMe();
    await db.botIdentity.upsert({ where: { channel: "telegram" }, create: { channel: "telegram", username: me.username, checkedAt: now }, update: { username: me.username, checkedAt: now } });
    return me.username;
  } catch {
    return cached?.username; // Telegram unreachable: last known name, or none (then any mention is taken)
  }
}

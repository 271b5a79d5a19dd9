// Telegram's command menu ("/" button): the citizens' commands in every private chat, and a staff
// member's own commands in their chat once registered (a chat scope wins over all_private_chats).
import type { Api } from "grammy";
import type { CommandMenuEntry } from "../../src/messaging/types.js";
import type { Logger } from "../../src/log.js";

/** The default menu of every private chat; a failure is logged, never fatal: the bot works without it. */
export async function setCitizenMenu(api: Api, entries: CommandMenuEntry[], log: Logger): Promise<void> {
  try {
    await api.setMyCommands(entries, { scope: { type: "all_private_chats" } });
  } catch (error) {
    log.warn("telegram.menu_failed", { error: error instanceof Error ? error.message.slice(0, 200) : String(error) });
  }
}

/** One chat's menu; an empty list gives the chat back the default one. */
export async function setChatMenu(api: Api, chatId: number | string, entries: CommandMenuEntry[]): Promise<void> {
  const scope = { type: "chat" as const, chat_id: chatId };
  if (entries.length > 0) await api.setMyCommands(entries, { scope });
  else await api.deleteMyCommands({ scope });
}

// Helpers for the bulletin tests: Vietnam wall-clock times, staff registered through the real
// Telegram webhook, and the bulletin job run like sweep() runs it.
import { expect } from "vitest";
import type { Harness } from "./harness.js";
import { textUpdate, type ApiCall, type FakeTelegram, type TestUser } from "./fake-telegram.js";
import { runBulletinTick } from "../../src/bulletins/tick.js";

/** A Vietnam wall-clock time as an instant: vnTime("2026-06-15 06:30"). */
export function vnTime(text: string): Date {
  return new Date(`${text.replace(" ", "T")}:00+07:00`);
}

let nextUserId = 8_100_000_000;
/** A Telegram person with a distinctive name (never stored). */
export function telegramUser(firstName: string): TestUser {
  return { id: nextUserId++, is_bot: false, first_name: firstName, username: `u${nextUserId}`, language_code: "vi" };
}

export async function postAndSettle(h: Harness, update: unknown): Promise<void> {
  const res = await h.postTelegram(update);
  expect(res.status).toBe(200);
  await h.settle();
}

/** Registers a Telegram user as staff through an invitation, like a real person would. */
export async function registerTelegramStaff(h: Harness, fake: FakeTelegram, user: TestUser, role: string, scope: { communeCode?: string; villageCode?: string }, note: string) {
  const code = await h.invite(role, scope, note);
  await postAndSettle(h, textUpdate(`/start ${code}`, { user }));
  expect(textsTo(fake, user.id).join("\n")).toContain("Đăng ký thành công");
  return h.db.staff.findFirstOrThrow({ where: { displayName: note } });
}

export const toChat = (chatId: number | string) => (call: ApiCall) => String(call.payload.chat_id) === String(chatId);

/** Every text (or caption) sent to a chat, in order. */
export function textsTo(fake: FakeTelegram, chatId: number | string): string[] {
  return fake.calls.filter(toChat(chatId)).map((c) => String(c.payload.text ?? c.payload.caption ?? ""));
}

/** The bulletin messages a chat received (sendMessage calls that carry a bulletin). */
export function bulletinsTo(fake: FakeTelegram, chatId: number | string): ApiCall[] {
  return fake.callsTo("sendMessage").filter((c) => toChat(chatId)(c) && /BẢN TIN PHÒNG, CHỐNG MA TÚY|Bản tin phòng, chống ma túy/.test(String(c.payload.text)));
}

export function buttonsOf(call: ApiCall): { text: string; callback_data: string }[] {
  const markup = call.payload.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined;
  return markup?.inline_keyboard?.flat() ?? [];
}

/** Runs the bulletin job at the harness clock and delivers what it queued. */
export async function tick(h: Harness): Promise<Awaited<ReturnType<typeof runBulletinTick>>> {
  const report = await runBulletinTick(h.deps, { fanOutBudget: 100_000 });
  await h.settle();
  return report;
}

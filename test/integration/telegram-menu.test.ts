// Telegram's command menu, as people get it from the running server: citizens see their commands in
// every private chat from the start; an officer who registers gets theirs in their own chat; a
// revoked officer's chat goes back to the citizens' menu. The menus come from the command registry.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminOk } from "../helpers/admin-cli.js";
import { SAMPLE_PLACES_CSV, startServer } from "../../src/node.js";
import { telegramServerEnv } from "../helpers/browser-server.js";
import { startFakeTelegram, textUpdate, type ApiCall, type FakeTelegram, type TestUser } from "../helpers/fake-telegram.js";

const OFFICER: TestUser = { id: 5_551_234_001, is_bot: false, first_name: "Lê Văn Tâm" };
const LONG = 60_000; // an upper bound on a busy machine; each wait ends as soon as its call is made

let fake: FakeTelegram;
const dir = mkdtempSync(join(tmpdir(), "phaodai-menu-"));
beforeAll(async () => {
  fake = await startFakeTelegram();
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const commandsOf = (call: ApiCall) => (call.payload.commands as Array<{ command: string }>).map((c) => c.command);
const scopeOf = (call: ApiCall) => call.payload.scope as { type: string; chat_id?: number };

describe("Telegram's command menu", () => {
  it("gives citizens theirs at start, an officer theirs on registering, and takes it back on revoking", async () => {
    const env = telegramServerEnv(join(dir, "menu.db"), fake);
    const admin = (...argv: string[]) => adminOk(argv, env);
    await admin("import-places", SAMPLE_PLACES_CSV);
    const server = await startServer(env, { logSink: () => undefined });
    try {
      const citizen = await fake.waitFor((c) => c.method === "setMyCommands" && scopeOf(c).type === "all_private_chats", LONG);
      expect(commandsOf(citizen)).toEqual(expect.arrayContaining(["start", "theodoi", "nhanbantin", "baomat", "xoadulieu", "huy", "trogiup"]));
      expect(commandsOf(citizen)).not.toContain("tinbao");

      const invited = await admin("invite", "--role", "congan", "--commune", "HONGLOC", "--name", "Đ/c Lê Văn Tâm");
      const code = /Mã mời: (MOI-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(invited)![1]!;
      fake.enqueueUpdate(textUpdate(`/start ${code}`, { user: OFFICER }));
      const officer = await fake.waitFor((c) => c.method === "setMyCommands" && scopeOf(c).type === "chat", LONG);
      expect(scopeOf(officer).chat_id).toBe(OFFICER.id);
      expect(commandsOf(officer)).toEqual(expect.arrayContaining(["start", "tinbao", "nhomcanhbao", "thongke", "capnhat", "toi", "lienket"]));
      // The ranking of the commune's villages (issue 14); the province's stays the admins'.
      expect(commandsOf(officer)).toContain("xephang");
      // The welcome and the help came first, in the chat's order.
      const texts = fake.calls.filter((c) => c.method === "sendMessage" && c.payload.chat_id === OFFICER.id).map((c) => String(c.payload.text));
      expect(texts.join("\n")).toContain("/tinbao");

      const staffId = /#(\d+) Đ\/c Lê Văn Tâm/.exec(await admin("staff", "--commune", "HONGLOC"))![1]!;
      await admin("revoke-staff", staffId);
      const removed = await fake.waitFor((c) => c.method === "deleteMyCommands", LONG);
      expect(scopeOf(removed)).toEqual({ type: "chat", chat_id: OFFICER.id });
    } finally {
      await server.stop();
    }
  }, 120_000);
});

// Guessing invitation codes has a brake (issue 10): wrong /dangky codes are limited per sender and
// in total; a burst pauses registration for everyone and alerts the admins once. Real app, web
// chat in demo mode (where staff may register on the web), real SQLite file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type WebClient, type WebMessage } from "../helpers/harness.js";
import { INVITE_GUESSES } from "../../src/staff/invitations.js";

let h: Harness;
let admin: WebClient;
const texts = (messages: WebMessage[]) => messages.map((m) => m.text).join("\n");

async function register(client: WebClient, code: string) {
  h.clock.advanceMinutes(0.01);
  return texts(await client.say(`/dangky ${code}`));
}

beforeAll(async () => {
  h = await createHarness();
  admin = h.web();
  expect(await register(admin, await h.invite("admin", {}, "Quản trị toàn quốc"))).toContain("Đăng ký thành công");
  await admin.read();
});
afterAll(async () => h.close());

describe("wrong invitation codes", () => {
  it("pause one sender after a few wrong codes, even for a right one, while others go on", async () => {
    const guesser = h.web();
    for (let i = 0; i < INVITE_GUESSES.perSender; i++) expect(await register(guesser, `ACDE-FG${i}${i}`)).toContain("Mã mời không đúng");
    const right = await h.invite("officer", { communeCode: "HONGLOC" }, "Công an Hồng Lộc");
    expect(await register(guesser, right)).toContain("thử lại sau 1 giờ");
    expect(await h.db.staff.count({ where: { displayName: "Công an Hồng Lộc" } })).toBe(0);
    const honest = h.web();
    expect(await register(honest, right)).toContain("Đăng ký thành công");
    // An hour later the sender may try again.
    h.clock.advanceMinutes(61);
    expect(await register(guesser, "ACDE-FG99")).toContain("Mã mời không đúng");
  });

  it("pause registration for everyone during a burst from many senders, and alert the admins once", async () => {
    h.clock.advanceMinutes(15);
    const before = (await admin.read()).length;
    expect(before).toBe(0);
    for (let i = 0; i < INVITE_GUESSES.total; i++) await register(h.web(), `HJKM-${String(1000 + i).replace(/[0125]/g, "3")}`);
    const right = await h.invite("leader", { communeCode: "HONGLOC" }, "Chủ tịch xã");
    expect(await register(h.web(), right)).toContain("tạm dừng đăng ký");
    const alerts = await admin.read();
    expect(alerts.filter((m) => m.text.includes("Cảnh báo an ninh"))).toHaveLength(1);
    expect(texts(alerts)).toContain(`${INVITE_GUESSES.total} mã mời sai`);
    // More wrong codes in the same window: no second alert.
    await register(h.web(), "QRTW-XY97");
    expect((await admin.read()).filter((m) => m.text.includes("Cảnh báo an ninh"))).toHaveLength(0);
    // Once the window has passed, the right code works.
    h.clock.advanceMinutes(11);
    expect(await register(h.web(), right)).toContain("Đăng ký thành công");
  });
});

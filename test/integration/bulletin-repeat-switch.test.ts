// A commune turns the same-day re-airing off and on (issue 15: "keep the schedule data-driven"):
// through the real app on a real SQLite file, a commune admin types /lichphat phatlai tat in the web
// chat; Monday's 06:30 and 18:30 then air two different bulletins, neither said to repeat the other;
// /lichphat phatlai bat brings Thursday's evening back to the morning's bulletin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type WebClient } from "../helpers/harness.js";
import { tick, vnTime } from "../helpers/bulletins.js";

let h: Harness;
let admin: WebClient;
let head: WebClient;
let communeId = 0;

const texts = (list: { text: string }[]) => list.map((m) => m.text).join("\n");
const slotAt = async (at: string) => h.db.bulletinSlot.findUniqueOrThrow({ where: { communeId_scheduledAt: { communeId, scheduledAt: vnTime(at) } } });
const airAt = async (at: string) => {
  h.clock.now = new Date(vnTime(at).getTime() + 20_000);
  await tick(h);
  await h.settle();
  return texts((await head.read()).filter((m) => m.text.includes("BẢN TIN PHÒNG, CHỐNG MA TÚY")));
};

beforeAll(async () => {
  h = await createHarness();
  h.clock.now = vnTime("2026-06-14 20:00");
  communeId = (await h.db.commune.findUniqueOrThrow({ where: { code: "LUNGPHINH" } })).id;
  await tick(h);
  admin = h.web();
  expect((await admin.say(`/dangky ${await h.invite("admin", { communeCode: "LUNGPHINH" }, "Quản trị xã Lùng Phình")}`))[0]!.text).toContain("Đăng ký thành công");
  head = h.web();
  expect((await head.say(`/dangky ${await h.invite("village_head", { villageCode: "LP-01" }, "Trưởng thôn LP-01")}`))[0]!.text).toContain("Đăng ký thành công");
});

afterAll(async () => {
  await h.close();
});

describe("the same-day re-airing, per commune", () => {
  it("is on by default, said by /lichphat, and refuses a word it does not know", async () => {
    expect(texts(await admin.say("/lichphat"))).toContain("các giờ phát sau phát lại bản tin của buổi đầu");
    expect(texts(await admin.say("/lichphat phatlai sometimes"))).toContain("Gõ /lichphat phatlai bat");
    expect((await h.db.bulletinSchedule.findUniqueOrThrow({ where: { communeId } })).repeatWithinDay).toBeNull();
  });

  it("off: the morning and the evening air different bulletins", async () => {
    expect(texts(await admin.say("/lichphat phatlai tat"))).toContain("mỗi giờ phát của xã Lùng Phình là một bản tin khác nhau");
    expect(texts(await admin.say("/lichphat"))).toContain("Mỗi giờ phát một bản tin khác nhau");
    await airAt("2026-06-15 06:30");
    const evening = await airAt("2026-06-15 18:30");
    const [morningSlot, eveningSlot] = [await slotAt("2026-06-15 06:30"), await slotAt("2026-06-15 18:30")];
    expect(eveningSlot.itemId).not.toBeNull();
    expect(eveningSlot.itemId).not.toBe(morningSlot.itemId);
    expect(evening).not.toContain("Cùng bản tin đã gửi sáng nay");
  });

  it("on again: Thursday's evening repeats Thursday's morning", async () => {
    expect(texts(await admin.say("/lichphat phatlai bat"))).toContain("phát lại trong ngày");
    await airAt("2026-06-18 06:30");
    const evening = await airAt("2026-06-18 18:30");
    expect((await slotAt("2026-06-18 18:30")).itemId).toBe((await slotAt("2026-06-18 06:30")).itemId);
    expect(evening).toContain("🔁 Cùng bản tin đã gửi sáng nay (06:30)");
  });
});

// A new commune airs its first bulletin on demand (issue 15): through the real app on a real SQLite
// file, in the web chat. Before anything was aired, /bantin tells the commune's officer when the
// first slot is and offers "Phát bản tin đầu tiên ngay"; pressing it makes a slot now, the next tick
// sends it to the village heads, and a second press (or after the schedule aired) is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type WebClient } from "../helpers/harness.js";
import { tick, vnTime } from "../helpers/bulletins.js";
import { airFirstBulletin } from "../../src/bulletins/slots.js";

let h: Harness;
let officer: WebClient;
let head: WebClient;
let communeId = 0;

const texts = (list: { text: string }[]) => list.map((m) => m.text).join("\n");

beforeAll(async () => {
  h = await createHarness();
  // Tuesday morning: the default schedule's next slot is Thursday 06:30.
  h.clock.now = vnTime("2026-06-16 09:00");
  communeId = (await h.db.commune.findUniqueOrThrow({ where: { code: "LUNGPHINH" } })).id;
  await tick(h);
  officer = h.web();
  expect((await officer.say(`/dangky ${await h.invite("officer", { communeCode: "LUNGPHINH" }, "Đ/c Công An Lùng Phình")}`))[0]!.text).toContain("Đăng ký thành công");
  head = h.web();
  expect((await head.say(`/dangky ${await h.invite("village_head", { villageCode: "LP-01" }, "Trưởng thôn LP-01")}`))[0]!.text).toContain("Đăng ký thành công");
});

afterAll(async () => {
  await h.close();
});

describe("a new commune's first bulletin, on demand", () => {
  it("offers it to the officer (not to the village head) and airs it to the village heads at once", async () => {
    const heard = await head.say("/bantin");
    expect(texts(heard)).toContain("chưa có buổi phát bản tin nào. Buổi đầu tiên:");
    expect(texts(heard)).not.toContain("Phát bản tin đầu tiên ngay");

    const offered = await officer.say("/bantin");
    expect(texts(offered)).toContain("có thể phát ngay bản tin đầu tiên");
    const button = offered.flatMap((m) => m.choices ?? []).flat().find((c) => c.label === "📢 Phát bản tin đầu tiên ngay");
    expect(button).toBeDefined();
    const pressed = await officer.press(button!.data);
    expect(texts(pressed)).toContain("Đã phát bản tin đầu tiên của xã Lùng Phình");
    const slot = await h.db.bulletinSlot.findFirstOrThrow({ where: { communeId } });
    expect([slot.status, slot.itemId !== null]).toEqual(["sending", true]);

    await tick(h);
    await h.settle();
    const got = await head.read();
    expect(texts(got)).toContain("BẢN TIN PHÒNG, CHỐNG MA TÚY");
    expect(await h.db.bulletinDelivery.count({ where: { slotId: slot.id } })).toBeGreaterThan(0);

    // Once aired, the schedule rules: a second press is refused in words, nothing new is made.
    expect(texts(await officer.press(button!.data))).toContain("Xã đã phát bản tin rồi");
    expect(await h.db.bulletinSlot.count({ where: { communeId } })).toBe(1);
    expect(texts(await officer.say("/bantin"))).not.toContain("Phát bản tin đầu tiên ngay");
  });

  it("is refused by the domain to a village head and to another commune's officer", async () => {
    const other = (await h.db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } })).id;
    const headStaff = await h.db.staff.findFirstOrThrow({ where: { role: "village_head" } });
    const officerStaff = await h.db.staff.findFirstOrThrow({ where: { role: "officer" } });
    expect(await airFirstBulletin(h.deps, headStaff, other)).toEqual({ ok: false, reason: "forbidden" });
    expect(await airFirstBulletin(h.deps, officerStaff, other)).toEqual({ ok: false, reason: "forbidden" });
    // The same data crafted by hand in the web chat (no such button was offered for Hồng Lộc).
    expect((await officer.send({ choice: `bf:${other}` })).status).toBe(202);
    expect(texts(await officer.read())).toContain("không có quyền");
    expect(await h.db.bulletinSlot.count({ where: { communeId: other, status: "sending" } })).toBe(0);
  });
});

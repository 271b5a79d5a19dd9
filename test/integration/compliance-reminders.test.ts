// Reminders from sweep(): village heads without figures from the 20th, leaders from the 22nd with
// what is missing; once per month and person even when sweeps overlap; daytime in Vietnam only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type WebClient } from "../helpers/harness.js";
import { sweep } from "../../bots/core/work/sweep.js";
import { defaultComplianceDeps, saveFigures } from "../../src/compliance/service.js";
import { reminderDue } from "../../src/compliance/reminders.js";

let h: Harness;
let head1: WebClient;
let head2: WebClient;
let leader: WebClient;
let otherLeader: WebClient;

/** 2026-12-DD at HH:00 Vietnam time. */
const vn = (day: number, hour: number, month = 12) => new Date(Date.UTC(2026, month - 1, day, hour - 7));
const texts = (list: { text: string }[]) => list.map((m) => m.text).join("\n");

beforeAll(async () => {
  h = await createHarness();
  h.deps.compliance = defaultComplianceDeps();
  h.clock.now = vn(1, 9);
  head1 = h.web();
  await head1.say(`/dangky ${await h.invite("village_head", { villageCode: "HL-01" }, "Trưởng thôn Thượng Phú")}`);
  head2 = h.web();
  await head2.say(`/dangky ${await h.invite("village_head", { villageCode: "HL-02" }, "Trưởng thôn Tân Hòa")}`);
  leader = h.web();
  await leader.say(`/dangky ${await h.invite("leader", { communeCode: "HONGLOC" }, "Bí thư Đảng ủy xã")}`);
  otherLeader = h.web();
  await otherLeader.say(`/dangky ${await h.invite("leader", { communeCode: "PHUONGTIEN" })}`);
  const hl1 = await h.db.village.findUniqueOrThrow({ where: { code: "HL-01" } });
  await saveFigures(h.db, { villageId: hl1.id, month: "2026-12", values: { households: 50, households_committed: 50 }, staffId: null, source: "csv", basedOnVersion: 0, now: h.clock.now });
});
afterAll(async () => h.close());

/** Runs the sweep at a time and collects what every chat received (the web chat's own clean-up
 * goes by the real clock, so messages are read at once). */
async function sweepAt(date: Date): Promise<void> {
  h.clock.now = date;
  await sweep(h.deps);
  await readAll();
}

async function readAll(): Promise<void> {
  for (const c of [head1, head2, leader, otherLeader]) await c.read();
}

describe("reminderDue", () => {
  it.each([
    [vn(19, 12), 20, false],
    [vn(20, 7), 20, false],
    [vn(20, 8), 20, true],
    [vn(20, 20), 20, true],
    [vn(20, 21), 20, false],
    [vn(27, 10), 20, true],
    [vn(21, 10), 22, false],
  ])("%s from day %i: %s", (now, day, due) => expect(reminderDue(now, day)).toBe(due));
});

describe("reminders from sweep()", () => {
  it("nothing before the 20th, nor at night", async () => {
    await sweepAt(vn(19, 10));
    await sweepAt(vn(20, 6));
    expect(texts(head2.all)).not.toContain("Nhắc");
    expect(await h.db.reminderSent.count()).toBe(0);
  });

  it("on the 20th, the village head without figures is reminded once; the one with figures is not", async () => {
    h.clock.now = vn(20, 9);
    await Promise.all([sweep(h.deps), sweep(h.deps)]);
    await readAll();
    await sweepAt(vn(20, 10));
    await sweepAt(vn(21, 10));
    const got = head2.all.filter((m) => m.text.includes("chưa nhập số liệu"));
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toContain("Thôn Tân Hòa chưa nhập số liệu tháng 12/2026");
    expect(got[0]!.text).toContain("hạn gửi ngày 25/12/2026");
    expect(got[0]!.text).toContain("/capnhat");
    expect(texts(head1.all)).not.toContain("chưa nhập số liệu");
    expect(texts(leader.all)).not.toContain("Báo cáo tháng");
  });

  it("on the 22nd, each leader hears what is still missing in their own commune, once", async () => {
    await sweepAt(vn(22, 9));
    await sweepAt(vn(23, 9));
    const got = leader.all.filter((m) => m.text.includes("Báo cáo tháng 12/2026"));
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toContain("xã Hồng Lộc hạn gửi ngày 25/12/2026");
    expect(got[0]!.text).toContain("Còn 3 thôn chưa nhập số liệu: Thôn Tân Hòa, Thôn Phú Lộc, Thôn Trung Sơn.");
    expect(got[0]!.text).toMatch(/❔ \d+ chưa đủ số liệu/);
    const other = otherLeader.all.filter((m) => m.text.includes("Báo cáo tháng"));
    expect(other).toHaveLength(1);
    expect(other[0]!.text).toContain("xã Phượng Tiến");
    expect(other[0]!.text).not.toContain("Hồng Lộc");
  });

  it("the report due day is a setting", async () => {
    h.deps.compliance = defaultComplianceDeps({ reportDueDay: 28, leaderReminderDay: 26 });
    await sweepAt(new Date(Date.UTC(2027, 0, 26, 2)));
    const got = leader.all.filter((m) => m.text.includes("Báo cáo tháng 01/2027"));
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toContain("hạn gửi ngày 28/01/2027");
    h.deps.compliance = defaultComplianceDeps();
  });

  it("a new month reminds again", async () => {
    const got = head2.all.filter((m) => m.text.includes("tháng 01/2027"));
    expect(got).toHaveLength(1);
    expect(await h.db.reminderSent.count({ where: { kind: "figures", month: "2027-01" } })).toBe(2);
  });
});

describe("without compliance configured", () => {
  it("sends no reminders (bare deps in other tests and tools)", async () => {
    const before = await h.db.reminderSent.count();
    const { compliance: _c, ...bare } = h.deps;
    h.clock.now = new Date(Date.UTC(2027, 1, 23, 3));
    await sweep(bare);
    expect(await h.db.reminderSent.count()).toBe(before);
  });
});

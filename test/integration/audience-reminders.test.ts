// A school's contact who has not answered "Đã tuyên truyền" is reminded the next morning, once, as a
// village head is (issue 15), through the real bulletin job on a real SQLite file and the web chat:
// no reminder before its time, one at it with the two buttons, none after an answer, none when the
// reminder would come a day late (nothing ran meanwhile), none to another school's teacher.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type WebClient } from "../helpers/harness.js";
import { tick, vnTime } from "../helpers/bulletins.js";
import { addAudience } from "../../src/bulletins/audiences.js";

const SCHOOL = "Trường PTDTBT Tiểu học Lùng Phình";
const NATIONAL_ADMIN = { role: "admin", communeId: null, villageId: null, provinceId: null, active: true };
let h: Harness;
let teacher: WebClient;
let otherTeacher: WebClient;

const texts = (list: { text: string }[]) => list.map((m) => m.text).join("\n");

beforeAll(async () => {
  h = await createHarness();
  h.clock.now = vnTime("2026-09-06 09:00"); // a Sunday: the schedules and the catalog first
  await tick(h);
  const school = await addAudience(h.db, NATIONAL_ADMIN, { communeCode: "LUNGPHINH", kind: "school", name: SCHOOL }, h.clock.now);
  const other = await addAudience(h.db, NATIONAL_ADMIN, { communeCode: "HONGLOC", kind: "school", name: "Trường Tiểu học Hồng Lộc" }, h.clock.now);
  if (!school.ok || !other.ok) throw new Error("audiences not added");
  teacher = h.web();
  expect(texts(await teacher.say(`/dangky ${await h.invite("teacher", { audienceId: school.value.id }, "Cô giáo Lan")}`))).toContain("Đăng ký thành công");
  h.clock.advanceMinutes(0.1);
  otherTeacher = h.web();
  expect(texts(await otherTeacher.say(`/dangky ${await h.invite("teacher", { audienceId: other.value.id }, "Thầy giáo Hồng Lộc")}`))).toContain("Đăng ký thành công");
});
afterAll(async () => {
  await h.close();
});

describe("a contact's reminder", () => {
  it("comes the next morning, once, with the two buttons, and not before", async () => {
    h.clock.now = vnTime("2026-09-07 06:31"); // the new school year's first Monday: its bulletins are for pupils too
    await tick(h);
    const sent = texts(await teacher.read());
    expect(sent).toContain(`Gửi ${SCHOOL}`);
    await otherTeacher.read();
    const delivery = await h.db.audienceDelivery.findFirstOrThrow({ where: { status: "pending", kind: "school" }, orderBy: { id: "asc" } });
    expect(delivery.remindAt).toEqual(vnTime("2026-09-08 07:00"));

    h.clock.now = vnTime("2026-09-08 06:59");
    await tick(h);
    expect(texts(await teacher.read())).not.toContain("Nhắc đồng chí");

    h.clock.now = vnTime("2026-09-08 07:01");
    await tick(h);
    const reminded = await teacher.read();
    expect(texts(reminded)).toContain(`⏰ Nhắc đồng chí: ${SCHOOL} chưa xác nhận tuyên truyền bản tin buổi`);
    expect(reminded.flatMap((m) => m.choices ?? []).flat().map((c) => c.label)).toEqual(["✅ Đã tuyên truyền", "Chưa tuyên truyền được"]);
    // Hồng Lộc's teacher is reminded of Hồng Lộc's bulletin only, if at all: never of Lùng Phình's.
    expect(texts(await otherTeacher.read())).not.toContain(SCHOOL);

    h.clock.advanceMinutes(5);
    await tick(h);
    expect(texts(await teacher.read())).not.toContain("Nhắc đồng chí");
    expect(texts(await teacher.press("✅ Đã tuyên truyền"))).toContain(`Đã ghi nhận: ${SCHOOL} đã tuyên truyền`);
  });

  it("is not sent after an answer, nor when it would come a day late", async () => {
    h.clock.now = vnTime("2026-09-10 06:31"); // Thursday's slot, for pupils too
    await tick(h);
    expect(texts(await teacher.read())).toContain(`Gửi ${SCHOOL}`);
    // Hồng Lộc's teacher answers at once; Lùng Phình's does not, and nothing runs until Saturday.
    expect(texts(await otherTeacher.read())).toContain("Gửi Trường Tiểu học Hồng Lộc");
    expect(texts(await otherTeacher.press("✅ Đã tuyên truyền"))).toContain("Đã ghi nhận");
    h.clock.now = vnTime("2026-09-12 08:00");
    await tick(h);
    expect(texts(await teacher.read())).not.toContain("Nhắc đồng chí");
    expect(texts(await otherTeacher.read())).not.toContain("Nhắc đồng chí");
    const thursday = await h.db.audienceDelivery.findMany({ where: { createdAt: { gte: vnTime("2026-09-10 06:00") } } });
    expect(thursday).toHaveLength(2);
    // The late one was claimed and given up, so it never comes later either.
    expect(thursday.every((d) => d.status === "done" || d.remindedAt !== null)).toBe(true);
  });
});

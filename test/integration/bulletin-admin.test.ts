// Admins change schedules and languages by chat command and on the admin command line; the
// commands check role and scope and answer mistakes plainly. The command module is run with a real
// database and a context that collects what it prints.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type WebClient } from "../helpers/harness.js";
import { tick, vnTime } from "../helpers/bulletins.js";
import { bulletinsCommands } from "../../src/cli/commands/bulletins.js";
import type { AdminContext } from "../../src/cli/types.js";
import { parseConfig } from "../../src/config/schema.js";
import { nodeFiles } from "../../src/cli/node-files.js";

let h: Harness;
let admin: WebClient;
let communeId = 0;

beforeAll(async () => {
  h = await createHarness();
  h.clock.now = vnTime("2026-11-23 05:00"); // Monday
  await tick(h);
  communeId = (await h.db.commune.findUniqueOrThrow({ where: { code: "LUNGPHINH" } })).id;
  admin = h.web();
  await admin.say(`/dangky ${await h.invite("admin", { communeCode: "LUNGPHINH" }, "Đ/c Quản trị xã")}`);
});
afterAll(async () => {
  await h.close();
});

const lastText = async (client: WebClient, text: string) => (await client.say(text)).at(-1)!.text;

describe("/lichphat", () => {
  it("shows the default schedule and changes it from now on", async () => {
    expect(await lastText(admin, "/lichphat")).toContain("Thứ Hai, Thứ Năm, lúc 06:30, 18:30 (giờ Việt Nam)");
    const changed = await lastText(admin, "/lichphat T3 T6 7h");
    expect(changed).toContain("Đã đổi lịch phát của xã Lùng Phình: Thứ Ba, Thứ Sáu, lúc 07:00");
    expect(changed).toContain("Buổi tiếp theo: 07:00 Thứ Ba 24/11/2026");
    expect(await lastText(admin, "/lichphat T2 25:00")).toContain('Không hiểu "25:00"');
    expect(await lastText(admin, "/lichphat T2")).toContain("Thiếu giờ phát");
    expect(await lastText(admin, "/lichphat 06:30")).toContain("Thiếu ngày phát");
  });

  it("pauses and resumes: nothing airs while paused, nothing is made up afterwards", async () => {
    expect(await lastText(admin, "/lichphat tat")).toContain("Đã tạm dừng");
    h.clock.now = vnTime("2026-11-24 07:00");
    await tick(h);
    expect(await h.db.bulletinSlot.count({ where: { communeId } })).toBe(0);
    h.clock.now = vnTime("2026-11-24 09:00");
    expect(await lastText(admin, "/lichphat bat")).toContain("Buổi tiếp theo: 07:00 Thứ Sáu 27/11/2026");
    await tick(h);
    expect(await h.db.bulletinSlot.count({ where: { communeId } })).toBe(0);
    h.clock.now = vnTime("2026-11-27 07:00");
    await tick(h);
    const slots = await h.db.bulletinSlot.findMany({ where: { communeId } });
    expect(slots.map((s) => [s.scheduledAt.toISOString(), s.status])).toEqual([[vnTime("2026-11-27 07:00").toISOString(), "sent"]]);
  });

  it("is refused to officers and needs a commune code from a system admin", async () => {
    const officer = h.web();
    await officer.say(`/dangky ${await h.invite("officer", { communeCode: "LUNGPHINH" }, "Đ/c Công an")}`);
    expect(await lastText(officer, "/lichphat T2 06:30")).toContain("không có quyền");
    expect(await lastText(h.web(), "/lichphat")).toContain("chỉ dành cho cán bộ");
    const root = h.web();
    await root.say(`/dangky ${await h.invite("admin", {}, "Đ/c Quản trị tỉnh")}`);
    expect(await lastText(root, "/lichphat")).toContain("hãy ghi mã xã trước");
    expect(await lastText(root, "/lichphat KHONGCO")).toContain("Không có xã mã KHONGCO");
    expect(await lastText(root, "/lichphat hongloc")).toContain("Lịch phát bản tin của xã Hồng Lộc");
    expect(await lastText(root, "/tiendo NAMSACH")).toContain("Tiến độ bản tin — xã Nam Sách");
  });

  it("lets a province admin set the schedules of the province's communes, and only those", async () => {
    const province = h.web();
    await province.say(`/dangky ${await h.invite("admin", { provinceCode: "HTI" }, "Đ/c Quản trị tỉnh Hà Tĩnh")}`);
    expect(await lastText(province, "/lichphat")).toContain("hãy ghi mã xã trước");
    expect(await lastText(province, "/lichphat hongloc")).toContain("Lịch phát bản tin của xã Hồng Lộc");
    expect(await lastText(province, "/lichphat HONGLOC T3 T6 7h")).toContain("Đã đổi lịch phát của xã Hồng Lộc: Thứ Ba, Thứ Sáu, lúc 07:00");
    const hongloc = await h.db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } });
    expect(await h.db.bulletinSchedule.findUnique({ where: { communeId: hongloc.id } })).toMatchObject({ days: "2,5", times: "07:00" });
    expect(await lastText(province, "/tiendo HONGLOC")).toContain("Tiến độ bản tin — xã Hồng Lộc");
    // Lùng Phình is in Hà Giang: refused, and its schedule stays as it was.
    const before = await h.db.bulletinSchedule.findUnique({ where: { communeId } });
    expect(await lastText(province, "/lichphat LUNGPHINH T2 06:00")).toContain("không có quyền");
    expect(await h.db.bulletinSchedule.findUnique({ where: { communeId } })).toEqual(before);
  });
});

describe("/ngonngu", () => {
  it("sets the commune's and a village's languages and refuses unknown ones", async () => {
    expect(await lastText(admin, "/ngonngu")).toContain("Ngôn ngữ bản tin của xã Lùng Phình: Tiếng Việt, Tiếng Mông (Hmoob)");
    expect(await lastText(admin, "/ngonngu hnj, Tày")).toContain("Tiếng Việt, Tiếng Mông (Hmoob), Tiếng Tày");
    expect((await h.db.commune.findUniqueOrThrow({ where: { id: communeId } })).languages).toBe("vie,hnj,tyz");
    expect(await lastText(admin, "/ngonngu LP-01 hnj")).toContain("Loa của Thôn Lùng Phình sẽ nhận bản tin bằng: Tiếng Mông (Hmoob)");
    expect(await lastText(admin, "/ngonngu lp-02 xoa")).toContain("Thôn Sín Chải dùng lại ngôn ngữ của xã");
    expect((await h.db.village.findUniqueOrThrow({ where: { code: "LP-02" } })).languages).toBeNull();
    expect(await lastText(admin, "/ngonngu klingon, 🙂")).toContain("Không hiểu ngôn ngữ: klingon, 🙂");
    expect(await lastText(admin, "/ngonngu HL-01 hnj")).toContain("Không hiểu ngôn ngữ: HL-01 hnj"); // another commune's village is not this admin's
  });
});

describe("the admin command line (bulletinsCommands)", () => {
  function context() {
    const out: string[] = [];
    const err: string[] = [];
    const ctx: AdminContext = { db: h.db, keys: h.keys, config: parseConfig({}), out: (l) => out.push(l), err: (l) => err.push(l), now: () => h.clock.now, files: nodeFiles };
    return { ctx, out, err };
  }
  const run = async (name: string, ...args: string[]) => {
    const c = context();
    const command = bulletinsCommands.find((x) => x.name === name)!;
    const code = await command.run(c.ctx, args);
    return { code, out: c.out.join("\n"), err: c.err.join("\n") };
  };

  it("has a usage and a Vietnamese summary for every command", () => {
    expect(bulletinsCommands.map((c) => c.name)).toEqual(["bulletin-schedule", "bulletin-languages", "bulletin-coverage", "bulletin-progress", "bulletin-catalog", "bulletin-translator"]);
    for (const c of bulletinsCommands) expect(c.summary).toMatch(/[ăâđêôơư]/);
  });

  it("shows and changes a schedule, refusing mistakes with exit codes", async () => {
    expect(await run("bulletin-schedule", "NHUXUAN")).toMatchObject({ code: 0, out: expect.stringContaining("Thứ Hai, Thứ Năm") });
    expect(await run("bulletin-schedule", "NHUXUAN", "T2,T4", "06:00")).toMatchObject({ code: 0, out: expect.stringContaining("Thứ Hai, Thứ Tư, lúc 06:00") });
    expect(await run("bulletin-schedule", "NHUXUAN", "T9", "06:00")).toMatchObject({ code: 2, err: expect.stringContaining('Không hiểu "t9"') });
    expect(await run("bulletin-schedule", "KHONGCO")).toMatchObject({ code: 1, err: expect.stringContaining("Không có xã mã") });
    expect(await run("bulletin-schedule", "NHUXUAN", "--bogus")).toMatchObject({ code: 2, err: expect.stringContaining("Tham số không đúng") });
    expect(await run("bulletin-schedule", "NHUXUAN", "tat")).toMatchObject({ code: 0, out: expect.stringContaining("tạm dừng") });
  });

  it("sets languages for a commune and a village", async () => {
    expect(await run("bulletin-languages", "NHUXUAN", "blt,mtq")).toMatchObject({ code: 0, out: expect.stringContaining("Tiếng Việt, Tiếng Thái (Thái Đen) (Tai Dam), Tiếng Mường") });
    expect(await run("bulletin-languages", "NHUXUAN", "--village", "NX-03", "mtq")).toMatchObject({ code: 0, out: expect.stringContaining("Tiếng Mường") });
    expect(await run("bulletin-languages", "NHUXUAN", "--village", "LP-01", "mtq")).toMatchObject({ code: 1 });
    expect(await run("bulletin-languages", "NHUXUAN", "klingon")).toMatchObject({ code: 2, err: expect.stringContaining("klingon") });
  });

  it("prints coverage (also as JSON for the compliance statistics), progress and the catalog", async () => {
    const json = await run("bulletin-coverage", "LUNGPHINH", "2026-11", "--json");
    expect(json.code).toBe(0);
    const cov = JSON.parse(json.out) as { month: string; slots: { aired: number }; villages: { code: string; delivered: number; noHead: number }[] };
    expect(cov.month).toBe("2026-11");
    expect(cov.slots.aired).toBe(1);
    expect(cov.villages.map((v) => [v.code, v.noHead])).toEqual([["LP-01", 1], ["LP-02", 1], ["LP-03", 1], ["LP-04", 1], ["LP-05", 1]]);
    expect((await run("bulletin-coverage", "LUNGPHINH", "2026-13")).code).toBe(2);
    expect((await run("bulletin-progress", "LUNGPHINH")).out).toContain("Tiến độ bản tin — xã Lùng Phình");
    const list = await run("bulletin-catalog");
    // The 26 bulletins and the posters' words, which translators translate too.
    expect(list.out.split("\n")).toHaveLength(27);
    expect(list.out).toContain("vie✓");
    expect((await run("bulletin-catalog", "--sync")).out).toContain("Đã nhập 26 bản tin");
  });

  it("sets a translator's languages", async () => {
    const translator = h.web();
    await translator.say(`/dangky ${await h.invite("translator", { communeCode: "LUNGPHINH" }, "Đ/c Giàng Dịch")}`);
    const staff = await h.db.staff.findFirstOrThrow({ where: { displayName: "Đ/c Giàng Dịch" } });
    expect(await run("bulletin-translator", String(staff.id), "mông")).toMatchObject({ code: 0, out: expect.stringContaining("Tiếng Mông (Hmoob)") });
    expect((await h.db.bulletinTranslator.findUniqueOrThrow({ where: { staffId: staff.id } })).languages).toBe("hnj");
    const officer = await h.db.staff.findFirstOrThrow({ where: { role: "officer" } });
    expect((await run("bulletin-translator", String(officer.id), "hnj")).code).toBe(1);
    const menu = await translator.say("/dich");
    expect(menu.at(-1)!.text).toContain("Bản tiếng Mông (Hmoob): còn 27/27 bài");
  });
});

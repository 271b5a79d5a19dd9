// Retention (issue 10, Law 91/2025/QH15): a tip closed more than 24 months ago loses its text, files
// and thread, and no copy stays in the database file or its WAL; the facts statistics count stay.
// An admin may keep one tip longer with a reason (admin CLI), recorded in its thread. Real app,
// real SQLite file, the sweep as the server runs it, the admin CLI as an operator types it.
import { existsSync, readFileSync } from "node:fs";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, fileWebTip, type Harness, type WebClient } from "../helpers/harness.js";
import { sweep } from "../../bots/core/work/sweep.js";
import { captureAdmin } from "../helpers/admin-cli.js";
import { isDueForErasure, monthsBefore } from "../../src/tips/retention.js";

let h: Harness;
let officer: WebClient;

const DAY = 24 * 60;

function onDisk(): string {
  return [h.dbPath, `${h.dbPath}-wal`].filter(existsSync).map((f) => readFileSync(f).toString("utf8")).join("\n");
}

function png(): string {
  const image = new PNG({ width: 4, height: 4 });
  image.data.fill(120);
  return PNG.sync.write(image).toString("base64");
}

const admin = (args: string[]) => captureAdmin(args, { DATABASE_URL: `file:${h.dbPath}` }, () => h.clock.now);

/** Files a tip with a photo and a question/answer thread, then closes it. Returns its case number. */
async function closedTip(words: string): Promise<string> {
  const citizen = h.web();
  await citizen.say("/start");
  await citizen.say("Hồng Lộc");
  await citizen.press("Điểm, người bán lẻ ma túy");
  await citizen.press("Không rõ thôn/xóm");
  await citizen.say(words);
  const up = await h.app.request("/webchat/api/upload", { method: "POST", headers: await citizen.headers(), body: JSON.stringify({ token: citizen.token, mime: "image/png", dataBase64: png() }) });
  const { uploadId } = (await up.json()) as { uploadId: string };
  await citizen.send({ uploadId });
  await citizen.press("m:continue");
  await citizen.press("s:submit");
  const tip = await h.db.tip.findFirstOrThrow({ orderBy: { id: "desc" } });
  // Closing asks for its result, then an optional note (issue 12).
  for (const choice of [`t:${tip.id}:take`, `t:${tip.id}:done`, "trs:administrative", "tsk"]) {
    h.clock.advanceMinutes(0.05);
    await officer.send({ choice });
    await officer.read();
  }
  await citizen.read();
  return tip.caseNumber;
}

beforeAll(async () => {
  h = await createHarness();
  officer = h.web();
  await officer.say(`/dangky ${await h.invite("officer", { communeCode: "HONGLOC" }, "Công an Hồng Lộc")}`);
}, 60_000);
afterAll(async () => h.close());

describe("retention rule", () => {
  it.each([
    ["closed 25 months ago", { closedAt: monthsBefore(new Date("2026-12-02T00:00:00Z"), 25), erasedAt: null, keepUntil: null }, true],
    ["closed 23 months ago", { closedAt: monthsBefore(new Date("2026-12-02T00:00:00Z"), 23), erasedAt: null, keepUntil: null }, false],
    ["still open", { closedAt: null, erasedAt: null, keepUntil: null }, false],
    ["kept until next year", { closedAt: monthsBefore(new Date("2026-12-02T00:00:00Z"), 30), erasedAt: null, keepUntil: new Date("2027-06-01T00:00:00Z") }, false],
    ["keep has run out", { closedAt: monthsBefore(new Date("2026-12-02T00:00:00Z"), 30), erasedAt: null, keepUntil: new Date("2026-11-01T00:00:00Z") }, true],
    ["already erased", { closedAt: monthsBefore(new Date("2026-12-02T00:00:00Z"), 30), erasedAt: new Date("2026-01-01T00:00:00Z"), keepUntil: null }, false],
  ])("%s", (_name, tip, due) => {
    expect(isDueForErasure(tip, new Date("2026-12-02T00:00:00Z"), 24)).toBe(due);
  });

  it("counts calendar months, ending a short month on its last day", () => {
    expect(monthsBefore(new Date("2026-03-31T10:00:00Z"), 1).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(monthsBefore(new Date("2026-12-02T00:00:00Z"), 24).toISOString()).toBe("2024-12-02T00:00:00.000Z");
  });
});

describe("closed tips after 24 months", () => {
  let erased = "";
  let kept = "";

  it("erases the text, the files and the thread, keeping what statistics count, with no copy on disk", async () => {
    erased = await closedTip("Nhà ông Ba Gù ở xóm Bãi Giữa bán ma túy cho học sinh.");
    kept = await closedTip("Quán karaoke Hoa Sen có người tụ tập sử dụng ma túy tổng hợp.");
    const before = await h.db.tip.findUniqueOrThrow({ where: { caseNumber: erased } });
    expect(await h.db.webUpload.count({ where: { tipId: before.id } })).toBe(1);

    const keep = await admin(["tip-keep", kept, "--months", "12", "--reason", "Hồ sơ đang điều tra, Công an huyện đề nghị giữ"]);
    expect(keep.code).toBe(0);
    expect(keep.out).toContain(`Đã giữ nội dung tin báo ${kept}`);

    // Just before the end nothing goes.
    h.clock.advanceMinutes(DAY * 730 - 60);
    await sweep(h.deps);
    expect((await h.db.tip.findUniqueOrThrow({ where: { caseNumber: erased } })).text).toContain("Ba Gù");

    h.clock.advanceMinutes(DAY * 2);
    await sweep(h.deps);
    const after = await h.db.tip.findUniqueOrThrow({ where: { caseNumber: erased }, include: { attachments: true, events: true } });
    expect(after.text).toBe("");
    expect(after.erasedAt).not.toBeNull();
    expect(after.attachments).toEqual([]);
    expect(after.events.map((e) => e.kind)).toEqual(["erased"]);
    expect(await h.db.webUpload.count({ where: { tipId: after.id } })).toBe(0);
    // What statistics count is still there.
    expect(after).toMatchObject({ category: before.category, communeId: before.communeId, status: "done", createdAt: before.createdAt, closedAt: before.closedAt });
    expect(onDisk()).not.toContain("Ba Gù");
  });

  it("keeps the tip an admin kept, with the reason in its thread, until the new date", async () => {
    const tip = await h.db.tip.findUniqueOrThrow({ where: { caseNumber: kept }, include: { events: true } });
    expect(tip.text).toContain("Hoa Sen");
    expect(tip.events.find((e) => e.kind === "kept")?.text).toContain("Hồ sơ đang điều tra");
    const list = await admin(["tip-retention"]);
    expect(list.out).toContain(kept);
    expect(list.out).toContain("Hồ sơ đang điều tra");
    h.clock.advanceMinutes(DAY * 370);
    await sweep(h.deps);
    expect((await h.db.tip.findUniqueOrThrow({ where: { caseNumber: kept } })).text).toBe("");
  });

  it("tells staff and the tipster the content was erased, and why", async () => {
    const tip = await h.db.tip.findUniqueOrThrow({ where: { caseNumber: erased } });
    h.clock.advanceMinutes(0.05);
    await officer.send({ choice: `l:${tip.id}` });
    expect((await officer.read()).map((m) => m.text).join("\n")).toContain("đã được xóa ngày");
  });

  it("refuses a keep without a reason, for an open tip, or for one already erased, with a clear line", async () => {
    expect((await admin(["tip-keep", erased, "--months", "6", "--reason", "Cần giữ lại"])).err).toContain("đã bị xóa");
    const open = h.web();
    await fileWebTip(open);
    const openTip = await h.db.tip.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect((await admin(["tip-keep", openTip.caseNumber, "--months", "6", "--reason", "Cần giữ lại"])).err).toContain("chưa đóng");
    expect((await admin(["tip-keep", openTip.caseNumber, "--months", "6", "--reason", "x"])).err).toContain("Cần ghi lý do");
    expect((await admin(["tip-keep", openTip.caseNumber, "--months", "600", "--reason", "Cần giữ lại"])).err).toContain("từ 1 đến 60");
    expect((await admin(["tip-keep", "KHONGCO-00001", "--months", "6", "--reason", "Cần giữ lại"])).err).toContain("Không có tin báo");
  });
});

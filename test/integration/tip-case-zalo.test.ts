// A tip's life on Zalo OA (issue 12), where choices are typed words or numbers: taken, noted,
// reassigned (the new officer told), closed with a result while the tipster's 7-day window is closed
// (the neutral closing notice waits and arrives when they write again), reopened with a reason.
import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.js";
import { ZALO_OFFICER, ZALO_TIPSTER, startFakeZaloOa, type FakeZaloOa, type ZaloUser } from "../helpers/fake-zalo-oa.js";
import { fileZaloTip, zaloSay } from "../helpers/zalo-flow.js";

const OFFICER_B: ZaloUser = { id: "1357924680135792468", userIdByApp: "8642097531864209753", displayName: "Hà Thị Cán Bộ" };

let fake: FakeZaloOa;
let h: Harness;
let tipId = 0;
let caseNumber = "";

beforeAll(async () => {
  fake = await startFakeZaloOa();
  h = await createHarness({ zalo: fake });
  await h.authorizeZalo();
  await zaloSay(h, ZALO_OFFICER, `/dangky ${await h.invite("officer", { communeCode: "HONGLOC" }, "Đ/c Lò Văn Một")}`);
  await zaloSay(h, OFFICER_B, `/dangky ${await h.invite("officer", { communeCode: "HONGLOC" }, "Đ/c Hà Thị Hai")}`);
  ({ tipId } = await fileZaloTip(h, fake, ZALO_TIPSTER));
  caseNumber = (await h.db.tip.findUniqueOrThrow({ where: { id: tipId } })).caseNumber;
});
afterAll(async () => {
  await h.close();
  await fake.close();
});

const last = (user: ZaloUser) => fake.textsTo(user.id).at(-1) ?? "";
const tip = () => h.db.tip.findUniqueOrThrow({ where: { id: tipId } });
async function openTip(user: ZaloUser): Promise<string> {
  await zaloSay(h, user, "/tinbao tatca");
  await zaloSay(h, user, `Xem ${caseNumber}`);
  return last(user);
}

describe("a tip's life on Zalo OA", () => {
  it("takes the tip from the alert by its number, naming the officer", async () => {
    await zaloSay(h, ZALO_OFFICER, "1");
    expect((await tip()).status).toBe("taken");
    expect(await openTip(ZALO_OFFICER)).toContain("Người phụ trách: Đ/c Lò Văn Một (công an xã)");
  });

  it("adds a note by typing the button's words", async () => {
    expect(await openTip(ZALO_OFFICER)).toContain("Ghi chú");
    await zaloSay(h, ZALO_OFFICER, "ghi chu");
    expect(last(ZALO_OFFICER)).toContain("Gõ ghi chú nội bộ");
    await zaloSay(h, ZALO_OFFICER, "Quán mở đến 23 giờ, cần phối hợp với công an huyện.");
    expect(last(ZALO_OFFICER)).toContain("Đã lưu ghi chú");
    expect(fake.textsTo(ZALO_TIPSTER.id).join("\n")).not.toContain("công an huyện");
  });

  it("reassigns it to the other officer, who is told", async () => {
    await openTip(ZALO_OFFICER);
    await zaloSay(h, ZALO_OFFICER, "Giao cán bộ khác");
    expect(last(ZALO_OFFICER)).toContain("Đ/c Hà Thị Hai");
    await zaloSay(h, ZALO_OFFICER, "1");
    expect(last(ZALO_OFFICER)).toContain("Đã giao tin báo");
    expect(last(OFFICER_B)).toContain(`đã giao tin báo ${caseNumber} cho đồng chí phụ trách`);
    expect((await tip()).officerStaffId).toBe((await h.db.staff.findFirstOrThrow({ where: { displayName: "Đ/c Hà Thị Hai" } })).id);
  });

  it("closes with a result past the tipster's window: the neutral notice waits for their next message", async () => {
    fake.markInactive(ZALO_TIPSTER.id);
    const before = fake.textsTo(ZALO_TIPSTER.id).length;
    await openTip(OFFICER_B);
    await zaloSay(h, OFFICER_B, "Đã xử lý");
    expect(last(OFFICER_B)).toContain("Chọn kết quả xử lý");
    await zaloSay(h, OFFICER_B, "xu ly vi pham hanh chinh");
    expect(last(OFFICER_B)).toContain("Gõ ghi chú (nếu có)");
    await zaloSay(h, OFFICER_B, "/quaylai");
    expect(last(OFFICER_B)).toContain("Chọn kết quả xử lý");
    await zaloSay(h, OFFICER_B, "Đã nhắc nhở, giáo dục");
    await zaloSay(h, OFFICER_B, "Bỏ qua, không ghi chú");
    expect(await tip()).toMatchObject({ status: "done", result: "reminded" });
    expect(fake.textsTo(ZALO_TIPSTER.id).length).toBe(before);
    expect(await h.db.outboxMessage.count({ where: { status: "parked" } })).toBe(1);

    await zaloSay(h, ZALO_TIPSTER, "Xin chào");
    await h.settle();
    const after = fake.textsTo(ZALO_TIPSTER.id).slice(before);
    expect(after.filter((t) => t.includes("đã được công an xã xem xét, giải quyết xong"))).toHaveLength(1);
    expect(after.join("\n")).not.toContain("nhắc nhở");
  });

  it("offers only Mở lại on the closed tip and reopens it with a typed reason", async () => {
    const view = await openTip(OFFICER_B);
    expect(view).toContain("Kết quả: Đã nhắc nhở, giáo dục");
    expect(view).toContain("Mở lại");
    expect(view).not.toContain("Ghi chú");
    expect(view).not.toContain("Hỏi người báo tin");
    await zaloSay(h, OFFICER_B, "Mở lại");
    await zaloSay(h, OFFICER_B, "Có tin mới từ trưởng thôn.");
    expect(last(OFFICER_B)).toContain("Đã mở lại tin báo");
    expect((await tip()).status).toBe("verifying");
    expect(await openTip(OFFICER_B)).toContain("mở lại tin báo. Lý do: Có tin mới từ trưởng thôn.");
  });

  it("leaves nothing that identifies the tipster in the database, the logs or what officers read", async () => {
    const secrets = [ZALO_TIPSTER.id, ZALO_TIPSTER.userIdByApp, ZALO_TIPSTER.displayName];
    const stored = [h.dbPath, `${h.dbPath}-wal`].filter(existsSync).map((f) => readFileSync(f)).map((b) => b.toString("utf8") + b.toString("latin1"));
    const toOfficers = [...fake.textsTo(ZALO_OFFICER.id), ...fake.textsTo(OFFICER_B.id)];
    expect(toOfficers.some((t) => t.includes("Diễn biến"))).toBe(true);
    for (const secret of secrets) {
      for (const blob of stored) expect(blob.includes(secret), `database holds ${secret}`).toBe(false);
      expect(h.logs.join("\n").includes(secret), `logs hold ${secret}`).toBe(false);
      for (const text of toOfficers) expect(text.includes(secret), `officers saw ${secret}`).toBe(false);
    }
  });
});

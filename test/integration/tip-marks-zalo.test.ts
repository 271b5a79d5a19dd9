// Duplicates and spam on Zalo OA (issue 12), where choices are typed words or numbers: "Trùng tin"
// with the original's case number and both tipsters following up by code; "Tin rác" confirmed three
// times against one citizen, whose fourth tip is held without an alert while another's alerts;
// "Không phải tin rác" restoring normal alerting; and the anonymity scan after it all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.js";
import { ZALO_OFFICER, ZALO_TIPSTER, startFakeZaloOa, type FakeZaloOa, type ZaloUser } from "../helpers/fake-zalo-oa.js";
import { fileZaloTip, zaloSay } from "../helpers/zalo-flow.js";
import { pseudonymOf } from "../../src/crypto/pseudonym.js";
import { expectSpamHashesUnjoinable, storedBlobs } from "../helpers/spam-marks.js";

const SECOND: ZaloUser = { id: "4410928375610293847", userIdByApp: "7738291046628193745", displayName: "Lò Thị Xuân Zalo" };

let fake: FakeZaloOa;
let h: Harness;
const ids = { original: 0, duplicate: 0 };
const receipts = { original: "", duplicate: "" };

beforeAll(async () => {
  fake = await startFakeZaloOa();
  h = await createHarness({ zalo: fake });
  await h.authorizeZalo();
  await zaloSay(h, ZALO_OFFICER, `/dangky ${await h.invite("officer", { communeCode: "HONGLOC" }, "Đ/c Lò Văn Một")}`);
});
afterAll(async () => {
  await h.close();
  await fake.close();
});

const last = (user: ZaloUser) => fake.textsTo(user.id).at(-1) ?? "";
const tipOf = (id: number) => h.db.tip.findUniqueOrThrow({ where: { id } });
async function openTip(id: number): Promise<string> {
  await zaloSay(h, ZALO_OFFICER, "/tinbao tatca");
  await zaloSay(h, ZALO_OFFICER, `Xem ${(await tipOf(id)).caseNumber}`);
  return last(ZALO_OFFICER);
}

describe("duplicates and spam on Zalo OA", () => {
  it("marks a duplicate by typing the original's case number; its tipster is told it was dealt with", async () => {
    ({ tipId: ids.original, receipt: receipts.original } = await fileZaloTip(h, fake, ZALO_TIPSTER, "Có người bán ma túy ở quán nước đầu cầu."));
    ({ tipId: ids.duplicate, receipt: receipts.duplicate } = await fileZaloTip(h, fake, SECOND, "Quán nước đầu cầu có bán ma túy cho thanh niên."));
    const [o, d] = await Promise.all([tipOf(ids.original), tipOf(ids.duplicate)]);
    expect(await openTip(ids.duplicate)).toContain("Trùng tin");
    await zaloSay(h, ZALO_OFFICER, "trung tin");
    expect(last(ZALO_OFFICER)).toContain("Gõ số hiệu tin báo gốc");
    await zaloSay(h, ZALO_OFFICER, "HONGLOC-77777");
    expect(last(ZALO_OFFICER)).toContain("Xã không có tin báo số hiệu");
    await zaloSay(h, ZALO_OFFICER, o.caseNumber);
    expect(last(ZALO_OFFICER)).toContain(`Đã đánh dấu ${d.caseNumber} trùng với ${o.caseNumber}`);
    expect(await tipOf(ids.duplicate)).toMatchObject({ status: "done", result: "duplicate", duplicateOfId: ids.original });
    await h.settle();
    expect(last(SECOND)).toContain("đã được công an xã xem xét, giải quyết xong");
    expect(await openTip(ids.original)).toContain(`tin trùng: ${d.caseNumber}`);
  });

  it("carries the duplicate's detail to the original's officer; the original's tipster follows up as ever", async () => {
    const o = await tipOf(ids.original);
    await zaloSay(h, SECOND, "/theodoi");
    await zaloSay(h, SECOND, receipts.duplicate);
    await zaloSay(h, SECOND, "1");
    await zaloSay(h, SECOND, "Họ bán từ 9 giờ tối.");
    expect(last(SECOND)).toContain("Đã chuyển thông tin bổ sung đến cán bộ đang xử lý vụ việc");
    await zaloSay(h, SECOND, "Xong");
    const alert = fake.textsTo(ZALO_OFFICER.id).find((t) => t.includes("Họ bán từ 9 giờ tối."))!;
    expect(alert).toContain(`BỔ SUNG cho tin báo ${o.caseNumber}`);

    await zaloSay(h, ZALO_TIPSTER, "/theodoi");
    await zaloSay(h, ZALO_TIPSTER, receipts.original);
    expect(fake.textsTo(ZALO_TIPSTER.id).join("\n")).not.toContain("Họ bán từ 9 giờ tối.");
    await zaloSay(h, ZALO_TIPSTER, "1");
    await zaloSay(h, ZALO_TIPSTER, "Có hai người bán.");
    await zaloSay(h, ZALO_TIPSTER, "Xong");
    expect(fake.textsTo(ZALO_OFFICER.id).some((t) => t.includes("Có hai người bán.") && t.includes(o.caseNumber))).toBe(true);
  });

  it("holds the fourth tip of a citizen with three marked spam, and not another citizen's", async () => {
    for (const n of [1, 2, 3]) {
      h.clock.advanceMinutes(61);
      const { tipId } = await fileZaloTip(h, fake, ZALO_TIPSTER, `Tin nhắn vớ vẩn số ${n}.`);
      expect(await openTip(tipId)).toContain("Tin rác");
      await zaloSay(h, ZALO_OFFICER, "Tin rác");
      expect(last(ZALO_OFFICER)).toContain("là tin rác?");
      await zaloSay(h, ZALO_OFFICER, "Đúng, đánh dấu tin rác");
      expect(last(ZALO_OFFICER)).toContain("Đã đánh dấu");
      expect(await tipOf(tipId)).toMatchObject({ status: "unfounded", result: "spam" });
    }
    h.clock.advanceMinutes(61);
    const before = fake.textsTo(ZALO_OFFICER.id).length;
    const { tipId: held, receipt } = await fileZaloTip(h, fake, ZALO_TIPSTER, "Lại nhắn vớ vẩn lần bốn.");
    expect(receipt).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect((await tipOf(held)).hold).toBe("held");
    const { tipId: normal } = await fileZaloTip(h, fake, SECOND, "Có người lạ trồng cây lạ trên nương.");
    expect((await tipOf(normal)).hold).toBeNull();
    const alerts = fake.textsTo(ZALO_OFFICER.id).slice(before).join("\n");
    expect(alerts).not.toContain("Lại nhắn vớ vẩn lần bốn.");
    expect(alerts).toContain("Có người lạ trồng cây lạ trên nương.");
  });

  it("takes a mark back with Không phải tin rác, and the citizen's next tip alerts again", async () => {
    const first = (await h.db.tipEvent.findFirstOrThrow({ where: { kind: "spam_marked" }, orderBy: { id: "asc" } })).tipId;
    expect(await openTip(first)).toContain("Không phải tin rác");
    await zaloSay(h, ZALO_OFFICER, "Không phải tin rác");
    await zaloSay(h, ZALO_OFFICER, "/huy");
    expect((await h.db.spamMark.findFirstOrThrow()).count).toBe(3);
    await openTip(first);
    await zaloSay(h, ZALO_OFFICER, "khong phai tin rac");
    await zaloSay(h, ZALO_OFFICER, "1");
    expect(last(ZALO_OFFICER)).toContain("Đã gỡ dấu tin rác");
    expect((await h.db.spamMark.findFirstOrThrow()).count).toBe(2);
    expect((await tipOf(first)).status).toBe("verifying");
    h.clock.advanceMinutes(61);
    const before = fake.textsTo(ZALO_OFFICER.id).length;
    const { tipId } = await fileZaloTip(h, fake, ZALO_TIPSTER, "Thấy người lạ mang túi vào bản lúc đêm.");
    expect((await tipOf(tipId)).hold).toBeNull();
    expect(fake.textsTo(ZALO_OFFICER.id).slice(before).join("\n")).toContain("Thấy người lạ mang túi vào bản lúc đêm.");
  });

  it("leaves nothing that identifies a citizen; the spam hash matches no pseudonym", async () => {
    const secrets = [ZALO_TIPSTER, SECOND].flatMap((u) => [u.id, u.userIdByApp, u.displayName]);
    const stored = storedBlobs(h);
    const toOfficer = fake.textsTo(ZALO_OFFICER.id);
    expect(toOfficer.some((t) => t.includes("đánh dấu tin rác"))).toBe(true);
    for (const secret of secrets) {
      for (const blob of stored) expect(blob.includes(secret), `database holds ${secret}`).toBe(false);
      expect(h.logs.join("\n").includes(secret), `logs hold ${secret}`).toBe(false);
      for (const text of toOfficer) expect(text.includes(secret), `officers saw ${secret}`).toBe(false);
    }
    expect(await expectSpamHashesUnjoinable(h, [await pseudonymOf(h.deps.keys, "zalo", ZALO_TIPSTER.id)])).toHaveLength(1);
  });
});

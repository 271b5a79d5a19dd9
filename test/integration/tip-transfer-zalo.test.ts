// Sending a tip on (issue 12) on Zalo OA, where choices are typed words or numbers: Hồng Lộc's officer
// sends a tip to Can Lộc (a step back, a search with two matches picked by number), Can Lộc's officer
// gets the alert and asks; the tipster's code still works and the answer reaches Can Lộc; Hồng Lộc's
// officer gets only "sent to". A second tip goes to a unit after a cancel: closed "referred".
import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.js";
import { ZALO_OFFICER, ZALO_TIPSTER, startFakeZaloOa, type FakeZaloOa, type ZaloUser } from "../helpers/fake-zalo-oa.js";
import { fileZaloTip, zaloSay } from "../helpers/zalo-flow.js";
import { addHaTinhCommunes } from "../helpers/places.js";

const OFFICER_B: ZaloUser = { id: "1357924680135792470", userIdByApp: "8642097531864209755", displayName: "Đinh Văn Can Lộc" };

let fake: FakeZaloOa;
let h: Harness;
let tipId = 0;
let receipt = "";
let caseNumber = "";

beforeAll(async () => {
  fake = await startFakeZaloOa();
  h = await createHarness({ zalo: fake });
  await h.authorizeZalo();
  await addHaTinhCommunes(h.db);
  await zaloSay(h, ZALO_OFFICER, `/dangky ${await h.invite("officer", { communeCode: "HONGLOC" }, "Đ/c Lò Văn Một")}`);
  await zaloSay(h, OFFICER_B, `/dangky ${await h.invite("officer", { communeCode: "CANLOC" }, "Đ/c Đinh Văn Hai")}`);
  ({ tipId, receipt } = await fileZaloTip(h, fake, ZALO_TIPSTER, "Có người bán ma túy ở bãi cát bên kia sông, giáp xã Can Lộc."));
  caseNumber = (await h.db.tip.findUniqueOrThrow({ where: { id: tipId } })).caseNumber;
});
afterAll(async () => {
  await h.close();
  await fake.close();
});

const last = (user: ZaloUser) => fake.textsTo(user.id).at(-1) ?? "";
const sinceFor = (user: ZaloUser, mark: number) => fake.textsTo(user.id).slice(mark).join("\n---\n");
const tip = (id = tipId) => h.db.tip.findUniqueOrThrow({ where: { id } });
async function openTip(user: ZaloUser, number = caseNumber): Promise<string> {
  await zaloSay(h, user, "/tinbao tatca");
  await zaloSay(h, user, `Xem ${number}`);
  return last(user);
}

describe("sending a tip on, on Zalo OA", () => {
  it("sends it to Can Lộc by typed words and numbers, with a step back", async () => {
    expect(await openTip(ZALO_OFFICER)).toContain("Chuyển");
    await zaloSay(h, ZALO_OFFICER, "Chuyển");
    expect(last(ZALO_OFFICER)).toContain(`Chuyển tin báo ${caseNumber} đi đâu?`);
    expect(last(ZALO_OFFICER)).toContain("1. 🏘️ Xã/phường khác");
    await zaloSay(h, ZALO_OFFICER, "1");
    expect(last(ZALO_OFFICER)).toContain("Gõ tên hoặc mã xã/phường");
    await zaloSay(h, ZALO_OFFICER, "can loc");
    expect(last(ZALO_OFFICER)).toContain("Gõ lý do chuyển tin báo cho xã Can Lộc");
    await zaloSay(h, ZALO_OFFICER, "/quaylai");
    expect(last(ZALO_OFFICER)).toContain("Gõ tên hoặc mã xã/phường");
    await zaloSay(h, ZALO_OFFICER, "Lộc");
    expect(last(ZALO_OFFICER)).toContain("Có 2 xã/phường khớp");
    expect(last(ZALO_OFFICER)).toContain("1. 🏘️ Can Lộc (CANLOC)");
    await zaloSay(h, ZALO_OFFICER, "1");
    expect(last(ZALO_OFFICER)).toContain("xã Can Lộc");
    await zaloSay(h, ZALO_OFFICER, "Bãi cát thuộc địa bàn xã Can Lộc.");
    expect(last(ZALO_OFFICER)).toContain("Nơi nhận: xã Can Lộc");
    const markB = fake.textsTo(OFFICER_B.id).length;
    await zaloSay(h, ZALO_OFFICER, "1");
    expect(last(ZALO_OFFICER)).toContain(`Đã chuyển tin báo ${caseNumber} sang xã Can Lộc`);
    expect(await tip()).toMatchObject({ communeId: (await h.db.commune.findUniqueOrThrow({ where: { code: "CANLOC" } })).id, status: "new" });
    const toB = sinceFor(OFFICER_B, markB);
    expect(toB).toContain("TIN BÁO MỚI");
    expect(toB).toContain(caseNumber);
    expect(toB).toContain("Tin báo do xã Hồng Lộc chuyển đến");
  });

  it("answers Hồng Lộc's officer politely when they open it again by its old choice", async () => {
    await zaloSay(h, ZALO_OFFICER, `Xem ${caseNumber}`);
    expect(last(ZALO_OFFICER)).toContain(`Tin báo ${caseNumber} đã được chuyển sang xã Can Lộc`);
  });

  it("keeps the tipster's code working, and the answer to Can Lộc's question reaches Can Lộc", async () => {
    await zaloSay(h, ZALO_TIPSTER, "/theodoi");
    await zaloSay(h, ZALO_TIPSTER, receipt);
    expect(last(ZALO_TIPSTER)).toContain("Tin báo đã đến công an xã và đang chờ cán bộ tiếp nhận.");
    await zaloSay(h, ZALO_TIPSTER, "/huy");

    expect(await openTip(OFFICER_B)).toContain("Hỏi người báo tin");
    await zaloSay(h, OFFICER_B, "Hỏi người báo tin");
    await zaloSay(h, OFFICER_B, "Người bán đi thuyền hay đi bộ?");
    expect(last(ZALO_TIPSTER)).toContain("Người bán đi thuyền hay đi bộ?");
    const markA = fake.textsTo(ZALO_OFFICER.id).length;
    await zaloSay(h, ZALO_TIPSTER, "Trả lời cán bộ");
    await zaloSay(h, ZALO_TIPSTER, "Đi thuyền máy.");
    await zaloSay(h, ZALO_TIPSTER, "/huy");
    expect(fake.textsTo(OFFICER_B.id).join("\n")).toContain("Đi thuyền máy.");
    expect(sinceFor(ZALO_OFFICER, markA)).not.toContain("Đi thuyền máy.");
  });

  it("sends a second tip to a unit after a cancel: closed 'referred', the tipster told", async () => {
    const second = (await fileZaloTip(h, fake, ZALO_TIPSTER, "Xe tải lạ chở hàng đêm qua kho sau chợ, nghi đường dây lớn.")).tipId;
    const number = (await tip(second)).caseNumber;
    await openTip(ZALO_OFFICER, number);
    await zaloSay(h, ZALO_OFFICER, "Chuyển");
    await zaloSay(h, ZALO_OFFICER, "Đơn vị công an");
    expect(last(ZALO_OFFICER)).toContain("1. Phòng Cảnh sát điều tra tội phạm về ma túy (PC04), Công an tỉnh");
    await zaloSay(h, ZALO_OFFICER, "/huy");
    expect(last(ZALO_OFFICER)).toContain("Đã hủy, tin báo không được chuyển.");
    await openTip(ZALO_OFFICER, number);
    await zaloSay(h, ZALO_OFFICER, "Chuyển");
    await zaloSay(h, ZALO_OFFICER, "2");
    await zaloSay(h, ZALO_OFFICER, "1");
    await zaloSay(h, ZALO_OFFICER, "Đường dây liên tỉnh.");
    const before = fake.textsTo(ZALO_TIPSTER.id).length;
    await zaloSay(h, ZALO_OFFICER, "Chuyển");
    expect(last(ZALO_OFFICER)).toContain(`Đã chuyển tin báo ${number} cho Phòng Cảnh sát điều tra tội phạm về ma túy (PC04)`);
    expect(await tip(second)).toMatchObject({ status: "done", result: "referred" });
    const toTipster = fake.textsTo(ZALO_TIPSTER.id).slice(before).join("\n");
    expect(toTipster).toContain("đã được công an xã xem xét, giải quyết xong");
    expect(toTipster).not.toContain("PC04");
  });

  it("leaves nothing that identifies the tipster in the database, the logs or what officers read", async () => {
    const secrets = [ZALO_TIPSTER.id, ZALO_TIPSTER.userIdByApp, ZALO_TIPSTER.displayName];
    const stored = [h.dbPath, `${h.dbPath}-wal`].filter(existsSync).map((f) => readFileSync(f)).map((b) => b.toString("utf8") + b.toString("latin1"));
    const toOfficers = [...fake.textsTo(ZALO_OFFICER.id), ...fake.textsTo(OFFICER_B.id)];
    expect(toOfficers.some((t) => t.includes("chuyển tin báo"))).toBe(true);
    for (const secret of secrets) {
      for (const blob of stored) expect(blob.includes(secret), `database holds ${secret}`).toBe(false);
      expect(h.logs.join("\n").includes(secret), `logs hold ${secret}`).toBe(false);
      for (const text of toOfficers) expect(text.includes(secret), `officers saw ${secret}`).toBe(false);
    }
  });
});

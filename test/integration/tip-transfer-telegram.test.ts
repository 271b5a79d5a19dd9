// Sending a tip on (issue 12) on Telegram, through the real app and a fake Bot API: a tip filed in
// Hồng Lộc goes to Can Lộc (same province) after the commune search's refusals and a step back; Can
// Lộc's officer gets the new-tip alert, Hồng Lộc's officer only a polite "sent to" and a /tinbao line;
// the tipster's receipt code still shows the status and questions and answers flow with Can Lộc. A
// second tip goes to the drug police unit: closed "referred", the tipster told in neutral words.
// An officer of another commune cannot start it by crafted data. The anonymity scan over all of it.
import { existsSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Harness } from "../helpers/harness.js";
import { telegramButtons, telegramSession, toChat } from "../helpers/channels.js";
import { TIPSTER, callbackUpdate, textUpdate, type FakeTelegram, type TestUser } from "../helpers/fake-telegram.js";
import { addHaTinhCommunes } from "../helpers/places.js";
import { transferToCommune } from "../../src/tips/transfer.js";

const OFFICER_A: TestUser = { id: 5_560_101, is_bot: false, first_name: "Nguyễn", last_name: "Văn Một", username: "ca_hl", language_code: "vi" };
const OFFICER_B: TestUser = { id: 5_560_102, is_bot: false, first_name: "Trần", last_name: "Văn Hai", username: "ca_cl", language_code: "vi" };
const OFFICER_C: TestUser = { id: 5_560_103, is_bot: false, first_name: "Hoàng", last_name: "Xã Khác", username: "ca_ns", language_code: "vi" };


let tipId = 0;
let caseNumber = "";
let receipt = "";
const staffIds: Record<string, number> = {};

const tg = telegramSession({ setup: (harness) => addHaTinhCommunes(harness.db) });
let fake: FakeTelegram;
let h: Harness;
beforeAll(() => {
  ({ fake, h } = tg);
});

const { post, textsTo, lastTo, lastText, since } = tg;
const buttonsOf = telegramButtons;
const tip = (id = tipId) => h.db.tip.findUniqueOrThrow({ where: { id } });
const commune = (code: string) => h.db.commune.findUniqueOrThrow({ where: { code } });

async function fileTip(text: string): Promise<number> {
  const hl = await commune("HONGLOC");
  for (const step of [textUpdate("/start"), textUpdate("Hồng Lộc"), callbackUpdate(`c:${hl.id}`), callbackUpdate("k:selling"), callbackUpdate(`v:none`), textUpdate(text), callbackUpdate("m:continue"), callbackUpdate("s:submit")]) await post(step);
  return (await h.db.tip.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
}

describe("sending a tip on, on Telegram", () => {
  it("registers an officer each of Hồng Lộc, Can Lộc and Nam Sách", async () => {
    for (const [user, name, code] of [
      [OFFICER_A, "Đ/c Nguyễn Văn Một", "HONGLOC"],
      [OFFICER_B, "Đ/c Trần Văn Hai", "CANLOC"],
      [OFFICER_C, "Đ/c Hoàng Xã Khác", "NAMSACH"],
    ] as const) {
      await post(textUpdate(`/start ${await h.invite("officer", { communeCode: code }, name)}`, { user }));
      expect(textsTo(user).join("\n")).toContain("Đăng ký thành công");
      staffIds[user.username!] = (await h.db.staff.findFirstOrThrow({ where: { displayName: name } })).id;
    }
  });

  it("offers Chuyển on an open tip's view; an officer of another commune cannot start it with crafted data", async () => {
    tipId = await fileTip("Nhà cuối xóm bên kia cầu có người bán ma túy, hay giao hàng buổi tối.");
    caseNumber = (await tip()).caseNumber;
    receipt = /([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(textsTo(TIPSTER).join("\n"))![1]!;
    await post(callbackUpdate(`t:${tipId}:take`, { user: OFFICER_A }));
    await post(callbackUpdate(`t:${tipId}:ask`, { user: OFFICER_A }));
    await post(textUpdate("Nhà đó ở thôn nào?", { user: OFFICER_A }));
    await post(callbackUpdate(`l:${tipId}`, { user: OFFICER_A }));
    expect(buttonsOf(lastTo(OFFICER_A)).map((b) => b.callback_data)).toContain(`ttr:${tipId}`);

    await post(callbackUpdate(`ttr:${tipId}`, { user: OFFICER_C }));
    expect(lastText(OFFICER_C)).toBe("Không tìm thấy tin báo này.");
    expect(lastText(OFFICER_C)).not.toContain(caseNumber);
    await post(textUpdate("Can Lộc", { user: OFFICER_C }));
    await post(callbackUpdate("tfy:yes", { user: OFFICER_C }));
    const stranger = { id: staffIds.ca_ns!, displayName: "x", role: "officer", communeId: (await commune("NAMSACH")).id, villageId: null, active: true };
    expect(await transferToCommune(h.deps, stranger, tipId, (await commune("CANLOC")).id, "thử")).toEqual({ ok: false, reason: "not_found" });
    expect((await tip()).communeId).toBe((await commune("HONGLOC")).id);
    expect(await h.db.tipTransfer.count()).toBe(0);
  });

  it("searches the province's communes: no match, its own commune, another province, many; back and a code", async () => {
    await post(callbackUpdate(`ttr:${tipId}`, { user: OFFICER_A }));
    expect(lastText(OFFICER_A)).toContain(`Chuyển tin báo ${caseNumber} đi đâu?`);
    expect(buttonsOf(lastTo(OFFICER_A)).map((b) => b.callback_data)).toEqual(["tfk:commune", "tfk:unit", "nav:cancel"]);
    await post(callbackUpdate("tfk:commune", { user: OFFICER_A }));
    expect(lastText(OFFICER_A)).toContain("Gõ tên hoặc mã xã/phường");
    await post(textUpdate("Xyzabc", { user: OFFICER_A }));
    expect(lastText(OFFICER_A)).toContain('Không tìm thấy xã/phường nào trong tỉnh khớp với "Xyzabc"');
    await post(textUpdate("hong loc", { user: OFFICER_A }));
    expect(lastText(OFFICER_A)).toContain("Tin báo đang ở chính xã này");
    await post(textUpdate("Nam Sách", { user: OFFICER_A }));
    expect(lastText(OFFICER_A)).toContain("thuộc tỉnh khác");
    await post(textUpdate("Lộc", { user: OFFICER_A }));
    expect(lastText(OFFICER_A)).toContain("Có 2 xã/phường khớp");
    expect(buttonsOf(lastTo(OFFICER_A)).map((b) => b.text)).toEqual(expect.arrayContaining(["🏘️ Can Lộc (CANLOC)", "🏘️ Thiên Lộc (THIENLOC)"]));
    expect(buttonsOf(lastTo(OFFICER_A)).map((b) => b.text).join(" ")).not.toContain("Hồng Lộc");
    await post(textUpdate("/quaylai", { user: OFFICER_A }));
    expect(lastText(OFFICER_A)).toContain("đi đâu?");
    await post(callbackUpdate("tfk:commune", { user: OFFICER_A }));
    await post(textUpdate("Lộc", { user: OFFICER_A }));
    const canLoc = buttonsOf(lastTo(OFFICER_A)).find((b) => b.text.includes("Can Lộc"))!;
    await post(callbackUpdate(canLoc.callback_data, { user: OFFICER_A }));
    expect(lastText(OFFICER_A)).toContain("Gõ lý do chuyển tin báo cho xã Can Lộc");
    await post(textUpdate("/quaylai", { user: OFFICER_A }));
    expect(lastText(OFFICER_A)).toContain("Gõ tên hoặc mã xã/phường");
    await post(textUpdate("canloc", { user: OFFICER_A }));
    expect(lastText(OFFICER_A)).toContain("xã Can Lộc");
    expect((await tip()).communeId).toBe((await commune("HONGLOC")).id);
  });

  it("confirms with a summary; Can Lộc's officer gets the new-tip alert and the tip arrives there as new", async () => {
    await post(textUpdate("Nhà được nêu ở thôn Trung Lương, thuộc địa bàn xã Can Lộc.", { user: OFFICER_A }));
    const summary = lastText(OFFICER_A);
    expect(summary).toContain(`Xác nhận chuyển tin báo ${caseNumber}`);
    expect(summary).toContain("Nơi nhận: xã Can Lộc");
    expect(summary).toContain("Lý do: Nhà được nêu ở thôn Trung Lương");
    const mark = fake.calls.length;
    await post(callbackUpdate("tfy:yes", { user: OFFICER_A }));
    expect(since(mark, OFFICER_A).join("\n")).toContain(`Đã chuyển tin báo ${caseNumber} sang xã Can Lộc`);

    const moved = await tip();
    expect(moved).toMatchObject({ communeId: (await commune("CANLOC")).id, status: "new", officerStaffId: null, villageId: null, dueAt: null, takenAt: null, escalationLevel: 0 });
    expect(await h.db.tipTransfer.findMany()).toMatchObject([
      { tipId, fromCommuneId: (await commune("HONGLOC")).id, toCommuneId: (await commune("CANLOC")).id, unit: null, reason: "Nhà được nêu ở thôn Trung Lương, thuộc địa bàn xã Can Lộc.", staffId: staffIds.ca_hl },
    ]);
    const alert = fake.calls.slice(mark).filter(toChat(OFFICER_B.id)).find((c) => String(c.payload.text).includes("TIN BÁO MỚI"));
    expect(alert, since(mark, OFFICER_B).join("\n---\n")).toBeDefined();
    expect(String(alert!.payload.text)).toContain(caseNumber);
    expect(String(alert!.payload.text)).toContain("Can Lộc");
    expect(buttonsOf(alert!).map((b) => b.callback_data)).toContain(`t:${tipId}:take`);
    expect(since(mark, OFFICER_B).join("\n")).toContain("Tin báo do xã Hồng Lộc chuyển đến");
    expect(since(mark, OFFICER_C)).toEqual([]);
    expect(since(mark, TIPSTER)).toEqual([]);
  });

  it("leaves Hồng Lộc's officer only a polite 'sent to' and a line in /tinbao", async () => {
    await post(callbackUpdate(`l:${tipId}`, { user: OFFICER_A }));
    expect(lastText(OFFICER_A)).toBe(`Tin báo ${caseNumber} đã được chuyển sang xã Can Lộc, xã mình không còn xem được tin này.`);
    await post(callbackUpdate(`t:${tipId}:take`, { user: OFFICER_A }));
    expect(lastText(OFFICER_A)).toContain("đã được chuyển sang xã Can Lộc");
    expect((await tip()).status).toBe("new");
    await post(callbackUpdate(`ttr:${tipId}`, { user: OFFICER_A }));
    expect(lastText(OFFICER_A)).toContain("đã được chuyển sang xã Can Lộc");
    await post(textUpdate("/tinbao tatca", { user: OFFICER_A }));
    expect(lastText(OFFICER_A)).toContain("Đã chuyển đi trong 30 ngày qua: 1 tin sang xã Can Lộc.");
    expect(lastText(OFFICER_A)).not.toContain(caseNumber);
  });

  it("keeps the receipt code working; questions and answers flow with Can Lộc, not Hồng Lộc", async () => {
    await post(textUpdate("/theodoi"));
    await post(textUpdate(receipt));
    expect(lastText(TIPSTER)).toContain("Tin báo đã đến công an xã và đang chờ cán bộ tiếp nhận.");
    await post(callbackUpdate("f:exit"));

    // An answer to Hồng Lộc's question asked before the transfer reaches Can Lộc, not the one who asked.
    let mark = fake.calls.length;
    await post(callbackUpdate(`r:${tipId}`));
    await post(textUpdate("Thôn Trung Lương, xã bên cạnh."));
    await post(callbackUpdate("f:done"));
    expect(since(mark, OFFICER_B).join("\n")).toContain("Thôn Trung Lương, xã bên cạnh.");
    expect(since(mark, OFFICER_A).join("\n")).not.toContain("Thôn Trung Lương, xã bên cạnh.");

    await post(callbackUpdate(`t:${tipId}:take`, { user: OFFICER_B }));
    expect((await tip()).officerStaffId).toBe(staffIds.ca_cl);
    await post(callbackUpdate(`t:${tipId}:ask`, { user: OFFICER_B }));
    await post(textUpdate("Bạn thấy giao hàng vào khoảng mấy giờ?", { user: OFFICER_B }));
    expect(lastText(TIPSTER)).toContain("Bạn thấy giao hàng vào khoảng mấy giờ?");
    mark = fake.calls.length;
    await post(callbackUpdate(`r:${tipId}`));
    await post(textUpdate("Khoảng 9 giờ tối."));
    await post(callbackUpdate("f:done"));
    const answer = fake.calls.slice(mark).filter(toChat(OFFICER_B.id)).find((c) => String(c.payload.text).includes("Khoảng 9 giờ tối."));
    expect(answer).toBeDefined();
    expect(buttonsOf(answer!).map((b) => b.callback_data)).toEqual([`t:${tipId}:ask`, `l:${tipId}`]);
    expect(since(mark, OFFICER_A).join("\n")).not.toContain("Khoảng 9 giờ tối.");

    await post(callbackUpdate(`l:${tipId}`, { user: OFFICER_B }));
    const view = lastText(OFFICER_B);
    expect(view).toContain("chuyển tin báo: xã Hồng Lộc → xã Can Lộc. Lý do: Nhà được nêu ở thôn Trung Lương");
    expect(view).toContain("Người phụ trách: Đ/c Trần Văn Hai");
  });

  it("sends a second tip to the drug police unit after a cancel and a step back: closed 'referred', the tipster told", async () => {
    const second = await fileTip("Có người lạ từ tỉnh khác mang hàng về kho sau chợ, nghi là đường dây lớn.");
    const number = (await tip(second)).caseNumber;
    await post(callbackUpdate(`ttr:${second}`, { user: OFFICER_A }));
    await post(callbackUpdate("tfk:unit", { user: OFFICER_A }));
    expect(lastText(OFFICER_A)).toContain(`Chọn đơn vị công an sẽ nhận tin báo ${number}`);
    expect(buttonsOf(lastTo(OFFICER_A)).map((b) => b.callback_data)).toEqual(expect.arrayContaining(["tfu:pc04", "tfu:province_police", "nav:back", "nav:cancel"]));
    await post(textUpdate("PC04", { user: OFFICER_A }));
    expect(lastText(OFFICER_A)).toContain("Hãy chọn một đơn vị trong danh sách");
    await post(callbackUpdate("tfu:pc04", { user: OFFICER_A }));
    expect(lastText(OFFICER_A)).toContain("Gõ lý do chuyển tin báo cho Phòng Cảnh sát điều tra tội phạm về ma túy (PC04)");
    await post(textUpdate("/huy", { user: OFFICER_A }));
    expect(lastText(OFFICER_A)).toBe("Đã hủy, tin báo không được chuyển.");
    expect((await tip(second)).status).toBe("new");

    await post(callbackUpdate(`ttr:${second}`, { user: OFFICER_A }));
    await post(callbackUpdate("tfk:unit", { user: OFFICER_A }));
    await post(callbackUpdate("tfu:pc04", { user: OFFICER_A }));
    await post(textUpdate("Đường dây liên tỉnh.", { user: OFFICER_A }));
    expect(lastText(OFFICER_A)).toContain('kết quả "Chuyển cơ quan khác giải quyết"');
    await post(textUpdate("/quaylai", { user: OFFICER_A }));
    expect(lastText(OFFICER_A)).toContain("Gõ lý do chuyển tin báo");
    await post(textUpdate("Đường dây liên tỉnh, thuộc thẩm quyền PC04.", { user: OFFICER_A }));
    const mark = fake.calls.length;
    await post(callbackUpdate("tfy:yes", { user: OFFICER_A }));
    expect(since(mark, OFFICER_A).join("\n")).toContain(`Đã chuyển tin báo ${number} cho Phòng Cảnh sát điều tra tội phạm về ma túy (PC04)`);
    expect(await tip(second)).toMatchObject({ status: "done", result: "referred", communeId: (await commune("HONGLOC")).id });
    expect(await h.db.tipTransfer.findFirstOrThrow({ where: { tipId: second } })).toMatchObject({ unit: "pc04", toCommuneId: null, reason: "Đường dây liên tỉnh, thuộc thẩm quyền PC04." });
    const toTipster = since(mark, TIPSTER).join("\n");
    expect(toTipster).toContain("đã được công an xã xem xét, giải quyết xong");
    expect(toTipster).not.toContain("PC04");
    expect(toTipster).not.toContain("Đường dây");

    await post(callbackUpdate(`l:${second}`, { user: OFFICER_A }));
    const view = lastText(OFFICER_A);
    expect(view).toContain("Kết quả: Chuyển cơ quan khác giải quyết");
    expect(view).toContain("chuyển tin báo: xã Hồng Lộc → Phòng Cảnh sát điều tra tội phạm về ma túy (PC04), Công an tỉnh. Lý do: Đường dây liên tỉnh");
    expect(buttonsOf(lastTo(OFFICER_A)).map((b) => b.callback_data)).not.toContain(`ttr:${second}`);
    await post(callbackUpdate(`ttr:${second}`, { user: OFFICER_A }));
    expect(lastText(OFFICER_A)).toContain(`Tin báo ${number} đã kết thúc, không chuyển được`);
    await post(textUpdate("/tinbao", { user: OFFICER_A }));
    expect(lastText(OFFICER_A)).toContain("1 tin sang xã Can Lộc");
    expect(lastText(OFFICER_A)).toContain("1 tin sang Phòng Cảnh sát điều tra tội phạm về ma túy (PC04)");
  });

  it("lets a leader send a tip only to another commune: straight to the commune, no unit", async () => {
    const LEADER: TestUser = { id: 5_560_104, is_bot: false, first_name: "Phạm", last_name: "Lãnh Đạo", username: "ld_hl", language_code: "vi" };
    await post(textUpdate(`/start ${await h.invite("leader", { communeCode: "HONGLOC" }, "Đ/c Phạm Lãnh Đạo")}`, { user: LEADER }));
    const third = await fileTip("Có nhóm người lạ hay tụ tập ở nhà hoang cuối thôn.");
    await post(callbackUpdate(`l:${third}`, { user: LEADER }));
    expect(buttonsOf(lastTo(LEADER)).map((b) => b.callback_data)).toContain(`ttr:${third}`);
    const mark = fake.calls.length;
    await post(callbackUpdate(`ttr:${third}`, { user: LEADER }));
    expect(since(mark, LEADER).join("\n")).toContain("việc này do cán bộ xử lý tin báo làm");
    expect(lastText(LEADER)).toContain("Gõ tên hoặc mã xã/phường");
    expect(buttonsOf(lastTo(LEADER)).map((b) => b.callback_data)).toEqual(["nav:cancel"]);
    await post(textUpdate("Thiên Lộc", { user: LEADER }));
    await post(textUpdate("Nhà hoang thuộc xã Thiên Lộc.", { user: LEADER }));
    await post(callbackUpdate("tfy:yes", { user: LEADER }));
    expect(lastText(LEADER)).toContain("sang xã Thiên Lộc");
    expect((await tip(third)).communeId).toBe((await commune("THIENLOC")).id);
  });

  it("leaves nothing that identifies the tipster in the database, the logs or staff's messages", async () => {
    const secrets = [String(TIPSTER.id), TIPSTER.username!, TIPSTER.first_name, TIPSTER.last_name!];
    const stored = [h.dbPath, `${h.dbPath}-wal`].filter(existsSync).map((f) => readFileSync(f)).map((b) => b.toString("utf8") + b.toString("latin1"));
    const toStaff = fake.calls.filter((c) => !toChat(TIPSTER.id)(c)).map((c) => JSON.stringify(c.payload));
    expect(toStaff.some((m) => m.includes("chuyển tin báo"))).toBe(true);
    for (const secret of secrets) {
      for (const blob of stored) expect(blob.includes(secret), `database holds ${secret}`).toBe(false);
      expect(h.logs.join("\n").includes(secret), `logs hold ${secret}`).toBe(false);
      for (const message of toStaff) expect(message.includes(secret), `staff saw ${secret}`).toBe(false);
    }
  });
});

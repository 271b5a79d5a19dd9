// The figures form and the statistics commands end to end on the web chat: the real app on a real
// SQLite file, staff registered by invitation, answers typed and buttons pressed as a person would.
import { addMonths, formatMonthVN, monthOf } from "../../src/util/vietnam-time.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, fileWebTip, type Harness, type WebClient } from "../helpers/harness.js";
import { criteriaRegistry } from "../../src/compliance/criteria.js";
import { FIGURE_FIELDS, opensQuarter } from "../../src/compliance/fields.js";
import { defaultComplianceDeps } from "../../src/compliance/service.js";

let h: Harness;
let head: WebClient;
const month = () => monthOf(h.clock.now);

/** A client that types at a human pace (2 s a message), under the web chat's 40 messages a minute. */
function paced(client: WebClient): WebClient {
  const { say, press, send } = client;
  client.say = (text) => (h.clock.advanceMinutes(2 / 60), say(text));
  client.press = (label) => (h.clock.advanceMinutes(2 / 60), press(label));
  client.send = (body) => (h.clock.advanceMinutes(2 / 60), send(body));
  return client;
}

beforeAll(async () => {
  h = await createHarness();
  h.deps.compliance = defaultComplianceDeps();
  head = paced(h.web());
  await head.say(`/dangky ${await h.invite("village_head", { villageCode: "HL-01" }, "Trưởng thôn Thượng Phú")}`);
});
afterAll(async () => h.close());

const texts = (messages: { text: string }[]) => messages.map((m) => m.text).join("\n");

/** Answers the question on screen with a number, "0" or "Có". */
async function answer(client: WebClient, fieldIndex: number, value: number): Promise<string> {
  const field = FIGURE_FIELDS[fieldIndex]!;
  const out = field.kind === "yesno" ? await client.press(value ? "fg:yes" : "fg:no") : await client.say(String(value));
  return texts(out);
}

describe("/capnhat on the web chat", () => {
  it("guides a village head through every figure, with a way back, checks, and a summary before saving", async () => {
    const intro = texts(await head.say("/capnhat"));
    expect(intro).toContain(`Cập nhật số liệu tháng ${formatMonthVN(month())} — Thôn Thượng Phú, xã Hồng Lộc`);
    expect(intro).toContain(`Câu 1/${FIGURE_FIELDS.length}`);
    expect(head.last()!.choices!.flat().map((c) => c.label)).toEqual(expect.arrayContaining(["⬅️ Quay lại", "✖️ Hủy", "⏭️ Chưa có số liệu"]));

    // Bad input gets a clear answer and the same question again; nothing is lost.
    expect(texts(await head.say("một trăm"))).toMatch(/Chưa đọc được số[\s\S]*Câu 1\//);
    expect(texts(await head.say("-5"))).toContain("không thể âm");
    expect(texts(await head.say("9999999"))).toContain("lớn hơn mức hợp lý");
    expect(texts(await head.say("🙂\u200b"))).toContain("Chưa đọc được số");
    expect(texts(await head.say("ꪀꪁꪂ ꪒꪾ"))).toContain("Chưa đọc được số"); // Tai Viet script
    expect(texts(await head.say("Kuv tsis paub"))).toContain("Chưa đọc được số"); // Hmong RPA
    expect(texts(await head.say("1".repeat(7000)))).toContain("Câu 1/");
    expect(texts(await head.say("120"))).toContain("Câu 2/");
    // More households committed than households: refused, with the reason.
    expect(texts(await head.say("130"))).toContain('lớn hơn "Số hộ gia đình đang cư trú" (120)');
    // Back to question 1, then forward again.
    expect(texts(await head.press("nav:back"))).toContain("Câu 1/");
    expect(texts(await head.say("1.200"))).toContain("Câu 2/");
    expect(texts(await head.say("1200"))).toContain("Câu 3/");
    expect(texts(await head.press("fg:yes"))).toContain("Câu 4/");
    expect(texts(await head.say("có"))).toContain("Câu 5/");
    // The rest: some numbers, one skipped.
    const values: Record<string, number> = { propaganda_sessions: 2, addicts_total: 3, addicts_with_file: 3, addicts_in_treatment: 2, addicts_in_community: 3, baseline_addicts: 6, anti_drug_models: 1 };
    let last = "";
    for (let i = 4; i < FIGURE_FIELDS.length; i++) {
      const id = FIGURE_FIELDS[i]!.id;
      if (id === "serious_incidents") last = texts(await head.press("fg:skip"));
      else last = await answer(head, i, values[id] ?? 0);
    }
    expect(last).toContain("Kiểm tra số liệu tháng");
    expect(last).toContain("Số hộ gia đình đang cư trú: 1.200");
    expect(last).toContain("Có hòm thư tố giác tội phạm: có");
    expect(last).toContain("Vụ việc rất nghiêm trọng do người nghiện, loạn thần gây ra: chưa có số liệu");
    expect(last).toContain("Còn 1 mục chưa có số liệu");
    expect(await h.db.villageFigures.count()).toBe(0);

    // Edit one item from the summary: lowering the households below the committed ones asks that next.
    expect(texts(await head.press("fg:edit"))).toContain(`Gõ số thứ tự của mục cần sửa (1–${FIGURE_FIELDS.length})`);
    expect(texts(await head.say("99"))).toContain(`từ 1 đến ${FIGURE_FIELDS.length}`);
    expect(texts(await head.say("1"))).toContain("Câu 1/");
    expect(texts(await head.say("1000"))).toMatch(/Mục "Số hộ đã ký cam kết[^"]*" lớn hơn số tổng[\s\S]*Câu 2\//);
    const back = texts(await head.say("990"));
    expect(back).toContain("Số hộ gia đình đang cư trú: 1.000");
    expect(back).toContain("Số hộ đã ký cam kết không tham gia tệ nạn ma túy: 990");

    const saved = texts(await head.press("fg:save"));
    expect(saved).toContain(`Đã lưu số liệu tháng ${formatMonthVN(month())} của Thôn Thượng Phú (lần cập nhật 1)`);
    const village = await h.db.village.findUniqueOrThrow({ where: { code: "HL-01" } });
    const row = await h.db.villageFigures.findUniqueOrThrow({ where: { villageId_month: { villageId: village.id, month: month() } } });
    const data = JSON.parse(row.data) as Record<string, number>;
    expect(data).toMatchObject({ households: 1000, households_committed: 990, tip_box: 1, hotline_board: 1, propaganda_sessions: 2, addicts_total: 3 });
    expect(data.serious_incidents).toBeUndefined();
    const staff = await h.db.staff.findFirstOrThrow({ where: { role: "village_head" } });
    expect(row.updatedByStaffId).toBe(staff.id);
    expect(await h.db.figureRevision.count()).toBe(1);
  });

  it("keeps corrections with who and when: the old values are offered and the history grows", async () => {
    const intro = texts(await head.say("/capnhat"));
    expect(intro).toMatch(/Tháng này đã có số liệu \(lần cập nhật 1, lúc \d\d:\d\d \d\d\/\d\d\/\d{4}, bởi Trưởng thôn Thượng Phú\)/);
    // Outside a quarter's first month the quarterly figures (households first) are kept, not asked.
    const quarterly = opensQuarter(month()) ? [] : FIGURE_FIELDS.filter((f) => f.cadence === "quarterly").map((f) => f.id);
    if (quarterly.length > 0) expect(intro).toContain(`${quarterly.length} mục theo quý được giữ như lần nhập trước`);
    else expect(intro).toContain("(Đã nhập: 1.000)");
    expect(intro).toMatch(/\(Đã nhập: [\d.]+\)/);
    h.clock.advanceMinutes(5);
    for (let i = 0; i < FIGURE_FIELDS.length; i++) {
      const id = FIGURE_FIELDS[i]!.id;
      if (quarterly.includes(id)) continue;
      if (id === "addicts_in_treatment") await head.say("3");
      else if (id === "serious_incidents") await head.press("fg:zero");
      else await head.press("fg:keep");
    }
    expect(texts(await head.press("fg:save"))).toContain("(lần cập nhật 2)");
    const revisions = await h.db.figureRevision.findMany({ orderBy: { version: "asc" } });
    expect(revisions.map((r) => r.version)).toEqual([1, 2]);
    expect(JSON.parse(revisions[0]!.data).addicts_in_treatment).toBe(2);
    expect(JSON.parse(revisions[1]!.data)).toMatchObject({ addicts_in_treatment: 3, serious_incidents: 0, households: 1000 });
    expect(revisions[1]!.createdAt.getTime() - revisions[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(5 * 60_000);
    expect(revisions.map((r) => r.staffId)).toEqual([revisions[0]!.staffId, revisions[0]!.staffId]);
  });

  it("cancels at any step without saving, and refuses another village or a future month", async () => {
    await head.say("/capnhat");
    await head.say("1");
    // What was typed is kept as a draft, not as figures; the next /capnhat offers to go on with it.
    expect(texts(await head.press("nav:cancel"))).toContain("Đã thoát. 1 mục đã nhập được giữ làm bản nháp (chưa lưu vào số liệu)");
    expect(await h.db.figureRevision.count()).toBe(2);
    expect(texts(await head.say("/capnhat"))).toContain("Đồng chí có bản nháp chưa lưu");
    expect(texts(await head.press("fg:resume"))).toMatch(/Câu 2\//);
    expect(texts(await head.press("nav:cancel"))).toContain("giữ làm bản nháp");
    await head.say("/capnhat");
    expect(texts(await head.press("fg:restart"))).toMatch(/Câu 1\//);
    expect(await h.db.figureDraft.count()).toBe(0);
    expect(texts(await head.press("nav:cancel"))).toContain("Đã thoát, số liệu chưa được lưu");
    expect(texts(await head.say("/capnhat HL-02"))).toContain("không có quyền");
    expect(texts(await head.say(`/capnhat ${formatMonthVN(addMonths(month(), 1))}`))).toContain("chưa tới");
    // "Back" from the first question leaves the form.
    await head.say("/capnhat");
    expect(texts(await head.press("nav:back"))).toContain("Đã thoát");
  });

  it("offers last month's figures to copy and then edit", async () => {
    const next = addMonths(month(), 1);
    h.clock.now = new Date(h.clock.now.getTime() + 31 * 86_400_000);
    expect(monthOf(h.clock.now)).toBe(next);
    const intro = texts(await head.say("/capnhat"));
    expect(intro).toContain("(Tháng trước: 1.000)");
    const summary = texts(await head.press("fg:copy"));
    expect(summary).toContain("Số hộ gia đình đang cư trú: 1.000");
    expect(texts(await head.press("fg:save"))).toContain("(lần cập nhật 1)");
    h.clock.now = new Date(h.clock.now.getTime() - 31 * 86_400_000);
  });
});

describe("statistics commands on the web chat", () => {
  let leader: WebClient;
  let officer: WebClient;
  beforeAll(async () => {
    leader = paced(h.web());
    await leader.say(`/dangky ${await h.invite("leader", { communeCode: "HONGLOC" }, "Chủ tịch UBND xã")}`);
    officer = paced(h.web());
    await officer.say(`/dangky ${await h.invite("officer", { communeCode: "HONGLOC" }, "Công an xã")}`);
    await fileWebTip(h.web(), { village: "Thôn Tân Hòa" });
    await fileWebTip(h.web());
  });

  it("/thongke gives the commune's summary to the leader, with villages still missing", async () => {
    const out = texts(await leader.say("/thongke"));
    expect(out).toContain(`THỐNG KÊ THÁNG ${formatMonthVN(month())} — XÃ HỒNG LỘC`);
    expect(out).toContain("Số liệu thôn: 1/4 thôn đã cập nhật");
    expect(out).toContain("Chưa cập nhật: Thôn Tân Hòa, Thôn Phú Lộc, Thôn Trung Sơn");
    // Addicts in the community beside all resident addicts (issue 14).
    expect(out).toContain("• Người nghiện đang ở ngoài cộng đồng (không ở cơ sở cai nghiện): 3/3 (chưa đủ các thôn)");
    expect(out).toContain("Phát thanh: chưa có dữ liệu phát thanh");
    expect(out).toContain("Tin báo trong tháng: 2 (đang mở 2)");
  });

  it("/tieuchi lists each criterion ✅ ❌ ❔ with numbers and what is missing", async () => {
    const out = texts(await leader.say("/tieuchi"));
    expect(out).toContain("TIÊU CHÍ THÁNG");
    // Addicts in the community, not every resident addict (issue 14): 3 in Thượng Phú, the others not entered.
    expect(out).toMatch(/❔ Tổng số người nghiện ma túy ngoài cộng đồng dưới 10 người\n\s+Yêu cầu: dưới 10\n\s+Thiếu: Người nghiện đang ở ngoài cộng đồng \(không ở cơ sở cai nghiện\) \(Thôn Tân Hòa, Thôn Phú Lộc, Thôn Trung Sơn\)\n\s+Nguồn: KH huyện Như Xuân \(Thanh Hóa\) 2024–2025, mục II, tiêu chí 1\n/);
    // Each total against its own figure at registration, in the plan's words; not "không có (0)".
    expect(out).toContain("❔ Kiềm chế, làm giảm tổng số người nghiện và tổng số người sử dụng trái phép chất ma túy cư trú trên địa bàn so với khi đăng ký xây dựng xã không ma túy\n    Yêu cầu: tổng số người nghiện và tổng số người sử dụng trái phép, mỗi số đều giảm so với số đã rà soát khi đăng ký (hoặc đã bằng 0)\n");
    expect(out).not.toContain("Yêu cầu: không có (0)\n    Thiếu: Người nghiện ma túy (tổng số)");
    // "Ít nhất 01 mô hình" met by the one village entered, three still missing: ✅, not ❔ (issue 14).
    expect(out).toMatch(
      /✅ Xây dựng và duy trì hiệu quả ít nhất 01 mô hình về phòng, chống tội phạm, tệ nạn ma túy trên địa bàn cấp xã\n\s+Hiện tại: ít nhất 1 \(chưa đủ các thôn\) · Yêu cầu: ít nhất 1\n\s+Còn thiếu: Mô hình phòng, chống ma túy đang hoạt động hiệu quả \(Thôn Tân Hòa, Thôn Phú Lộc, Thôn Trung Sơn\)\n/,
    );
    // The clauses the first set cut.
    for (const text of ["có điều kiện tái hòa nhập cộng đồng; được tư vấn, hỗ trợ, giúp đỡ tìm kiếm việc làm", "Không có ổ nhóm, đường dây tội phạm về ma túy", "Không có vụ, việc sản xuất trái phép chất ma túy trên địa bàn", "bắt giữ 100% người bị truy nã do phạm tội về ma túy"]) expect(out).toContain(text);
    expect(out).toContain("❔");
    // Each criterion cites the plan and its item as a leader knows it, never our seed file (issue 17).
    expect(out).toContain("Nguồn: KH huyện Như Xuân (Thanh Hóa) 2024–2025, mục II, tiêu chí 2");
    expect(out).toContain("Nguồn: KH xã Hồng Lộc (Hà Tĩnh) 2026–2030, mục II.2.1 và III.2.1; KH xã Phượng Tiến (Thái Nguyên) 2026, mục II, mục tiêu 2");
    expect(out.match(/^\s+Nguồn: /gm)).toHaveLength(criteriaRegistry().default.criteria.length);
    expect(out).not.toMatch(/seed|dòng \d/i);
  });

  it("a village head sees their own village, never the commune or its tips", async () => {
    const own = texts(await head.say("/thongke"));
    expect(own).toContain("Số liệu tháng");
    expect(own).toContain("Thôn Thượng Phú, xã Hồng Lộc");
    expect(own).toContain("Người nghiện ma túy (tổng số): 3");
    expect(own).not.toContain("Tin báo");
    const criteria = texts(await head.say("/tieuchi"));
    // A village is never judged by the commune's thresholds (issue 14): "dưới 10 người" and "ít nhất 01 mô hình" are the commune's.
    expect(criteria).toContain("✅ 100% người nghiện ma túy được phát hiện, có hồ sơ quản lý\n    Hiện tại: 100% · Yêu cầu: 100%");
    expect(criteria).not.toContain("dưới 10 người");
    expect(criteria).not.toContain("ít nhất 01 mô hình");
    expect(criteria).toContain("(3 tiêu chí chỉ xét trên toàn xã, không xét riêng từng thôn: xem /tieuchi của xã.)");
    expect(texts(await head.say("/thongke HL-02"))).toContain("không có quyền");
    expect(texts(await head.say("/thongke HONGLOC"))).toContain("không có quyền");
    expect(texts(await head.say("/tinbao_tk"))).toContain("chỉ dành cho công an và lãnh đạo xã");
    expect(texts(await head.say("/tinbao"))).toContain("không có quyền");
    expect(texts(await head.say("/baocao"))).toContain("không có quyền");
  });

  it("/tinbao_tk counts tips by status, category and village, with median times", async () => {
    const tip = await h.db.tip.findFirstOrThrow({ where: { village: { code: "HL-02" } } });
    h.clock.advanceMinutes(30);
    await officer.press(`t:${tip.id}:take`).catch(() => undefined);
    await officer.send({ choice: `t:${tip.id}:take` });
    await officer.read();
    h.clock.advanceMinutes(90);
    await officer.send({ choice: `t:${tip.id}:done` });
    await officer.read();
    // Closing asks for the result (issue 12), then an optional note.
    await officer.send({ choice: "trs:administrative" });
    await officer.send({ choice: "tsk" });
    await officer.read();
    const out = texts(await leader.say("/tinbao_tk"));
    expect(out).toContain("Tổng số: 2 (đang mở 1, đã kết thúc 1)");
    expect(out).toContain("• Mới, chờ tiếp nhận: 1");
    expect(out).toContain("• Đã xử lý: 1");
    expect(out).toContain("• Điểm, người bán lẻ ma túy: 2");
    expect(out).toContain("• Thôn Tân Hòa: 1");
    expect(out).toContain("• Không rõ thôn: 1");
    expect(out).toMatch(/tiếp nhận \(trung vị\): (30|3\d) phút/);
    expect(out).toMatch(/kết thúc \(trung vị\): 2 giờ/);
    expect(out).not.toContain("quán nước");
  });

  it("one commune never sees another's", async () => {
    expect(texts(await leader.say("/thongke PHUONGTIEN"))).toContain("không có quyền");
    expect(texts(await leader.say("/tieuchi PT-01"))).toContain("không có quyền");
    expect(texts(await officer.say("/tinbao_tk NAMSACH"))).toContain("không có quyền");
    expect(texts(await leader.say("/baocao LUNGPHINH"))).toContain("không có quyền");
    expect(texts(await leader.say("/xephang HTI"))).toContain("không có quyền");
    expect(texts(await officer.say("/capnhat PT-01"))).toContain("không có quyền");
  });

  it("an officer picks the village from buttons, or types its code", async () => {
    const pick = texts(await officer.say("/capnhat"));
    expect(pick).toContain(`Nhập số liệu tháng ${formatMonthVN(month())}. Chọn thôn:`);
    expect(officer.last()!.choices!.flat().map((c) => c.label)).toEqual(expect.arrayContaining(["Thôn Thượng Phú", "Thôn Tân Hòa", "Thôn Phú Lộc", "Thôn Trung Sơn", "✖️ Hủy"]));
    expect(texts(await officer.press("Thôn Phú Lộc"))).toContain("Thôn Phú Lộc, xã Hồng Lộc");
    expect(texts(await officer.press("nav:cancel"))).toContain("Đã thoát, số liệu chưa được lưu");
    await officer.say("/capnhat");
    expect(texts(await officer.say("hl-04"))).toContain("Thôn Trung Sơn, xã Hồng Lộc");
    expect(texts(await officer.press("nav:cancel"))).toContain("Đã thoát");
    expect(texts(await leader.say("/capnhat"))).toContain("không có quyền");
  });

  it("an abandoned form expires and says so", async () => {
    await head.say("/capnhat");
    h.clock.advanceMinutes(61);
    const out = texts(await head.say("5"));
    expect(out).toContain("Phiên nhập số liệu đã hết hạn");
    h.clock.advanceMinutes(1);
  });

  it("answers odd arguments politely", async () => {
    expect(texts(await leader.say("/thongke 13/2026"))).toContain('Không hiểu "13/2026"');
    expect(texts(await leader.say("/thongke ꪀꪁꪂ 😀"))).toContain("Không hiểu");
    expect(texts(await leader.say(`/thongke ${"X".repeat(5000)}`))).toContain("Không hiểu");
    expect(texts(await leader.say("/tieuchi 12/2099"))).toContain("chưa tới");
  });

  it("lists the statistics commands in the staff help", async () => {
    expect(texts(await leader.say("/trogiup"))).toContain("/tieuchi");
    const headHelp = texts(await head.say("/trogiup"));
    expect(headHelp).toContain("/capnhat");
    expect(headHelp).not.toContain("/tinbao");
    expect(texts(await h.web().say("/trogiup"))).not.toContain("/tieuchi");
  });

  it("citizens get no statistics", async () => {
    expect(texts(await h.web().say("/thongke"))).toContain("chỉ dành cho cán bộ");
  });
});

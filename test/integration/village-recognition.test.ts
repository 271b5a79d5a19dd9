// "Thôn, khu phố không ma túy" (issue 14): which villages of the commune qualify for recognition and
// why the others do not, by /congnhan on the web chat and on Telegram, in /tieuchi, and in the
// monthly report's files read cell by cell. Real SQLite file, the real app, figures saved as the
// form saves them.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatMonthVN, monthOf } from "../../src/util/vietnam-time.js";
import { createHarness, type Harness, type WebClient } from "../helpers/harness.js";
import { startFakeTelegram, textUpdate, type ApiCall, type FakeTelegram, type TestUser } from "../helpers/fake-telegram.js";
import { postTelegramSettled } from "../helpers/channels.js";
import { FIGURE_FIELDS } from "../../src/compliance/fields.js";
import { criteriaRegistry } from "../../src/compliance/criteria.js";
import { defaultComplianceDeps, saveFigures } from "../../src/compliance/service.js";
import { createNodeReportRenderers } from "../../src/reports/node-renderers.js";

const LEADER: TestUser = { id: 7_880_001, is_bot: false, first_name: "Trần Văn", last_name: "Bình", username: "chutich_hl", language_code: "vi" };

let fake: FakeTelegram;
let h: Harness;
let leader: WebClient;
let head: WebClient;
let month: string;
const texts = (list: { text: string }[]) => list.map((m) => m.text).join("\n");

/** Figures that meet every village criterion; a case changes what it needs. */
const GOOD: Record<string, number> = {
  ...Object.fromEntries(FIGURE_FIELDS.map((f) => [f.id, 0])),
  households: 80, households_committed: 80, tip_box: 1, hotline_board: 1, propaganda_sessions: 2,
  addicts_total: 2, addicts_with_file: 2, addicts_in_treatment: 2, addicts_in_community: 2, negative_tests_30d: 2, baseline_addicts: 3, anti_drug_models: 1,
};

beforeAll(async () => {
  fake = await startFakeTelegram();
  h = await createHarness({ telegram: fake });
  h.deps.compliance = defaultComplianceDeps({ renderers: createNodeReportRenderers() });
  month = monthOf(h.clock.now);
  const villages = await h.db.village.findMany({ where: { commune: { code: "HONGLOC" } }, orderBy: { code: "asc" } });
  expect(villages.map((v) => v.name)).toEqual(["Thôn Thượng Phú", "Thôn Tân Hòa", "Thôn Phú Lộc", "Thôn Trung Sơn"]);
  const save = (i: number, values: Record<string, number>) =>
    saveFigures(h.db, { villageId: villages[i]!.id, month, values, staffId: null, source: "csv", basedOnVersion: 0, now: h.clock.now });
  // Thượng Phú meets every criterion; Tân Hòa has a hot spot and more addicts than at registration;
  // Phú Lộc left one figure out; Trung Sơn entered nothing.
  expect((await save(0, GOOD)).ok).toBe(true);
  expect((await save(1, { ...GOOD, hot_spots: 1, addicts_total: 4, addicts_with_file: 4, addicts_in_treatment: 4, addicts_in_community: 4, negative_tests_30d: 4 })).ok).toBe(true);
  const { serious_incidents: _left, ...partial } = GOOD;
  expect((await save(2, partial)).ok).toBe(true);
  leader = h.web();
  await leader.say(`/dangky ${await h.invite("leader", { communeCode: "HONGLOC" }, "Chủ tịch UBND xã")}`);
  head = h.web();
  await head.say(`/dangky ${await h.invite("village_head", { villageCode: "HL-02" }, "Trưởng thôn Tân Hòa")}`);
}, 60_000);
afterAll(async () => {
  await h.close();
  await fake.close();
});

describe("/congnhan", () => {
  it("gives the leader the villages that qualify, those that fail with the criteria, and those still waiting with what is missing", async () => {
    const out = texts(await leader.say("/congnhan"));
    expect(out).toContain(`XÉT CÔNG NHẬN THÔN KHÔNG MA TÚY — THÁNG ${formatMonthVN(month)}, XÃ HỒNG LỘC\n(Tiêu chí thôn, khu phố không ma túy)`);
    expect(out).toContain("✅ Đủ điều kiện đề nghị công nhận: 1/4 thôn\n   Thôn Thượng Phú");
    expect(out).toContain(
      "❌ Chưa đạt: 1 thôn\n• Thôn Tân Hòa: Không có điểm, tụ điểm phức tạp, điểm có nguy cơ phức tạp về ma túy; Không để phát sinh người nghiện mới trong thôn (số người nghiện không vượt số đã rà soát khi đăng ký)",
    );
    expect(out).toContain("❔ Chưa đủ số liệu để xét: 2 thôn\n• Thôn Phú Lộc: thiếu Vụ việc rất nghiêm trọng do người nghiện, loạn thần gây ra\n• Thôn Trung Sơn: chưa nhập số liệu tháng (/capnhat)");
    expect(out).toContain("Xem chi tiết một thôn: /congnhan HL-02");
  });

  it("shows one village's failing criteria with its numbers and sources, and the unaccented alias works", async () => {
    const out = texts(await leader.say("/xetthon HL-02"));
    expect(out).toContain(`Thôn Tân Hòa — xét "thôn không ma túy" tháng ${formatMonthVN(month)}`);
    expect(out).toContain("❌ Thôn còn 2 tiêu chí chưa đạt:");
    expect(out).toContain("❌ Không có điểm, tụ điểm phức tạp, điểm có nguy cơ phức tạp về ma túy\n    Hiện tại: 1 · Yêu cầu: không có (0)");
    expect(out).toContain("Hiện tại: Người nghiện ma túy (tổng số): 4; Số người nghiện khi đăng ký xây dựng xã không ma túy: 3 · Yêu cầu: không nhiều hơn số người nghiện khi đăng ký");
    expect(out).toContain("Nguồn: KH xã Lùng Phình (Lào Cai) 2026, mục II, mục tiêu 1");
    // Only what fails: the met criteria are not listed.
    expect(out).not.toContain("100% người nghiện ma túy được phát hiện");
    expect(texts(await leader.say("/congnhan HL-01"))).toContain('✅ Thôn đạt đủ tiêu chí, có thể đề nghị công nhận "thôn không ma túy".');
  });

  it("a village head sees their own village only; another commune's leader is refused", async () => {
    const own = texts(await head.say("/congnhan"));
    expect(own).toContain("Thôn Tân Hòa — xét");
    expect(own).not.toContain("Thôn Thượng Phú");
    expect(texts(await head.say("/congnhan HL-01"))).toContain("không có quyền");
    expect(texts(await head.say("/congnhan HONGLOC"))).toContain("không có quyền");
    expect(texts(await leader.say("/congnhan PT-01"))).toContain("không có quyền");
    expect(texts(await leader.say("/congnhan NHUXUAN"))).toContain("không có quyền");
    expect(texts(await h.web().say("/congnhan"))).toContain("chỉ dành cho cán bộ");
  });

  it("/tieuchi points to it, and the help lists it by role", async () => {
    expect(texts(await leader.say("/tieuchi"))).toContain('🏡 Thôn đủ điều kiện "thôn không ma túy": 1/4 (/congnhan để xem)');
    expect(texts(await leader.say("/trogiup"))).toContain("/congnhan [tháng] — xét công nhận");
    expect(texts(await head.say("/trogiup"))).toContain('/congnhan [tháng] — thôn mình đã đủ điều kiện "thôn không ma túy" chưa');
  });

  it("works over Telegram", async () => {
    const toLeader = (call: ApiCall) => String(call.payload.chat_id) === String(LEADER.id);
    for (const text of [`/start ${await h.invite("leader", { communeCode: "HONGLOC" }, "Phó Chủ tịch UBND xã")}`, "/congnhan"]) {
      await postTelegramSettled(h, textUpdate(text, { user: LEADER }));
    }
    const out = String(fake.calls.filter(toLeader).at(-1)?.payload.text ?? "");
    expect(out).toContain("✅ Đủ điều kiện đề nghị công nhận: 1/4 thôn");
    expect(out).toContain("• Thôn Trung Sơn: chưa nhập số liệu tháng (/capnhat)");
  });
});

describe("/xephang for a commune", () => {
  it("ranks the villages and names those to praise and to criticise, with why", async () => {
    const total = criteriaRegistry().village!.criteria.length;
    const out = texts(await leader.say("/xephang"));
    expect(out).toContain(`🏆 XẾP HẠNG CÁC THÔN — XÃ HỒNG LỘC, THÁNG ${formatMonthVN(month)} (theo tiêu chí "thôn không ma túy")`);
    expect(out).toContain(
      [
        `1. Thôn Thượng Phú: ✅ ${total}/${total} · tuyên truyền 2 lần`,
        `2. Thôn Phú Lộc: ✅ ${total - 1}/${total} · ❔ 1 · tuyên truyền 2 lần`,
        `3. Thôn Tân Hòa: ✅ ${total - 2}/${total} · ❌ 2 · tuyên truyền 2 lần`,
        `4. Thôn Trung Sơn: ✅ 0/${total} · ❔ ${total} · chưa nhập số liệu`,
      ].join("\n"),
    );
    expect(out).toContain("👏 Đề nghị biểu dương: Thôn Thượng Phú (đạt đủ tiêu chí, có tuyên truyền trong tháng)");
    expect(out).toContain(
      "⚠️ Đề nghị phê bình, nhắc nhở:\n• Thôn Tân Hòa: để xảy ra phức tạp về ma túy (Không có điểm, tụ điểm phức tạp, điểm có nguy cơ phức tạp về ma túy; Không để phát sinh người nghiện mới trong thôn (số người nghiện không vượt số đã rà soát khi đăng ký))\n• Thôn Trung Sơn: chưa nhập số liệu tháng; không có buổi tuyên truyền hay bản tin đã phát nào",
    );
    expect(out).toContain("Căn cứ: KH huyện Như Xuân (Thanh Hóa) 2024–2025, mục IV");
  });

  it("a province ranking stays the admins'; a village head gets no ranking; the help says it to leaders", async () => {
    expect(texts(await leader.say("/xephang HTI"))).toContain("không có quyền");
    expect(texts(await leader.say("/xephang PHUONGTIEN"))).toContain("không có quyền");
    expect(texts(await head.say("/xephang"))).toContain("không có quyền");
    expect(texts(await leader.say("/trogiup"))).toContain("/xephang [tháng] — xếp hạng các thôn trong xã");
    expect(texts(await head.say("/trogiup"))).not.toContain("/xephang");
  });
});

describe("the monthly report", () => {
  it("has the village review as a sheet and a section, cell by cell", async () => {
    const files = (await leader.say("/baocao")).filter((m) => m.media?.uploadUrl);
    const get = async (i: number) => h.app.request(files[i]!.media!.uploadUrl!, { headers: { "X-Chat-Token": leader.token } });
    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.load(Buffer.from(await (await get(0)).arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = xlsx.getWorksheet("Công nhận thôn")!;
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(row(1)).toEqual(["Mã thôn", "Thôn", "Đề nghị công nhận", "Tiêu chí đạt", "Chưa đạt hoặc còn thiếu"]);
    const total = criteriaRegistry().village!.criteria.length;
    expect(row(2)).toEqual(["HL-01", "Thôn Thượng Phú", "✅ Đủ điều kiện", `${total}/${total}`, ""]);
    expect(row(3)).toEqual(["HL-02", "Thôn Tân Hòa", "❌ Chưa đạt", `${total - 2}/${total}`, "Không có điểm, tụ điểm phức tạp, điểm có nguy cơ phức tạp về ma túy; Không để phát sinh người nghiện mới trong thôn (số người nghiện không vượt số đã rà soát khi đăng ký)"]);
    expect(row(4)).toEqual(["HL-03", "Thôn Phú Lộc", "❔ Chưa đủ số liệu", `${total - 1}/${total}`, "thiếu Vụ việc rất nghiêm trọng do người nghiện, loạn thần gây ra"]);
    expect(row(5)).toEqual(["HL-04", "Thôn Trung Sơn", "❔ Chưa đủ số liệu", `0/${total}`, "chưa nhập số liệu tháng (/capnhat)"]);
    expect(row(7)).toEqual(["Bộ tiêu chí", "Tiêu chí thôn, khu phố không ma túy"]);
    const html = await (await get(1)).text();
    expect(html).toContain("<h2>VI. Xét công nhận thôn, khu phố không ma túy</h2>");
    expect(html).toContain('<tr><td>Thôn Tân Hòa</td><td class="not_met">❌ Chưa đạt</td>');
  });
});

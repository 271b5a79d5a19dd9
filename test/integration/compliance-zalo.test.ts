// Compliance on Zalo, through the real app on a real SQLite file against fakes of the Zalo OA and
// Zalo Bot APIs on localhost: a village head enters the month's figures by typing small numbers (a
// "2" is a count, not a choice: the choices are keyed by letters); /baocao for a leader on Zalo OA
// brings the XLSX and the HTML page as files and the chart as an image, with their Vietnamese
// captions; on Zalo Bot the chart comes by a sealed photo link and the files as sealed download
// links that respect the report's scope and expire. Files Zalo will not carry are linked or explained.
import { formatMonthVN, monthOf } from "../../src/util/vietnam-time.js";
import ExcelJS from "exceljs";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, PUBLIC_URL, type Harness } from "../helpers/harness.js";
import { startFakeZaloOa, type FakeZaloOa, type ZaloUser } from "../helpers/fake-zalo-oa.js";
import { botUpdate, startFakeZaloBot, type FakeZaloBot, type ZaloBotUser } from "../helpers/fake-zalo-bot.js";
import { zaloSay } from "../helpers/zalo-flow.js";
import { FIGURE_FIELDS } from "../../src/compliance/fields.js";
import { defaultComplianceDeps, saveFigures } from "../../src/compliance/service.js";
import { createNodeReportRenderers } from "../../src/reports/node-renderers.js";
import { CHART_HEIGHT, CHART_WIDTH } from "../../src/reports/chart.js";
import { createZaloSender } from "../../bots/zalo/sender.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const HEAD: ZaloUser = { id: "4410000000000000001", userIdByApp: "5510000000000000001", displayName: "Trưởng thôn Thượng Phú" };
const LEADER: ZaloUser = { id: "4410000000000000002", userIdByApp: "5510000000000000002", displayName: "Chủ tịch xã Hồng Lộc" };
const BOT_LEADER: ZaloBotUser = { id: "c0ffee00000000000001", displayName: "Bí thư xã Hồng Lộc" };

let oa: FakeZaloOa;
let bot: FakeZaloBot;
let h: Harness;
let month = "";

const oaTexts = (u: ZaloUser) => oa.textsTo(u.id);
const say = (u: ZaloUser, text: string) => zaloSay(h, u, text);
async function botSay(u: ZaloBotUser, text: string) {
  expect((await h.postZaloBot(botUpdate(u, { text }))).status).toBe(200);
  await h.settle();
}
function linkPath(text: string, label: string): string {
  const url = new RegExp(`📎 ${label.replace(/[.()]/g, "\\$&")}: (${PUBLIC_URL.replace(/\./g, "\\.")}/media/[A-Za-z0-9._-]+)`).exec(text)?.[1];
  expect(url, `no link for ${label} in: ${text.slice(0, 300)}`).toBeDefined();
  return new URL(url!).pathname;
}
async function readXlsx(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

beforeAll(async () => {
  [oa, bot] = await Promise.all([startFakeZaloOa(), startFakeZaloBot()]);
  h = await createHarness({ zalo: oa, zalobot: bot });
  h.deps.compliance = defaultComplianceDeps({ renderers: createNodeReportRenderers() });
  await h.authorizeZalo();
  month = monthOf(h.clock.now);
  await say(HEAD, `/dangky ${await h.invite("village_head", { villageCode: "HL-01" }, "Trưởng thôn HL-01 (Zalo)")}`);
  await say(LEADER, `/dangky ${await h.invite("leader", { communeCode: "HONGLOC" }, "Chủ tịch UBND xã (Zalo)")}`);
  await botSay(BOT_LEADER, `/dangky ${await h.invite("leader", { communeCode: "HONGLOC" }, "Bí thư xã (Zalo Bot)")}`);
  // The other villages' figures come by CSV import, as an admin would load them.
  const villages = await h.db.village.findMany({ where: { commune: { code: "HONGLOC" }, code: { not: "HL-01" } }, orderBy: { code: "asc" } });
  for (const [i, v] of villages.entries()) {
    const values = Object.fromEntries(FIGURE_FIELDS.map((f) => [f.id, 0]));
    Object.assign(values, { households: (i + 2) * 100, households_committed: (i + 2) * 100, tip_box: 1, hotline_board: 1, propaganda_sessions: 2 });
    expect((await saveFigures(h.db, { villageId: v.id, month, values, staffId: null, source: "csv", basedOnVersion: 0, now: h.clock.now })).ok).toBe(true);
  }
}, 60_000);

afterAll(async () => {
  await h.close();
  await Promise.all([oa.close(), bot.close()]);
});

describe("figures by a village head on Zalo OA", () => {
  it("takes typed small numbers as counts, letters as choices, and saves", async () => {
    await say(HEAD, "/capnhat");
    const first = oaTexts(HEAD).at(-1)!;
    expect(first).toContain(`Câu 1/${FIGURE_FIELDS.length}`);
    expect(first).toContain("a. 0\nb. ⏭️ Chưa có số liệu\nc. ⬅️ Quay lại\nd. ✖️ Hủy\n👉 Gõ số để trả lời. Để chọn, gõ chữ a, b, c hoặc d");
    await say(HEAD, "3"); // households: 3 (with numbered choices this was "Hủy")
    expect(oaTexts(HEAD).at(-1)).toContain(`Câu 2/${FIGURE_FIELDS.length}`);
    await say(HEAD, "c"); // ⬅️ Quay lại
    expect(oaTexts(HEAD).at(-1)).toContain(`Câu 1/${FIGURE_FIELDS.length}`);
    await say(HEAD, "3");
    for (const f of FIGURE_FIELDS.slice(1)) {
      if (f.kind === "yesno") await say(HEAD, "có"); // the words of the choice
      else if (f.id === "hot_spots") await say(HEAD, "a"); // "0"
      else if (f.id === "serious_incidents") await say(HEAD, "b"); // no figure yet
      else await say(HEAD, f.atMost ? "1" : "2");
    }
    const summary = oaTexts(HEAD).filter((t) => t.includes("Kiểm tra số liệu tháng") || t.includes("✅ Lưu số liệu"));
    expect(summary.join("\n")).toContain("Số hộ gia đình đang cư trú: 3");
    expect(oaTexts(HEAD).every((t) => t.length <= 2000)).toBe(true);
    // The save choice arrives whole with its hint, in the summary's last part.
    expect(oaTexts(HEAD).at(-1)).toMatch(/1\. ✅ Lưu số liệu\n2\. ✏️ Sửa một mục\n3\. ⬅️ Quay lại\n4\. ✖️ Hủy\n👉 Gõ 1, 2, 3 hoặc 4/);
    await say(HEAD, "1");
    expect(oaTexts(HEAD).at(-1)).toContain(`Đã lưu số liệu tháng ${formatMonthVN(month)}`);
    const row = await h.db.villageFigures.findFirstOrThrow({ where: { village: { code: "HL-01" }, month } });
    const data = JSON.parse(row.data) as Record<string, number | null>;
    expect(data).toMatchObject({ households: 3, households_committed: 1, tip_box: 1, propaganda_sessions: 2, hot_spots: 0 });
    expect(data.serious_incidents ?? null).toBeNull();
  });
});

describe("/baocao for a leader on Zalo OA", () => {
  let xlsxBytes: Buffer;

  it("sends the spreadsheet and the page as files and the chart as an image, with Vietnamese captions", async () => {
    const before = oa.messages.length;
    await say(LEADER, "/baocao");
    const texts = oaTexts(LEADER).join("\n");
    expect(texts).toContain(`Đang lập báo cáo tháng ${formatMonthVN(month)}`);
    expect(texts).toContain(`Bảng tính báo cáo tháng ${formatMonthVN(month)}`);
    expect(texts).toContain(`Báo cáo tháng ${formatMonthVN(month)} (mở bằng trình duyệt, in hoặc lưu PDF)`);
    const sent = oa.messages.slice(before).filter((m) => m.userId === LEADER.id);
    const files = sent.filter((m) => m.attachment?.type === "file").map((m) => oa.uploads.find((u) => u.id === (m.attachment!.payload as { token: string }).token)!);
    expect(files.map((f) => [f.name, f.mime])).toEqual([
      [`bao-cao-hongloc-${month}.xlsx`, XLSX],
      [`bao-cao-hongloc-${month}.html`, "text/html"],
    ]);
    xlsxBytes = files[0]!.bytes;
    const wb = await readXlsx(xlsxBytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tổng hợp", "Tiêu chí", "Số liệu thôn", "Số liệu ban, ngành, đoàn thể", "Tin báo", "Phát thanh", "Xu hướng", "Công nhận thôn"]);
    const sheet = wb.getWorksheet("Số liệu thôn")!;
    const col = (sheet.getRow(1).values as unknown[]).slice(1).indexOf("Số hộ gia đình đang cư trú") + 1;
    expect([2, 3, 4, 5].map((r) => sheet.getRow(r).getCell(col).value)).toEqual([3, 200, 300, 400]);
    expect(files[1]!.bytes.toString("utf8")).toContain("Hồng Lộc");

    const image = sent.find((m) => m.attachment?.type === "template")!;
    const element = (image.attachment!.payload as { elements: { media_type: string; attachment_id: string }[] }).elements[0]!;
    expect(element.media_type).toBe("image");
    expect(image.text).toBe(`Biểu đồ 6 tháng đến tháng ${formatMonthVN(month)}: tin báo, thôn được tuyên truyền, tiêu chí đạt`);
    const png = oa.uploads.find((u) => u.id === element.attachment_id)!;
    expect(png.kind).toBe("image");
    const decoded = PNG.sync.read(png.bytes);
    expect([decoded.width, decoded.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
  });

  it("offers a sealed download link when Zalo refuses a file, and the link opens the same spreadsheet", async () => {
    oa.failNext("upload_file", -201); // e.g. a file type Zalo does not take
    const before = oaTexts(LEADER).length;
    await say(LEADER, "/baocao");
    const after = oaTexts(LEADER).slice(before).join("\n");
    const res = await h.app.request(linkPath(after, `bao-cao-hongloc-${month}.xlsx`));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toBe(`attachment; filename="bao-cao-hongloc-${month}.xlsx"`);
    const wb = await readXlsx(new Uint8Array(await res.arrayBuffer()));
    expect(wb.getWorksheet("Số liệu thôn")).toBeDefined();
    expect(after).toContain("Xin không chuyển tiếp liên kết này");
  });

  it("sends the chart alone on /bieudo", async () => {
    const before = oa.messages.length;
    await say(LEADER, "/bieudo");
    const image = oa.messages.slice(before).find((m) => m.userId === LEADER.id && m.attachment?.type === "template");
    expect(image?.text).toContain("📈 Xã Hồng Lộc: 6 tháng đến tháng");
  });
});

describe("/baocao for a leader on Zalo Bot", () => {
  let texts = "";
  let photoUrl = "";

  it("sends the chart by a sealed photo link and the files as sealed download links", async () => {
    await botSay(BOT_LEADER, "/baocao");
    const photo = bot.callsTo("sendPhoto").find((c) => c.payload.chat_id === BOT_LEADER.id)!;
    photoUrl = String(photo.payload.photo);
    expect(photoUrl.startsWith(`${PUBLIC_URL}/media/`)).toBe(true);
    expect(photo.payload.caption).toContain("Biểu đồ 6 tháng");
    const image = await h.app.request(new URL(photoUrl).pathname);
    expect(image.headers.get("Content-Type")).toBe("image/png");
    expect(PNG.sync.read(Buffer.from(await image.arrayBuffer())).width).toBe(CHART_WIDTH);

    texts = bot.textsTo(BOT_LEADER.id).join("\n");
    const xlsx = await h.app.request(linkPath(texts, `bao-cao-hongloc-${month}.xlsx`));
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("Content-Type")).toBe(XLSX);
    expect(xlsx.headers.get("Cache-Control")).toBe("private, no-store");
    const wb = await readXlsx(new Uint8Array(await xlsx.arrayBuffer()));
    expect(wb.worksheets).toHaveLength(8);
    const html = await h.app.request(linkPath(texts, `bao-cao-hongloc-${month}.html`));
    expect(html.headers.get("Content-Disposition")).toBe(`attachment; filename="bao-cao-hongloc-${month}.html"`);
    expect(html.headers.get("Content-Security-Policy")).toContain("sandbox");
    expect(texts).toMatch(/hết hạn lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
  });

  it("serves the links only while the leader may read the report, and not after they expire or when forged", async () => {
    const path = linkPath(texts, `bao-cao-hongloc-${month}.xlsx`);
    const staff = await h.db.staff.findFirstOrThrow({ where: { displayName: "Bí thư xã (Zalo Bot)" } });
    await h.db.staff.update({ where: { id: staff.id }, data: { active: false } });
    expect((await h.app.request(path)).status).toBe(404);
    expect((await h.app.request(new URL(photoUrl).pathname)).status).toBe(404);
    await h.db.staff.update({ where: { id: staff.id }, data: { active: true } });
    expect((await h.app.request(path)).status).toBe(200);
    const forged = path.slice(0, -4) + (path.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect((await h.app.request(forged)).status).toBe(404);
    expect((await h.app.request("/media/v1.AAAA.BBBB")).status).toBe(404);
    h.clock.advanceMinutes(24 * 60 + 1);
    expect((await h.app.request(path)).status).toBe(404);
  });
});

describe("the Zalo OA sender with files Zalo will not carry", () => {
  const USER = "4410000000000000099";
  const big = new Uint8Array(5 * 1024 * 1024 + 1).fill(0x25);
  const media = { kind: "document" as const, channel: "zalo" as const, webUploadId: "0".repeat(32), webLink: { reportFileId: 1 }, fileName: "bao-cao-lon.pdf" };
  const sources = { web: async () => ({ bytes: big, mime: "application/pdf" }) };

  it("explains a file over 5 MB without a public address, and links it with one", async () => {
    const plain = createZaloSender({ client: h.zalo!, db: h.db, keys: h.keys, media: sources, now: () => h.clock.now });
    expect(await plain.send(USER, { text: "Báo cáo tháng", media })).toMatchObject({ ok: true });
    // The line stands where the file would have been: before the text (one rule for Zalo OA and Zalo Bot).
    expect(oa.textsTo(USER).at(-1)).toBe("[bao-cao-lon.pdf: tệp 5,0 MB, vượt giới hạn 5,0 MB của Zalo nên không gửi được qua kênh này. Có thể nhận tệp này qua Telegram hoặc trang web của hệ thống.]\n\nBáo cáo tháng");
    const linked = createZaloSender({ client: h.zalo!, db: h.db, keys: h.keys, media: sources, now: () => h.clock.now, publicUrl: PUBLIC_URL });
    expect(await linked.send(USER, { text: "Báo cáo tháng", media })).toMatchObject({ ok: true });
    expect(oa.textsTo(USER).at(-1)).toMatch(/^📎 bao-cao-lon\.pdf: https:\/\/phaodai\.test\/media\/v1\.[\s\S]*\)\n\nBáo cáo tháng$/);
    expect(oa.uploads.filter((u) => u.name === "bao-cao-lon.pdf")).toHaveLength(0);
  });

  it("retries later, without a link, when Zalo's rate limit refuses the upload", async () => {
    const small = createZaloSender({ client: h.zalo!, db: h.db, keys: h.keys, media: { web: async () => ({ bytes: new Uint8Array([1, 2, 3]), mime: "application/pdf" }) }, now: () => h.clock.now, publicUrl: PUBLIC_URL });
    const count = oa.textsTo(USER).length;
    oa.failNext("upload_file", -32);
    expect(await small.send(USER, { text: "Báo cáo", media })).toMatchObject({ ok: false, permanent: false, retryAfterSeconds: 60 });
    expect(oa.textsTo(USER)).toHaveLength(count);
    expect(await small.send(USER, { text: "Báo cáo", media })).toMatchObject({ ok: true });
    expect(oa.uploads.filter((u) => u.name === "bao-cao-lon.pdf")).toHaveLength(1);
  });
});

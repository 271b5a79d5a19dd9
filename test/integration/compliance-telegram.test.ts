// The figures form and the report over Telegram: webhook updates in, grammY out to a fake Bot API
// server on localhost. Buttons are inline keyboards; report files arrive as documents with names.
import { formatMonthVN, monthOf } from "../../src/util/vietnam-time.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.js";
import { callbackUpdate, startFakeTelegram, textUpdate, type ApiCall, type FakeTelegram, type TestUser } from "../helpers/fake-telegram.js";
import { FIGURE_FIELDS } from "../../src/compliance/fields.js";
import { defaultComplianceDeps } from "../../src/compliance/service.js";
import { createNodeReportRenderers } from "../../src/reports/node-renderers.js";

const HEAD: TestUser = { id: 7_770_001, is_bot: false, first_name: "Lò Văn", last_name: "Páo", username: "truongban_nx", language_code: "vi" };
const LEADER: TestUser = { id: 7_770_002, is_bot: false, first_name: "Hà Thị", last_name: "Lan", username: "chutich_nx", language_code: "vi" };
const SOURCES_LEADER: TestUser = { id: 7_770_003, is_bot: false, first_name: "Vi Văn", last_name: "Thắng", username: "phochutich_nx", language_code: "vi" };

let fake: FakeTelegram;
let h: Harness;

beforeAll(async () => {
  fake = await startFakeTelegram();
  h = await createHarness({ telegram: fake });
  h.deps.compliance = defaultComplianceDeps({ renderers: createNodeReportRenderers() });
});
afterAll(async () => {
  await h.close();
  await fake.close();
});

let acknowledged = 0;
async function post(update: unknown): Promise<void> {
  const res = await h.postTelegram(update);
  expect(res.status).toBe(200);
  // Button presses are acknowledged in the webhook's answer.
  if (((await res.json()) as { method?: string }).method === "answerCallbackQuery") acknowledged++;
  await h.settle();
}
const toChat = (id: number) => (call: ApiCall) => String(call.payload.chat_id) === String(id);
const lastText = (id: number) => String(fake.calls.filter(toChat(id)).at(-1)?.payload.text ?? "");
const lastButtons = (id: number) =>
  ((fake.calls.filter(toChat(id)).at(-1)?.payload.reply_markup as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard ?? []).flat();

describe("figures and report over Telegram", () => {
  it("a village head fills in the month's figures with buttons and typed numbers", async () => {
    await post(textUpdate(`/start ${await h.invite("village_head", { villageCode: "NX-01" }, "Trưởng bản Chòm Mốt")}`, { user: HEAD }));
    await post(textUpdate("/capnhat", { user: HEAD }));
    expect(lastText(HEAD.id)).toContain(`Câu 1/${FIGURE_FIELDS.length}`);
    expect(lastButtons(HEAD.id).map((b) => b.callback_data)).toEqual(expect.arrayContaining(["fg:zero", "fg:skip", "nav:back", "nav:cancel"]));
    for (const [i, f] of FIGURE_FIELDS.entries()) {
      if (f.kind === "yesno") await post(callbackUpdate("fg:yes", { user: HEAD }));
      else if (i % 3 === 0) await post(textUpdate(f.id === "households" ? "85" : "0", { user: HEAD }));
      else await post(callbackUpdate("fg:zero", { user: HEAD }));
    }
    expect(lastText(HEAD.id)).toContain("Kiểm tra số liệu tháng");
    expect(lastText(HEAD.id)).toContain("Số hộ gia đình đang cư trú: 85");
    await post(callbackUpdate("fg:save", { user: HEAD }));
    expect(lastText(HEAD.id)).toContain("Đã lưu số liệu tháng");
    expect(acknowledged).toBeGreaterThan(FIGURE_FIELDS.length / 2);
    const row = await h.db.villageFigures.findFirstOrThrow({ where: { village: { code: "NX-01" } } });
    expect(JSON.parse(row.data)).toMatchObject({ households: 85, tip_box: 1 });
  });

  it("the village head cannot read the commune's tips or statistics", async () => {
    await post(textUpdate("/tinbao_tk", { user: HEAD }));
    expect(lastText(HEAD.id)).toContain("chỉ dành cho công an và lãnh đạo xã");
    await post(textUpdate("/tieuchi NHUXUAN", { user: HEAD }));
    expect(lastText(HEAD.id)).toContain("không có quyền");
  });

  it("a leader's /tieuchi cites each criterion's plan and item, not our seed file", async () => {
    await post(textUpdate(`/start ${await h.invite("leader", { communeCode: "NHUXUAN" }, "Phó Chủ tịch UBND xã")}`, { user: SOURCES_LEADER }));
    await post(textUpdate("/tieuchi", { user: SOURCES_LEADER }));
    const out = fake.calls.filter(toChat(SOURCES_LEADER.id)).map((c) => String(c.payload.text ?? "")).join("\n");
    expect(out).toContain("TIÊU CHÍ THÁNG");
    expect(out).toContain("Nguồn: KH huyện Như Xuân (Thanh Hóa) 2024–2025, mục II, tiêu chí 2");
    expect(out).toContain("Nguồn: KH xã Hồng Lộc (Hà Tĩnh) 2026–2030, mục II.2.2; KH xã Phượng Tiến (Thái Nguyên) 2026, mục II, mục tiêu 10");
    expect(out).not.toMatch(/seed|dòng \d/i);
  });

  it("a leader gets the monthly report as documents with Vietnamese captions and file names", async () => {
    await post(textUpdate(`/start ${await h.invite("leader", { communeCode: "NHUXUAN" }, "Chủ tịch UBND xã")}`, { user: LEADER }));
    await post(textUpdate("/baocao", { user: LEADER }));
    const month = monthOf(h.clock.now);
    const docs = fake.callsTo("sendDocument").filter(toChat(LEADER.id));
    expect(docs.map((d) => d.files[0]?.filename)).toEqual([`bao-cao-nhuxuan-${month}.xlsx`, `bao-cao-nhuxuan-${month}.html`]);
    expect(docs.every((d) => d.files[0]!.size > 1000)).toBe(true);
    expect(String(docs[0]!.payload.caption)).toContain(`Bảng tính báo cáo tháng ${formatMonthVN(month)}`);
    const photo = fake.callsTo("sendPhoto").filter(toChat(LEADER.id));
    expect(photo).toHaveLength(1);
    expect(photo[0]!.files[0]!.filename).toBe(`bao-cao-nhuxuan-${month}.png`);
    expect(fake.calls.filter(toChat(LEADER.id)).map((c) => String(c.payload.text ?? "")).join("\n")).toContain("Hạn gửi cấp trên: 25/");
  });

  it("refuses statistics in a group chat", async () => {
    const group = { id: -1_001_234_567_890, type: "supergroup" as const, title: "Ban Chỉ đạo xã" };
    await post(textUpdate("/thongke", { user: LEADER, chat: group }));
    expect(lastText(group.id)).toContain("tin nhắn riêng");
  });
});

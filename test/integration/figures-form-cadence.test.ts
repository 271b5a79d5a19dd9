// The monthly figures form as a village head uses it month after month (issue 14): the quarterly
// figures are asked in a quarter's first month and kept otherwise; the summary says what changed
// since last month; one item is changed by its name; "Hủy" keeps a draft the next /capnhat offers,
// and a draft overtaken by figures someone saved meanwhile is dropped, saying so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type WebClient } from "../helpers/harness.js";
import { FIGURE_FIELDS } from "../../src/compliance/fields.js";
import { defaultComplianceDeps, saveVillageFigures } from "../../src/compliance/service.js";
import { vnTime } from "../helpers/bulletins.js";

let h: Harness;
let head: WebClient;
const QUARTERLY = FIGURE_FIELDS.filter((f) => f.cadence === "quarterly");
const texts = (messages: { text: string }[]) => messages.map((m) => m.text).join("\n");

/** A client that types at a human pace (2 s a message), under the web chat's limits. */
function paced(client: WebClient): WebClient {
  const { say, press } = client;
  client.say = (text) => (h.clock.advanceMinutes(2 / 60), say(text));
  client.press = (label) => (h.clock.advanceMinutes(2 / 60), press(label));
  return client;
}

/** Answers every question on screen: households 120 and committed 100, "Có" for yes/no, 0 for the rest. */
async function answerAll(asked: typeof FIGURE_FIELDS): Promise<string> {
  let last = "";
  for (const f of asked) {
    if (f.id === "households") last = texts(await head.say("120"));
    else if (f.id === "households_committed") last = texts(await head.say("100"));
    else last = texts(await head.press(f.kind === "yesno" ? "fg:yes" : "fg:zero"));
  }
  return last;
}

beforeAll(async () => {
  h = await createHarness();
  h.deps.compliance = defaultComplianceDeps();
  h.clock.now = vnTime("2026-10-05 09:00");
  head = paced(h.web());
  await head.say(`/dangky ${await h.invite("village_head", { villageCode: "HL-01" }, "Trưởng thôn Thượng Phú")}`);
});
afterAll(async () => h.close());

describe("the figures form month after month", () => {
  it("asks every figure in October, a quarter's first month", async () => {
    const intro = texts(await head.say("/capnhat"));
    expect(intro).toContain(`Có ${FIGURE_FIELDS.length} câu hỏi`);
    expect(intro).toContain(`Câu 1/${FIGURE_FIELDS.length}`);
    expect(intro).not.toContain("mục theo quý");
    expect(await answerAll(FIGURE_FIELDS)).toContain("Kiểm tra số liệu tháng 10/2026");
    expect(texts(await head.press("fg:save"))).toContain("Đã lưu số liệu tháng 10/2026");
  });

  it("keeps the quarterly figures in November, says what changed, and changes one item by its name", async () => {
    h.clock.now = vnTime("2026-11-05 09:00");
    const intro = texts(await head.say("/capnhat"));
    const monthly = FIGURE_FIELDS.length - QUARTERLY.length;
    expect(intro).toContain(`Có ${monthly} câu hỏi`);
    expect(intro).toContain(`${QUARTERLY.length} mục theo quý được giữ như lần nhập trước`);
    // The first question is the first monthly figure, numbered among the monthly ones.
    const first = FIGURE_FIELDS.find((f) => f.cadence !== "quarterly")!;
    expect(intro).toContain(`Câu 1/${monthly} — ${first.group}\n${first.question}`);
    const summary = texts(await head.press("fg:copy"));
    expect(summary).toContain("Số hộ gia đình đang cư trú: 120 (theo quý, giữ như trước)");
    expect(summary).toContain("So với tháng trước: không có mục nào thay đổi.");
    // "Sửa một mục" by name: one match goes straight to it, even a quarterly one.
    await head.press("fg:edit");
    const tipBox = FIGURE_FIELDS.findIndex((f) => f.id === "tip_box");
    expect(texts(await head.say("hom thu"))).toContain(`Câu ${tipBox + 1}/${FIGURE_FIELDS.length}`);
    const changed = texts(await head.press("fg:no"));
    expect(changed).toContain("Có hòm thư tố giác tội phạm: không (tháng trước: có)");
    expect(changed).toContain("So với tháng trước: 1 mục thay đổi");
    // Several matches are listed with their numbers; a number then picks one.
    await head.press("fg:edit");
    const several = texts(await head.say("người nghiện"));
    expect(several).toContain("Có nhiều mục khớp");
    const total = FIGURE_FIELDS.findIndex((f) => f.id === "addicts_total");
    expect(several).toContain(`${total + 1}. Người nghiện ma túy (tổng số): 0`);
    expect(texts(await head.say(String(total + 1)))).toContain(FIGURE_FIELDS[total]!.question);
    expect(texts(await head.say("2"))).toContain("Người nghiện ma túy (tổng số): 2 (tháng trước: 0)");
    expect(texts(await head.press("fg:save"))).toContain("(lần cập nhật 1)");
    const saved = await h.db.villageFigures.findFirstOrThrow({ where: { month: "2026-11" } });
    expect(JSON.parse(saved.data)).toMatchObject({ households: 120, tip_box: 0, addicts_total: 2 });
    // The figures the plans track beyond the criteria are asked and read back like the others.
    expect(JSON.parse(saved.data)).toMatchObject({ new_addicts_month: 0, propaganda_loudspeaker: 0, party_families_committed: 0 });
    const stats = texts(await head.say("/thongke"));
    for (const label of ["Người nghiện mới phát sinh trong tháng", "Lượt phát thanh trên loa của thôn trong tháng"]) expect(stats).toContain(label);
  });

  it("keeps a draft on Hủy and offers it; drops it, saying so, when figures were saved meanwhile", async () => {
    h.clock.now = vnTime("2026-12-05 09:00");
    await head.say("/capnhat");
    await head.say("3");
    expect(texts(await head.press("nav:cancel"))).toContain("1 mục đã nhập được giữ làm bản nháp");
    expect(await h.db.figureDraft.count()).toBe(1);
    // The officer saves December's figures for the village meanwhile.
    const officer = await h.db.staff.create({ data: { pseudonym: "officer-test", channel: "web", sealedAddress: "x", displayName: "Đ/c Công an", role: "officer", communeId: (await h.db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } })).id } });
    const village = await h.db.village.findUniqueOrThrow({ where: { code: "HL-01" } });
    const result = await saveVillageFigures(h.db, officer, { villageId: village.id, month: "2026-12", values: { households: 121 }, basedOnVersion: 0, now: h.clock.now });
    expect(result.ok).toBe(true);
    const reopened = texts(await head.say("/capnhat"));
    expect(reopened).toContain("Bản nháp cũ đã được bỏ vì số liệu của thôn vừa được cập nhật");
    expect(reopened).not.toContain("Nhập tiếp bản nháp");
    expect(await h.db.figureDraft.count()).toBe(0);
    await head.press("nav:cancel");
  });

  it("asks every figure again in January", async () => {
    h.clock.now = vnTime("2027-01-05 09:00");
    expect(texts(await head.say("/capnhat"))).toContain(`Có ${FIGURE_FIELDS.length} câu hỏi`);
    await head.press("nav:cancel");
  });
});

// A village poster's Zalo QR opens only the OA (Zalo's link cannot carry the village: docs/zalo-reach.md
// §4), so the poster prints the village code and the bot takes it typed on its own: following the OA
// greets with that hint, and "LP-03" starts a tip fixed to Thôn Pả Chư Tỷ, as Telegram's /start LP-03
// does. A code of no village, or other words, get the menu as before; the web chat takes the code too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.js";
import { followEvent, startFakeZaloOa, type FakeZaloOa, type ZaloUser } from "../helpers/fake-zalo-oa.js";
import { zaloSay } from "../helpers/zalo-flow.js";
import { posterLinks, renderPosters } from "../../src/places/poster.js";

let oa: FakeZaloOa;
let h: Harness;
const CITIZEN: ZaloUser = { id: "5931000000000000011", userIdByApp: "3931000000000000011", displayName: "Người dân quét áp phích" };
const texts = () => oa.textsTo(CITIZEN.id);

beforeAll(async () => {
  oa = await startFakeZaloOa();
  h = await createHarness({ zalo: oa });
  await h.authorizeZalo();
});
afterAll(async () => {
  await h?.close();
  await oa?.close();
});

describe("a village poster's code on Zalo", () => {
  it("is printed under the Zalo QR code, which stays the OA's link", () => {
    const links = posterLinks({ webUrl: "https://baotin.example.vn", zaloUrl: "https://zalo.me/1234567890" }, "LP-03");
    expect(links[0]).toEqual({ channel: "zalo", label: "Quét mã bằng Zalo để báo tin qua Zalo", url: "https://zalo.me/1234567890", then: "Sau khi quét, bấm “Quan tâm” rồi nhắn mã thôn: LP-03" });
    expect(links[1]!.then).toBeUndefined();
    const html = renderPosters({ commune: { name: "Lùng Phình", hotline: null, isSample: true }, province: "Lào Cai", villages: [{ code: "LP-03", name: "Thôn Pả Chư Tỷ" }], webUrl: "https://baotin.example.vn", zaloUrl: "https://zalo.me/1234567890" });
    expect(html).toContain('<p class="then">Sau khi quét, bấm “Quan tâm” rồi nhắn mã thôn: LP-03</p>');
  });

  it("is asked for when a citizen follows, and typed alone starts a tip fixed to that village", async () => {
    expect((await h.postZalo(followEvent(CITIZEN))).status).toBe(200);
    await h.settle();
    expect(texts().join("\n")).toContain("hãy nhắn mã thôn in dưới mã (ví dụ: HL-01)");

    await zaloSay(h, CITIZEN, " lp-03 ");
    const after = texts().slice(-4).join("\n");
    expect(after).toContain("Bạn đang báo tin cho Thôn Pả Chư Tỷ, xã Lùng Phình.");
    const state = await h.db.conversation.findMany();
    expect(state.map((s) => JSON.parse(s.state) as { step?: string; draft?: { villageFixed?: boolean } }).some((s) => s.draft?.villageFixed === true)).toBe(true);
  });

  it("leaves other words and unknown codes to the menu", async () => {
    const other: ZaloUser = { id: "5931000000000000012", userIdByApp: "3931000000000000012", displayName: "Người dân khác" };
    for (const text of ["XX-99", "chào"]) {
      await zaloSay(h, other, text);
      expect(oa.textsTo(other.id).join("\n")).not.toContain("Bạn đang báo tin cho");
    }
    expect(await h.db.conversation.count({ where: { state: { contains: "villageFixed" } } })).toBe(1);
  });

  it("works in the web chat too", async () => {
    const web = h.web();
    const replies = await web.say("HL-02");
    expect(replies.map((r) => r.text).join("\n")).toContain("Bạn đang báo tin cho Thôn Tân Hòa, xã Hồng Lộc.");
  });
});

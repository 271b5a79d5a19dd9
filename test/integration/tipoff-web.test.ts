// The whole tip-off through the real Hono app and the web chat channel, on a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, fileWebTip, type Harness, type WebClient } from "../helpers/harness.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

async function registerOfficer(name = "Đ/c Trần Văn Test"): Promise<WebClient> {
  const officer = h.web();
  const code = await h.invite("officer", { communeCode: "HONGLOC" }, name);
  const replies = await officer.say(`/dangky ${code}`);
  expect(replies[0]!.text).toContain("Đăng ký thành công");
  return officer;
}

const texts = (messages: { text: string }[]) => messages.map((m) => m.text).join("\n---\n");

describe("tip-off in the web chat", () => {
  it("files a tip, alerts the officer at once, and lets them take it, ask and read the answer", async () => {
    const officer = await registerOfficer();
    const citizen = h.web();

    const greeting = await citizen.say("/start");
    expect(texts(greeting)).toContain("Công an xã sẽ không biết bạn là ai");
    expect(texts(greeting)).toContain("113");
    expect(texts(greeting)).toContain("báo tin sai sự thật");
    expect(greeting.at(-1)!.text).toContain("Bước 1/5");

    // The only commune found is taken at once (issue 16).
    const categories = await citizen.say("hong loc");
    expect(texts(categories)).toContain("Đã chọn xã Hồng Lộc");
    expect(categories.at(-1)!.text).toContain("Bước 2/5");
    expect(categories.at(-1)!.choices!.flat().length).toBeGreaterThanOrEqual(12);
    const villages = await citizen.press("Ma túy trá hình");
    expect(villages.at(-1)!.text).toContain("Bước 3/5");
    const villageButton = villages.at(-1)!.choices!.flat().find((c) => c.data.startsWith("v:") && c.data !== "v:none")!;
    await citizen.press(villageButton.data);
    await citizen.say("Quán trà sữa bán \"nước vui\" cho học sinh, có gói bột lạ 🍵. Hmong: Muaj neeg muag yeeb. ꪼꪕ");
    const summary = await citizen.press("m:continue");
    expect(summary.at(-1)!.text).toContain("Xem lại tin báo");
    expect(summary.at(-1)!.text).toContain(villageButton.label);
    const done = await citizen.press("s:submit");
    const code = /([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(texts(done))![1]!;
    expect(texts(done)).toContain("113");
    expect(texts(done)).toContain("Điều gì xảy ra tiếp theo");

    const alerts = await officer.read();
    const alert = alerts.find((m) => m.text.includes("TIN BÁO MỚI"))!;
    expect(alert.text).toContain("HONGLOC-");
    expect(alert.text).toContain(villageButton.label);
    expect(alert.text).toContain("nước vui");
    expect(alert.text).toContain("ꪼꪕ"); // Tai Viet passes through exactly
    expect(alert.text).not.toContain(code);
    const caseNumber = /HONGLOC-\d+/.exec(alert.text)![0];

    const taken = await officer.press("Tiếp nhận");
    expect(texts(taken)).toContain(`${caseNumber}: Đ/c Trần Văn Test chuyển sang "Đã tiếp nhận"`);
    expect(texts(await citizen.read())).toContain("đã được cán bộ công an xã tiếp nhận");

    await officer.press("Hỏi người báo tin");
    const sent = await officer.say("Xe máy biển số mấy? Khoảng mấy giờ?");
    expect(texts(sent)).toContain("Đã gửi câu hỏi");

    const question = (await citizen.read()).find((m) => m.text.includes("Cán bộ công an xã hỏi thêm"))!;
    expect(question.text).toContain("Xe máy biển số mấy?");
    await citizen.press("Trả lời cán bộ");
    await citizen.say("Khoảng 21 giờ, xe Wave màu đỏ.");
    await citizen.press("f:done");
    const answer = (await officer.read()).find((m) => m.text.includes("người báo tin gửi thêm"))!;
    expect(answer.text).toContain("xe Wave màu đỏ");

    // Follow-up from a different browser with only the receipt code.
    const elsewhere = h.web();
    const view = await elsewhere.say(`/theodoi ${code.toLowerCase()}`);
    expect(texts(view)).toContain("Đã tiếp nhận".toLowerCase().slice(0, 0) + "tiếp nhận");
    expect(texts(view)).toContain("Xe máy biển số mấy?");
    expect(texts(view)).toContain("xe Wave màu đỏ");

    const events = await h.db.tipEvent.findMany({ orderBy: { id: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(["created", "status", "question", "followup"]);
    expect(events[1]!.actorStaffId).not.toBeNull();
  });

  it("offers a way back and a way out at every step, and a cancelled draft leaves nothing", async () => {
    const citizen = h.web();
    await citizen.say("/start");
    await citizen.say("Lùng Phình");
    await citizen.press("Trồng cây");
    let back = await citizen.press("nav:back");
    expect(back.at(-1)!.text).toContain("Bước 2/5");
    back = await citizen.press("nav:back");
    expect(back.at(-1)!.text).toContain("Bước 1/5");
    await citizen.say("Lùng Phình");
    await citizen.press("Trồng cây");
    await citizen.press("v:none");
    await citizen.say("Có nương trồng cây thuốc phiện sau núi.");
    back = await citizen.press("nav:back");
    expect(back.at(-1)!.text).toContain("Bước 4/5");
    const cancelled = await citizen.press("nav:cancel");
    expect(cancelled.at(-1)!.text).toContain("Đã hủy");
    expect(await h.db.conversation.count()).toBe(0);
    expect(await h.db.tip.count()).toBe(0);
  });

  it("a poster's deep link fixes commune and village", async () => {
    const village = await h.db.village.findFirstOrThrow({ where: { commune: { code: "NAMSACH" } } });
    const citizen = h.web();
    const replies = await citizen.say(`/start ${village.code}`);
    expect(texts(replies)).toContain(village.name);
    expect(replies.at(-1)!.text).toContain("Bước 2/5");
    const next = await citizen.press("Khác");
    expect(next.at(-1)!.text).toContain("Bước 4/5");
  });

  it("says when a commune is not found, and rejects over-long descriptions without losing the draft", async () => {
    const citizen = h.web();
    await citizen.say("/start");
    const none = await citizen.say("Xã Không Tồn Tại");
    expect(none.at(-1)!.text).toContain("Không tìm thấy");
    await citizen.say("Nam Sách");
    await citizen.press("Khác");
    await citizen.press("v:none");
    const invisible = await citizen.say("\u200b\u200c\u2060 ");
    expect(invisible.at(-1)!.text).toContain("Bạn chưa viết gì");
    const long = await citizen.say("a".repeat(3001));
    expect(long.at(-1)!.text).toContain("vượt quá 3000");
    const ok = await citizen.say("Ngắn gọn thôi.");
    expect(ok.at(-1)!.text).toContain("Bước 5/5");
  });

  it("expires an unfinished draft after the set time and says so", async () => {
    const citizen = h.web();
    await citizen.say("/start");
    await citizen.say("Hồng Lộc");
    h.clock.advanceMinutes(61);
    const { expireDrafts } = await import("../../bots/core/work/sweep.js");
    await expireDrafts(h.deps);
    const notice = await citizen.read();
    expect(texts(notice)).toContain("đã bị xóa vì quá 60 phút");
    expect(await h.db.conversation.count()).toBe(0);
  });

  it("beyond the per-person limit a tip is never refused: it is taken into the held queue, its code works", async () => {
    const citizen = h.web();
    for (let i = 0; i < 5; i++) {
      await fileWebTip(citizen);
      h.clock.advanceMinutes(2); // stays under the web chat's per-minute message limit
    }
    const sixth = await fileWebTip(citizen, { text: "Lần thứ sáu" });
    expect(await h.db.tip.count()).toBe(6);
    const held = await h.db.tip.findMany({ where: { hold: "held" } });
    expect(held.map((t) => t.text)).toEqual(["Lần thứ sáu"]);
    h.clock.advanceMinutes(2);
    const opened = await citizen.say(sixth);
    expect(texts(opened)).toContain("Trạng thái");
  });

  it("/xoadulieu erases the reply address at once; questions then wait for the receipt code", async () => {
    const officer = await registerOfficer();
    const citizen = h.web();
    const code = await fileWebTip(citizen);
    expect(await h.db.replyAddress.count()).toBe(1);
    const erased = await citizen.say("/xoadulieu");
    expect(erased.at(-1)!.text).toContain("Đã xóa địa chỉ liên lạc");
    expect(await h.db.replyAddress.count()).toBe(0);
    await officer.read();
    await officer.press("Hỏi người báo tin");
    const stored = await officer.say("Bạn còn thấy gì nữa không?");
    expect(texts(stored)).toContain("đã xóa địa chỉ liên lạc");
    expect((await citizen.read()).length).toBe(0);
    const view = await citizen.say(code);
    expect(texts(view)).toContain("Bạn còn thấy gì nữa không?");
  });

  it("wrong receipt codes are refused and limited", async () => {
    const citizen = h.web();
    await citizen.say("/theodoi");
    for (let i = 0; i < 10; i++) expect((await citizen.say("AAAA-CCCC")).at(-1)!.text).toContain("không đúng");
    expect((await citizen.say("AAAA-CCCC")).at(-1)!.text).toContain("quá nhiều lần");
  });

  it("raises a tip nobody took to the officers, then to the leaders", async () => {
    const officer = await registerOfficer();
    const leader = h.web();
    await leader.say(`/dangky ${await h.invite("leader", { communeCode: "HONGLOC" }, "Đ/c Chủ tịch")}`);
    await fileWebTip(h.web());
    await officer.read();
    await leader.read();
    const { sweep } = await import("../../bots/core/work/sweep.js");
    h.clock.advanceMinutes(29);
    await sweep(h.deps);
    expect((await officer.read()).length).toBe(0);
    h.clock.advanceMinutes(2);
    await sweep(h.deps);
    expect(texts(await officer.read())).toContain("NHẮC LẠI");
    expect((await leader.read()).length).toBe(0);
    h.clock.advanceMinutes(31);
    await sweep(h.deps);
    expect(texts(await leader.read())).toContain("BÁO CÁO LÃNH ĐẠO");
    h.clock.advanceMinutes(120);
    await sweep(h.deps);
    expect((await leader.read()).length).toBe(0);
  });

  it("checks role and scope: another commune's officer cannot act, citizens cannot list", async () => {
    await registerOfficer();
    const stranger = h.web();
    await stranger.say(`/dangky ${await h.invite("officer", { communeCode: "NAMSACH" })}`);
    await fileWebTip(h.web());
    const tip = await h.db.tip.findFirstOrThrow();
    const refused = await stranger.send({ choice: `t:${tip.id}:take` });
    expect(refused.status).toBe(202);
    expect(texts(await stranger.read())).toContain("không có quyền");
    expect((await h.db.tip.findFirstOrThrow()).status).toBe("new");
    const listed = await stranger.say("/tinbao");
    expect(texts(listed)).toContain("Không có tin báo");
    const citizen = h.web();
    expect(texts(await citizen.say("/tinbao"))).toContain("chỉ dành cho cán bộ");
  });

  it("/tinbao lists open tips with filters", async () => {
    const officer = await registerOfficer();
    await fileWebTip(h.web(), { category: "Người ngáo đá" });
    await fileWebTip(h.web(), { category: "Mua bán ma túy qua mạng" });
    const all = await officer.say("/tinbao");
    expect(all.at(-1)!.text).toContain("2 tin báo đang mở");
    const online = await officer.say("/tinbao online");
    expect(online.at(-1)!.text).toContain("1 tin báo");
    expect(online.at(-1)!.text).toContain("qua mạng");
    const bad = await officer.say("/tinbao linhtinh");
    expect(bad.at(-1)!.text).toContain("Không hiểu bộ lọc");
  });

  it("answers malformed web requests with 4xx, never 500", async () => {
    const bodies = ["", "{", "[]", JSON.stringify({ token: "short", text: "x" }), JSON.stringify({ token: "a".repeat(40) }), JSON.stringify({ token: "a".repeat(40), text: "x".repeat(9000) })];
    for (const body of bodies) {
      const res = await h.app.request("/webchat/api/send", { method: "POST", headers: { "Content-Type": "application/json" }, body });
      expect(res.status, body.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    const noToken = await h.app.request("/webchat/api/messages");
    expect(noToken.status).toBe(400);
  });
});

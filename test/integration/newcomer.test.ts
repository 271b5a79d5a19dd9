// What a new user tripped over (issue 16), outside the web chat page: one commune found goes on
// with it, a location is counted apart from files, the menu follows a sent or cancelled tip, staff
// get staff words and web-chat help, greetings do not double a title. Real app, web chat, SQLite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type WebClient, type WebMessage } from "../helpers/harness.js";
import { fixture } from "../helpers/images.js";

let h: Harness;
const texts = (messages: WebMessage[]) => messages.map((m) => m.text).join("\n---\n");
const labels = (m: WebMessage | undefined) => (m?.choices ?? []).flat().map((c) => c.label);
const datas = (m: WebMessage | undefined) => (m?.choices ?? []).flat().map((c) => c.data);
const MENU = ["menu:report", "menu:followup", "menu:privacy", "menu:help"];

async function step<T>(action: () => Promise<T>): Promise<T> {
  h.clock.advanceMinutes(0.05);
  return action();
}

async function registerOfficer(name: string): Promise<{ officer: WebClient; greeting: WebMessage[] }> {
  const officer = h.web();
  const greeting = await officer.say(`/dangky ${await h.invite("officer", { communeCode: "HONGLOC" }, name)}`);
  expect(texts(greeting)).toContain("Đăng ký thành công");
  return { officer, greeting };
}

beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());

describe("a citizen's tip-off", () => {
  it("goes on with the only commune found, says which, and offers another", async () => {
    const citizen = h.web();
    await step(() => citizen.say("/start"));
    const found = await step(() => citizen.say("hong loc"));
    expect(texts(found)).toContain("Đã chọn xã Hồng Lộc");
    expect(texts(found)).not.toContain("Chọn đúng xã");
    expect(found.at(-1)!.text).toContain("Bước 2/5 — Xã Hồng Lộc");
    expect(labels(found.at(-1))).toContain("🔍 Chọn xã khác");
    const again = await step(() => citizen.press("🔍 Chọn xã khác"));
    expect(again.at(-1)!.text).toContain("Bước 1/5");
    // Several communes found: the choice is still the citizen's.
    const several = await step(() => citizen.say("xa"));
    if (several.at(-1)!.text.includes("Chọn đúng xã")) expect(datas(several.at(-1)).filter((d) => d.startsWith("c:")).length).toBeGreaterThan(1);
  });

  it("counts a location apart from files, and offers the menu once the tip is sent", async () => {
    const citizen = h.web();
    await step(() => citizen.say("/start"));
    await step(() => citizen.say("Hồng Lộc"));
    await step(() => citizen.press("Điểm, người bán lẻ ma túy"));
    await step(() => citizen.press("Không rõ thôn/xóm"));
    await step(() => citizen.say("Có người bán ma túy ở bãi sông sau chợ."));
    const res = await h.app.request("/webchat/api/upload", {
      method: "POST",
      headers: await citizen.headers(),
      body: JSON.stringify({ token: citizen.token, mime: "image/jpeg", dataBase64: Buffer.from(fixture("gps.jpg")).toString("base64") }),
    });
    expect(res.status).toBe(200);
    const { uploadId } = (await res.json()) as { uploadId: string };
    h.clock.advanceMinutes(0.05);
    expect((await citizen.send({ uploadId })).status).toBe(202);
    expect(texts(await citizen.read())).toContain("Đã nhận 1 ảnh.");
    h.clock.advanceMinutes(0.05);
    expect((await citizen.send({ location: { latitude: 18.541, longitude: 105.731 } })).status).toBe(202);
    await citizen.read();
    const kept = await step(() => citizen.press("loc:yes"));
    expect(texts(kept)).toContain("Đã nhận 1 ảnh và 1 vị trí.");
    expect(texts(kept)).not.toContain("tệp đính kèm");
    await step(() => citizen.press("m:continue"));
    const sent = await step(() => citizen.press("s:submit"));
    expect(texts(sent)).toContain("Điều gì xảy ra tiếp theo");
    expect(texts(sent)).not.toContain("Gõ /start");
    expect(datas(sent.at(-1))).toEqual(expect.arrayContaining(MENU));
    // The menu works from there.
    expect((await step(() => citizen.press("menu:report"))).at(-1)!.text).toContain("Bước 1/5");
  });

  it("offers the menu after cancelling, in natural words", async () => {
    const citizen = h.web();
    await step(() => citizen.say("/start"));
    const cancelled = await step(() => citizen.press("nav:cancel"));
    expect(cancelled.at(-1)!.text).toContain("Đã hủy");
    expect(cancelled.at(-1)!.text).not.toContain("Gõ /start");
    expect(datas(cancelled.at(-1))).toEqual(expect.arrayContaining(MENU));
    const stale = await step(() => citizen.press("nav:cancel"));
    expect(stale.at(-1)!.text).toContain("Không có việc gì đang dở");
    expect(datas(stale.at(-1))).toEqual(expect.arrayContaining(MENU));
  });
});

describe("a follow-up and an answer to an officer", () => {
  it("offers Hủy with the reply prompt, and leaves in natural words with the menu", async () => {
    const { officer } = await registerOfficer("Đ/c Lò Văn Sáng");
    const citizen = h.web();
    await step(() => citizen.say("/start"));
    await step(() => citizen.say("Hồng Lộc"));
    await step(() => citizen.press("Điểm, người bán lẻ ma túy"));
    await step(() => citizen.press("Không rõ thôn/xóm"));
    await step(() => citizen.say("Xe lạ đỗ sau trạm y tế mỗi tối."));
    await step(() => citizen.press("m:continue"));
    await step(() => citizen.press("s:submit"));
    await officer.read();
    await step(() => officer.press("Hỏi người báo tin"));
    // An officer who changes their mind gets staff words, not the citizen's draft wording.
    const notAsked = await step(() => officer.press("nav:cancel"));
    expect(notAsked.at(-1)!.text).toContain("không gửi câu hỏi nào");
    expect(notAsked.at(-1)!.text).not.toContain("Bản nháp");
    await step(() => officer.press("Hỏi người báo tin"));
    await step(() => officer.say("Xe màu gì?"));
    await citizen.read();
    const prompt = await step(() => citizen.press("Trả lời cán bộ"));
    expect(prompt.at(-1)!.text).toContain("Gõ câu trả lời");
    expect(datas(prompt.at(-1))).toEqual(expect.arrayContaining(["f:done", "nav:cancel"]));
    await step(() => citizen.say("Xe màu đen."));
    const stopped = await step(() => citizen.press("nav:cancel"));
    expect(stopped.at(-1)!.text).toContain("Những gì bạn gửi trước đó đã đến cán bộ");
    expect(datas(stopped.at(-1))).toEqual(expect.arrayContaining(MENU));
    expect(texts(await officer.read())).toContain("Xe màu đen.");

    await step(() => citizen.press("Trả lời cán bộ"));
    const done = await step(() => citizen.press("f:done"));
    expect(done.at(-1)!.text).not.toContain("Đã thoát khỏi tin báo");
    expect(done.at(-1)!.text).toContain("Đã đóng tin báo này");
    expect(datas(done.at(-1))).toEqual(expect.arrayContaining(MENU));
  });
});

describe("staff in the web chat", () => {
  it("greets without doubling a title the name carries", async () => {
    const { greeting } = await registerOfficer("Đ/c Lò Văn Sáng");
    expect(texts(greeting)).toContain("Chào Đ/c Lò Văn Sáng — công an xã");
    expect(texts(greeting)).not.toContain("đồng chí Đ/c");
    const { greeting: plain, officer } = await registerOfficer("Ông Mùa A Chứ");
    expect(texts(plain)).toContain("Chào ông Mùa A Chứ");
    expect(texts(await step(() => officer.say("/toi")))).toContain("Ông Mùa A Chứ — công an xã");
    const { greeting: untitled } = await registerOfficer("Lê Văn Tâm");
    expect(texts(untitled)).toContain("Chào đồng chí Lê Văn Tâm");
  });

  it("get help without group or linking commands, with every /tinbao filter", async () => {
    const { officer, greeting } = await registerOfficer("Đ/c Hà Văn Trực");
    const help = texts(await step(() => officer.say("/help")));
    for (const shown of [help, texts(greeting)]) {
      expect(shown).toContain("/tinbao");
      for (const word of ["moi", "tiepnhan", "xacminh", "daxuly", "khongcoso", "tatca"]) expect(shown).toContain(word);
      for (const missing of ["/nhomcanhbao", "/lienket", "/kenhcanhbao"]) expect(shown).not.toContain(missing);
    }
  });

  it("get staff words for a stale Hủy", async () => {
    const { officer } = await registerOfficer("Đ/c Vàng Văn Hùng");
    h.clock.advanceMinutes(0.05);
    expect((await officer.send({ choice: "nav:cancel" })).status).toBe(202);
    const stale = await officer.read();
    expect(stale.at(-1)!.text).not.toContain("/start");
    expect(stale.at(-1)!.text).toContain("/help");
  });
});

describe("examples in staff errors", () => {
  it("name the person's own commune and villages, and list the right codes for an unknown one", async () => {
    const leader = h.web();
    await leader.say(`/dangky ${await h.invite("leader", { communeCode: "LUNGPHINH" }, "Chủ tịch xã Lùng Phình")}`);
    const villages = await h.db.village.findMany({ where: { commune: { code: "LUNGPHINH" } }, orderBy: { code: "asc" } });
    expect(villages.length).toBeGreaterThan(1);
    for (const command of ["/thongke XX-99", "/capnhat XX-99"]) {
      const reply = texts(await step(() => leader.say(command)));
      expect(reply, command).toContain("Không có thôn nào mã XX-99");
      for (const v of villages) expect(reply, command).toContain(`${v.code} (${v.name})`);
      expect(reply, command).not.toContain("Không hiểu");
      expect(reply, command).not.toMatch(/HL-0|HONGLOC/);
    }
    const word = texts(await step(() => leader.say("/thongke hom-qua")));
    expect(word).toContain(`ví dụ ${villages[0]!.code}`);
    expect(word).toContain("ví dụ LUNGPHINH");
    expect(word).not.toMatch(/HL-0|HONGLOC/);
  });

  it("give a province admin the codes of their own province", async () => {
    const admin = h.web();
    await admin.say(`/dangky ${await h.invite("admin", { provinceCode: "LCA" } as { communeCode?: string } /* the harness types commune and village scopes only */, "Sở Công an Lào Cai")}`);
    for (const command of ["/thongke", "/nhomcanhbao"]) {
      const reply = texts(await step(() => admin.say(command)));
      expect(reply, command).toContain("LUNGPHINH");
      expect(reply, command).not.toMatch(/HONGLOC|HL-0/);
    }
  });
});

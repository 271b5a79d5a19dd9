// Issue 10, "One flooder cannot silence a commune": through the real app, 120 fake tips from one
// network (fresh token and a valid proof each) reach the officer as one summary, a genuine citizen
// from elsewhere is alerted as always, the officer releases or dismisses the held tips in bulk
// (another commune's officer cannot), sessions and tips cost a proof that cannot be replayed, wrong
// receipt codes have a server-wide brake, and the network address is nowhere on disk or in the logs.
import { existsSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, fileWebTip, type Harness, type WebClient } from "../helpers/harness.js";
import { freshProof } from "../helpers/pow.js";
import { pseudonymOf } from "../../src/crypto/pseudonym.js";
import { MESSAGES_PER_MINUTE } from "../../bots/webchat/api.js";
import { viWeb } from "../../src/i18n/vi-web.js";

const FLOODER_IP = "203.0.113.77";
const CITIZEN_IP = "198.51.100.23";

let h: Harness;
afterEach(async () => {
  await h?.close();
});

async function officerOf(communeCode: string, name: string): Promise<WebClient> {
  const officer = h.web();
  const replies = await officer.say(`/dangky ${await h.invite("officer", { communeCode }, name)}`);
  expect(replies[0]!.text).toContain("Đăng ký thành công");
  return officer;
}

const count = (messages: { text: string }[], needle: string) => messages.filter((m) => m.text.includes(needle)).length;

describe("a flood of web tips", () => {
  it("reaches the officer as one summary, lets a genuine citizen through, and is released or dismissed in bulk by that commune only", async () => {
    h = await createHarness();
    const officer = await officerOf("HONGLOC", "Đ/c Hồng Lộc");
    const stranger = await officerOf("NAMSACH", "Đ/c Nam Sách");
    await officer.read();

    let genuineCode = "";
    const flooderCodes: string[] = [];
    for (let i = 0; i < 120; i++) {
      flooderCodes.push(await fileWebTip(h.web(undefined, { ip: FLOODER_IP }), { text: `Tin rác số ${i}` }));
      if (i === 60) genuineCode = await fileWebTip(h.web(undefined, { ip: CITIZEN_IP }), { text: "Có người bán ma túy ở chợ Hồng Lộc." });
    }
    expect(await h.db.tip.count()).toBe(121);
    const held = await h.db.tip.count({ where: { hold: "held" } });
    expect(held).toBe(117); // three a minute from one network, the rest held

    const alerts = await officer.read();
    expect(count(alerts, "TIN BÁO MỚI")).toBe(4);
    expect(count(alerts, "đang chờ xem xét do gửi dồn dập")).toBe(1);
    expect(alerts.find((m) => m.text.includes("Có người bán ma túy ở chợ Hồng Lộc"))?.text).toContain("TIN BÁO MỚI");
    expect(genuineCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(count(await stranger.read(), "TIN BÁO")).toBe(0);

    // Held tips are in no list; the flood's own codes still open their tips.
    expect((await officer.say("/tinbao")).at(-1)!.text).toContain("4 tin báo");
    h.clock.advanceMinutes(1);
    expect((await h.web().say(flooderCodes[100]!)).at(-1)!.text).toContain("Trạng thái");

    // Another commune's officer sees nothing held and cannot sweep them, even with a forged button.
    expect((await stranger.say("/tinbao giu")).at(-1)!.text).toContain("Không có tin báo nào đang chờ");
    const newest = (await h.db.tip.findFirst({ where: { hold: "held" }, orderBy: { id: "desc" } }))!.id;
    await stranger.send({ choice: `hq:dy:${newest}` });
    await stranger.read();
    expect(await h.db.tip.count({ where: { hold: "held" } })).toBe(117);
    const citizen = h.web();
    await citizen.send({ choice: `hq:ry:${newest}` });
    expect((await citizen.read()).at(-1)!.text).toContain("chỉ dành cho cán bộ");

    // The commune's officer: list, dismiss asks first and has a way back, then dismisses them all.
    const list = (await officer.say("/tinbao giu")).at(-1)!;
    expect(list.text).toContain("117 tin báo đang chờ xem xét");
    const ask = (await officer.press("Bỏ tất cả")).at(-1)!;
    expect(ask.text).toContain("Bỏ 117 tin báo này?");
    expect((await officer.press("Quay lại danh sách")).at(-1)!.text).toContain("117 tin báo đang chờ");
    await officer.press("Bỏ tất cả");
    expect((await officer.press("Đồng ý")).at(-1)!.text).toContain("Đã bỏ 117 tin báo");
    expect(await h.db.tip.count({ where: { hold: "dismissed" } })).toBe(117);
    expect(await h.db.tipEvent.count({ where: { kind: "dismissed", actorStaffId: { not: null } } })).toBe(117);
    expect((await officer.say("/tinbao giu")).at(-1)!.text).toContain("Không có tin báo nào đang chờ");

    // A later burst: two held; a follow-up on a held tip stays with it; release alerts them as new tips.
    h.clock.advanceMinutes(16);
    const burst: string[] = [];
    for (let i = 0; i < 5; i++) burst.push(await fileWebTip(h.web(undefined, { ip: FLOODER_IP }), { text: `Đợt hai số ${i}` }));
    const second = await officer.read();
    expect(count(second, "TIN BÁO MỚI")).toBe(3);
    expect(count(second, "đang chờ xem xét do gửi dồn dập")).toBe(1);
    h.clock.advanceMinutes(1);
    const tipster = h.web();
    await tipster.say(burst[4]!);
    await tipster.press("f:add");
    expect((await tipster.say("Xe biển số 38A đỗ ở đó mỗi tối.")).at(-1)!.text).toContain("Đã chuyển thông tin bổ sung");
    expect(count(await officer.read(), "gửi thêm")).toBe(0);
    await officer.say("/tinbao giu");
    expect((await officer.press("Chuyển vào danh sách")).at(-1)!.text).toContain("Chuyển 2 tin báo này vào danh sách tin báo?");
    const released = await officer.press("Đồng ý");
    expect(texts(released)).toContain("Đã chuyển 2 tin báo vào danh sách");
    expect(count(released, "TIN BÁO MỚI")).toBe(2);
    expect(await h.db.tipEvent.count({ where: { kind: "released" } })).toBe(2);
    expect((await officer.say("/tinbao")).at(-1)!.text).toContain("9 tin báo");

    // The network address reached neither the database, its WAL, nor the logs.
    await h.db.$executeRawUnsafe("SELECT 1");
    for (const file of [h.dbPath, `${h.dbPath}-wal`]) {
      if (!existsSync(file)) continue;
      const bytes = readFileSync(file).toString("latin1");
      for (const ip of [FLOODER_IP, CITIZEN_IP]) expect(bytes.includes(ip), `${ip} in ${file}`).toBe(false);
    }
    for (const ip of [FLOODER_IP, CITIZEN_IP]) expect(h.logs.join("\n")).not.toContain(ip);
  }, 180_000);
});

const texts = (messages: { text: string }[]) => messages.map((m) => m.text).join("\n---\n");

describe("the web chat's proof of work", () => {
  it("refuses a session without a proof, a forged or replayed proof, and a send or upload without a ticket", async () => {
    h = await createHarness();
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      h.app.request(path, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });
    const token = "t".repeat(43);
    expect((await post("/webchat/api/session", { token })).status).toBe(400);
    const proof = await freshProof((p, i) => h.app.request(p, i));
    const key = proof.solution.derivedKey;
    const forged = { ...proof, solution: { ...proof.solution, derivedKey: (key[0] === "0" ? "1" : "0") + key.slice(1) } };
    expect((await post("/webchat/api/session", { token, proof: forged })).status).toBe(403);
    const ok = await post("/webchat/api/session", { token, proof });
    expect(ok.status).toBe(200);
    const { ticket } = (await ok.json()) as { ticket: string };
    expect((await post("/webchat/api/session", { token: "u".repeat(43), proof })).status).toBe(409);

    expect((await post("/webchat/api/send", { token, text: "/start" })).status).toBe(401);
    expect((await post("/webchat/api/send", { token, text: "/start" }, { "X-Chat-Ticket": ticket })).status).toBe(202);
    // A ticket is for its own token only.
    expect((await post("/webchat/api/send", { token: "v".repeat(43), text: "/start" }, { "X-Chat-Ticket": ticket })).status).toBe(401);
    expect((await post("/webchat/api/upload", { token, mime: "image/png", dataBase64: "AAAAAAAAAAAA" })).status).toBe(401);

    // Submitting a tip and trying a receipt code cost a fresh proof; a spent one is refused.
    expect((await post("/webchat/api/send", { token, choice: "s:submit" }, { "X-Chat-Ticket": ticket })).status).toBe(428);
    expect((await post("/webchat/api/send", { token, text: "AC3D-7KMN" }, { "X-Chat-Ticket": ticket })).status).toBe(428);
    expect((await post("/webchat/api/send", { token, text: "/theodoi AC3D-7KMN" }, { "X-Chat-Ticket": ticket })).status).toBe(428);
    const codeProof = await freshProof((p, i) => h.app.request(p, i));
    expect((await post("/webchat/api/send", { token, text: "AC3D-7KMN", proof: codeProof }, { "X-Chat-Ticket": ticket })).status).toBe(202);
    expect((await post("/webchat/api/send", { token, text: "AC3D-7KMN", proof: codeProof }, { "X-Chat-Ticket": ticket })).status).toBe(409);
  });
});

describe("wrong receipt codes server-wide", () => {
  it("beyond the limit every try waits, a fresh token buys nothing, and after a minute the right code opens", async () => {
    h = await createHarness({ settings: { wrongCodesPerMinute: 3 } });
    const code = await fileWebTip(h.web());
    for (let i = 0; i < 3; i++) expect((await h.web().say("AC3D-7KMN")).at(-1)!.text).toContain("không đúng");
    expect((await h.web().say("AC3D-7KMP")).at(-1)!.text).toContain("chờ một phút");
    expect((await h.web().say(code)).at(-1)!.text).toContain("chờ một phút");
    h.clock.advanceMinutes(1.1);
    expect((await h.web().say(code)).at(-1)!.text).toContain("Trạng thái");
  });
});

describe("one web conversation's messages per minute", () => {
  it("beyond the limit a message is refused politely, counted in RateHit rows under a keyed tag on Node, and a minute later taken again", async () => {
    h = await createHarness();
    const citizen = h.web();
    const bucket = await h.keys.tag("rate-web", await pseudonymOf(h.keys, "web", citizen.token));
    for (let i = 0; i < MESSAGES_PER_MINUTE; i++) expect((await citizen.send({ text: `xin chào ${i}` })).status).toBe(202);
    const refused = await citizen.send({ text: "thêm một tin" });
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ error: viWeb.server.tooFast });
    // Refused messages are not counted; the bucket is a keyed tag, not the browser's token.
    expect(await h.db.rateHit.count({ where: { bucket } })).toBe(MESSAGES_PER_MINUTE);
    expect(await h.db.rateHit.count({ where: { bucket: { contains: citizen.token } } })).toBe(0);
    // Another conversation is counted apart.
    expect((await h.web().send({ text: "xin chào" })).status).toBe(202);
    h.clock.advanceMinutes(1.1);
    expect((await citizen.send({ text: "sau một phút" })).status).toBe(202);
  });
});

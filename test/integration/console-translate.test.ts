// A translator's pages in the staff console (issues 13 and 15), through the real Hono app on a real
// SQLite file: a translator of Như Xuân signs in with /dangnhap, chooses Tai Dam, pages through every
// bulletin to translate, opens one (the Vietnamese beside the draft), types Tai Dam text in Tai Viet
// and a Latin spelling, uploads a recording as a file, saves and sends it for review — the same
// functions as the chat. The commune's second Tai Dam translator finds it waiting in their console
// and approves it there; the leader is told in chat who reviewed it. The author cannot review their
// own, an officer has no such page, a form from another site is refused, bad input gets a 4xx.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type WebClient } from "../helpers/harness.js";
import { tick, vnTime } from "../helpers/bulletins.js";
import { avFixture } from "../helpers/av.js";
import { CONSOLE_ORIGIN as ORIGIN, consoleRequests } from "../helpers/console-requests.js";
import { setTranslatorLanguages } from "../../src/bulletins/translations.js";

// TEST-ONLY strings, not translations.
const TAI_VIET = "[TEST] \uaa80\uaa81\uaa82 \uaa95\uaab1\uaabe\uaac1 \uaa8d\uaab8\uaa9d";
const LATIN = "[TEST] Tai Dam latin spelling — not a translation";
const RECORDING = avFixture("voice.ogg");

let h: Harness;
let translator: WebClient;
let reviewer: WebClient;
let leader: WebClient;
let officer: WebClient;
let cookie = "";
let reviewerCookie = "";
let itemId = 0;
let total = 0;

const requests = consoleRequests(() => h, { stepMinutes: 0.05 });
const { post, signIn } = requests;
const register = (role: string, name: string) => requests.register(role, { communeCode: "NHUXUAN" }, name);

function postDraft(fields: { text?: string; altText?: string; audio?: Uint8Array; action: "save" | "submit" }, path = `/canbo/dich/${itemId}/blt`, withCookie = cookie) {
  const form = new FormData();
  form.set("text", fields.text ?? "");
  form.set("altText", fields.altText ?? "");
  form.set("audio", new Blob(fields.audio ? [fields.audio as Uint8Array<ArrayBuffer>] : [], { type: "audio/ogg" }), fields.audio ? "ban-doc.ogg" : "");
  form.set("action", fields.action);
  return h.app.request(path, { method: "POST", headers: { Origin: ORIGIN, Cookie: withCookie }, body: form });
}

const get = (path: string, withCookie = cookie) => h.app.request(path, { headers: { Cookie: withCookie } });
const links = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1]!);

beforeAll(async () => {
  h = await createHarness();
  h.clock.now = vnTime("2026-11-23 05:00"); // a Monday
  await tick(h);
  translator = await register("translator", "Đ/c Lò Văn Dịch");
  reviewer = await register("translator", "Đ/c Lò Thị Duyệt");
  leader = await register("leader", "Đ/c Chủ tịch");
  officer = await register("officer", "Đ/c Công an");
  const reviewerId = (await h.db.staff.findFirstOrThrow({ where: { displayName: "Đ/c Lò Thị Duyệt" } })).id;
  await setTranslatorLanguages(h.db, reviewerId, ["blt"], h.clock.now);
  total = await h.db.bulletinItem.count({ where: { retiredAt: null } });
});
afterAll(async () => h.close());

describe("staff console: a translator's pages", () => {
  it("opens on the translator's page, takes the languages, and pages through every bulletin to translate", async () => {
    cookie = await signIn(translator);
    expect((await get("/canbo")).headers.get("location")).toBe("/canbo/dich");
    const first = await (await get("/canbo/dich")).text();
    expect(first).toContain("chưa chọn ngôn ngữ dịch");
    expect(first).toContain('value="blt"');
    expect((await post("/canbo/dich/ngonngu", { ngonngu: "blt" }, cookie)).status).toBe(303);
    const page1 = await (await get("/canbo/dich?kq=ngonngu")).text();
    expect(page1).toContain("Ngôn ngữ dịch của đồng chí: Tiếng Thái (Thái Đen) (Tai Dam)");
    expect(page1).toContain(`còn ${total}/${total} bài`);
    const seen = new Set<string>();
    let html = page1;
    for (let page = 1; ; page++) {
      for (const id of links(html, /href="\/canbo\/dich\/(\d+)\/blt"/g)) seen.add(id);
      const next = /href="(\/canbo\/dich\?ngonngu=blt&amp;trang=\d+)"[^>]*>Trang sau/.exec(html)?.[1];
      if (page > 1) expect(html).toContain("Trang trước");
      if (!next) break;
      html = await (await get(next.replace(/&amp;/g, "&"))).text();
    }
    expect(seen.size).toBe(total);
    itemId = Number([...seen][0]);
  });

  it("shows the Vietnamese beside the draft, and keeps typed text and an uploaded recording as the chat does", async () => {
    const html = await (await get(`/canbo/dich/${itemId}/blt`)).text();
    const original = (await h.db.bulletinVersion.findFirstOrThrow({ where: { itemId, language: "vie", status: "approved" } })).text!;
    expect(html).toContain("Bản gốc tiếng Việt");
    expect(html).toContain(original.split("\n")[0]!.replace(/"/g, "&quot;").slice(0, 40));
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('type="file" name="audio"');

    const saved = await postDraft({ text: TAI_VIET, altText: LATIN, audio: RECORDING, action: "save" });
    expect(saved.status).toBe(303);
    expect(await (await get(saved.headers.get("location")!)).text()).toContain("Đã lưu bản nháp.");
    const draft = await h.db.bulletinVersion.findUniqueOrThrow({ where: { itemId_language_status: { itemId, language: "blt", status: "draft" } } });
    expect(draft).toMatchObject({ text: TAI_VIET, altText: LATIN, audioKind: "voice", audioChannel: "web", submittedAt: null });
    expect([...draft.text!]).toEqual([...TAI_VIET]);
    const stored = await h.db.webUpload.findUniqueOrThrow({ where: { publicId: draft.audioFileRef! } });
    expect(stored).toMatchObject({ purpose: "bulletin", mime: "audio/ogg", tipId: null });
    const played = await get(`/canbo/dich/${itemId}/blt/ghiam`);
    expect(played.status).toBe(200);
    expect(played.headers.get("content-type")).toBe("audio/ogg");
    expect(Buffer.from(await played.arrayBuffer()).subarray(0, 4).toString("latin1")).toBe("OggS");
    // The page shows the draft in its textareas and a player of its recording.
    const again = await (await get(`/canbo/dich/${itemId}/blt`)).text();
    expect(again).toContain(TAI_VIET);
    expect(again).toContain(`src="/canbo/dich/${itemId}/blt/ghiam"`);
  });

  it("refuses bad input with a 4xx and keeps nothing of it", async () => {
    const before = await h.db.bulletinVersion.findUniqueOrThrow({ where: { itemId_language_status: { itemId, language: "blt", status: "draft" } } });
    const long = await postDraft({ text: "ꪀ".repeat(4001), action: "save" });
    expect(long.status).toBe(400);
    expect(await long.text()).toContain("quá 4000");
    const notAudio = await postDraft({ text: "[TEST] khác", audio: avFixture("garbage.bin"), action: "save" });
    expect(notAudio.status).toBe(400);
    expect(await notAudio.text()).toContain("không phải ghi âm");
    expect((await postDraft({ action: "save" }, `/canbo/dich/${itemId}/vie`)).status).toBe(404);
    expect((await postDraft({ action: "save" }, "/canbo/dich/99999999/blt")).status).toBe(404);
    expect((await get("/canbo/dich/1e9/blt")).status).toBe(404);
    const after = await h.db.bulletinVersion.findUniqueOrThrow({ where: { itemId_language_status: { itemId, language: "blt", status: "draft" } } });
    expect(after).toMatchObject({ text: before.text, altText: before.altText, audioFileRef: before.audioFileRef, updatedAt: before.updatedAt });
  });

  it("refuses a form from another site, and has no page for an officer", async () => {
    expect((await post("/canbo/dich/ngonngu", { ngonngu: "mtq" }, cookie, "https://evil.example")).status).toBe(403);
    expect((await post("/canbo/dich/ngonngu", { ngonngu: "mtq" }, cookie, null)).status).toBe(403);
    expect(await h.db.bulletinTranslator.count({ where: { languages: { contains: "mtq" } } })).toBe(0);
    const officerCookie = await signIn(officer);
    expect((await get("/canbo/dich", officerCookie)).status).toBe(403);
    expect((await get(`/canbo/dich/${itemId}/blt`, officerCookie)).status).toBe(403);
    expect((await postDraft({ text: "[TEST] x", action: "save" }, `/canbo/dich/${itemId}/blt`, officerCookie)).status).toBe(403);
  });

  it("sends it for review to the second Tai Dam translator, who approves it in the console; the leader is told by whom", async () => {
    await h.settle();
    await reviewer.read();
    await leader.read();
    const sent = await postDraft({ action: "submit" });
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain("cho 1 biên dịch viên tiếng Thái (Thái Đen) (Tai Dam) khác trong xã duyệt");
    await h.settle();
    const request = (await reviewer.read()).map((m) => m.text).join("\n");
    expect(request).toContain("Bản dịch cần đồng chí duyệt");
    expect(request).toContain(TAI_VIET);
    expect((await leader.read()).map((m) => m.text).join("\n")).not.toContain("cần đồng chí duyệt");
    const versionId = (await h.db.bulletinVersion.findUniqueOrThrow({ where: { itemId_language_status: { itemId, language: "blt", status: "draft" } } })).id;

    // The author has no review page of their own, and the form refuses them.
    expect((await get(`/canbo/dich/duyet/${versionId}`)).status).toBe(404);
    const own = await post(`/canbo/dich/duyet/${versionId}/duyet`, {}, cookie);
    expect(own.status).toBe(403);
    expect(await own.text()).toContain("không tự duyệt bản dịch của mình");

    reviewerCookie = await signIn(reviewer);
    const list = await (await get("/canbo/dich", reviewerCookie)).text();
    expect(list).toContain("Bản dịch chờ đồng chí duyệt");
    expect(list).toContain(`href="/canbo/dich/duyet/${versionId}"`);
    const review = await (await get(`/canbo/dich/duyet/${versionId}`, reviewerCookie)).text();
    expect(review).toContain(TAI_VIET);
    expect(review).toContain(LATIN);
    expect(review).toContain("do Đ/c Lò Văn Dịch dịch");
    expect((await get(`/canbo/dich/duyet/${versionId}/ghiam`, reviewerCookie)).headers.get("content-type")).toBe("audio/ogg");
    expect((await post(`/canbo/dich/duyet/${versionId}/duyet`, {}, reviewerCookie, "https://evil.example")).status).toBe(403);
    const approved = await post(`/canbo/dich/duyet/${versionId}/duyet`, {}, reviewerCookie);
    expect(approved.status).toBe(200);
    expect(await approved.text()).toContain("Đã duyệt bản tiếng Thái (Thái Đen) (Tai Dam)");
    expect((await post(`/canbo/dich/duyet/${versionId}/duyet`, {}, reviewerCookie)).status).toBe(404); // handled
    await h.settle();
    expect((await leader.read()).map((m) => m.text).join("\n")).toContain("(do Đ/c Lò Văn Dịch dịch) đã được Đ/c Lò Thị Duyệt, biên dịch viên đọc được tiếng này của xã, duyệt");
    expect((await translator.read()).map((m) => m.text).join("\n")).toContain("đã được Đ/c Lò Thị Duyệt duyệt");
    const version = await h.db.bulletinVersion.findUniqueOrThrow({ where: { itemId_language_status: { itemId, language: "blt", status: "approved" } } });
    expect(version).toMatchObject({ text: TAI_VIET, altText: LATIN, audioChannel: "web" });
    // The list no longer offers it.
    const after = await (await get("/canbo/dich")).text();
    expect(after).toContain(`còn ${total - 1}/${total} bài`);
    expect(after).not.toContain(`href="/canbo/dich/${itemId}/blt"`);
  });
});

// Posters in the commune's languages (issue 15), as people make them: the poster's words are an item
// the translators of Lùng Phình find in /dich (in the web chat), a Hmong translator sends them and a
// second one approves them; the admin's posters (CLI) then print, for each village that speaks Hmong,
// a second page in Hmong with the same QR codes and numbers; a village that does not gets none. The
// poster's words are never aired as a bulletin.
import { readFileSync, rmSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type WebClient } from "../helpers/harness.js";
import { tick, vnTime } from "../helpers/bulletins.js";
import { captureAdmin } from "../helpers/admin-cli.js";
import { POSTER_SLUG, posterParagraphs, VIETNAMESE_POSTER_WORDS } from "../../src/bulletins/poster-text.js";
import { pickForCommune } from "../../src/bulletins/slots.js";

// TEST-ONLY strings, not a translation: one per paragraph of the poster.
const TEST_WORDS = posterParagraphs(VIETNAMESE_POSTER_WORDS).map((_, i) => `[TEST] hmoob ${i + 1}`);
const dir = mkdtempSync(join(tmpdir(), "phaodai-poster-lang-"));
let h: Harness;
let author: WebClient;
let reviewer: WebClient;
let posterId = 0;

const texts = (messages: { text: string }[]) => messages.map((m) => m.text).join("\n");
const buttons = (messages: { choices?: { label: string; data: string }[][] }[]) => messages.flatMap((m) => m.choices?.flat() ?? []);

async function step<T>(action: () => Promise<T>): Promise<T> {
  h.clock.advanceMinutes(0.05);
  const out = await action();
  await h.settle();
  return out;
}

async function translator(name: string): Promise<WebClient> {
  const client = h.web();
  const joined = await step(async () => client.say(`/dangky ${await h.invite("translator", { communeCode: "LUNGPHINH" }, name)}`));
  expect(texts(joined)).toContain("Đăng ký thành công");
  await step(() => client.say("/dich"));
  await step(() => client.press("tl:hnj"));
  return client;
}

async function posters(village?: string): Promise<string> {
  const out = join(dir, `posters-${village ?? "all"}.html`);
  const run = await captureAdmin(["posters", "--commune", "LUNGPHINH", "--out", out, "--url", "https://phaodai.example.vn", ...(village ? ["--village", village] : [])], { DATABASE_URL: `file:${h.dbPath}` });
  expect(run.code, run.err).toBe(0);
  return readFileSync(out, "utf8");
}

const pagesOf = (html: string) => [...html.matchAll(/<section class="page(?: other)?" data-village="([^"]+)"(?: lang="([^"]+)")?/g)].map((m) => `${m[1]}${m[2] ? `:${m[2]}` : ""}`);

beforeAll(async () => {
  h = await createHarness();
  h.clock.now = vnTime("2026-11-23 05:00");
  await tick(h);
  posterId = (await h.db.bulletinItem.findUniqueOrThrow({ where: { slug: POSTER_SLUG } })).id;
  // Thôn Lùng Phình (LP-01) follows the commune (vie, hnj); give one village Vietnamese only.
  await h.db.village.update({ where: { code: "LP-05" }, data: { languages: "vie" } });
});

afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("posters in the commune's languages", () => {
  it("prints Vietnamese only while the poster's words have no approved Hmong", async () => {
    expect(pagesOf(await posters("LP-02"))).toEqual(["LP-02"]);
  });

  it("offers the poster's words first in /dich; a second Hmong translator approves them", async () => {
    author = await translator("Đ/c Giàng A Dịch");
    const list = await step(() => author.press("tl:done"));
    const first = buttons(list).find((b) => b.data.startsWith("tr:"))!;
    expect(first.data).toBe(`tr:${posterId}:hnj`);
    expect(first.label).toContain("Lời trên áp phích");
    const opened = await step(() => author.press(first.data));
    // The Vietnamese to translate, paragraph by paragraph, as the poster prints it.
    expect(texts(opened)).toContain(VIETNAMESE_POSTER_WORDS.heading);
    expect(texts(opened)).toContain(VIETNAMESE_POSTER_WORDS.what[2]!);
    await step(() => author.say(TEST_WORDS.join("\n\n")));
    await step(() => author.press(`ts:${posterId}:hnj`));

    reviewer = await translator("Đ/c Vàng Thị Duyệt");
    const waiting = await step(() => reviewer.press("tl:done"));
    const open = buttons(waiting).find((b) => /^trv:\d+$/.test(b.data));
    expect(open, texts(waiting)).toBeDefined();
    const request = await step(() => reviewer.press(open!.data));
    const approve = buttons(request).find((b) => b.data[1] === "a")!;
    expect(texts(await step(() => reviewer.press(approve.data)))).toContain("Đã duyệt");
  });

  it("prints a Hmong page after each Hmong village's Vietnamese page, with the same codes and numbers", async () => {
    const html = await posters();
    const pages = pagesOf(html);
    expect(pages.slice(0, 4)).toEqual(["LP-01", "LP-01:hnj", "LP-02", "LP-02:hnj"]);
    expect(pages).toContain("LP-05");
    expect(pages).not.toContain("LP-05:hnj");
    const hmong = html.slice(html.indexOf('other" data-village="LP-02"'), html.indexOf('data-village="LP-03"'));
    // Every translated paragraph in its place: heading, the promises, the list, the QR labels, the foot.
    for (const words of TEST_WORDS) expect(hmong).toContain(words);
    expect(hmong).toContain(`<h1>${TEST_WORDS[0]}</h1>`);
    expect(hmong).toContain(`${TEST_WORDS[11]} — Trang web`);
    expect(hmong).toContain("Bản tiếng Mông");
    // The same QR codes as the Vietnamese page, and the numbers in Vietnamese.
    const vietnamese = html.slice(html.indexOf('data-village="LP-02"'), html.indexOf('other" data-village="LP-02"'));
    const urls = (part: string) => [...part.matchAll(/data-url="([^"]+)"/g)].map((m) => m[1]);
    expect(urls(hmong)).toEqual(urls(vietnamese));
    expect(urls(hmong)[0]).toContain("thon=LP-02");
    expect(hmong).toContain("0769.04.04.04");
    expect(hmong).not.toContain(VIETNAMESE_POSTER_WORDS.heading);
  });

  it("prints the text as written, in one block, when its paragraphs do not match the poster's", async () => {
    await h.db.bulletinVersion.updateMany({ where: { itemId: posterId, language: "hnj", status: "approved" }, data: { text: "[TEST] hmoob one\n\n[TEST] hmoob two" } });
    const html = await posters("LP-03");
    expect(pagesOf(html)).toEqual(["LP-03", "LP-03:hnj"]);
    const hmong = html.slice(html.indexOf('lang="hnj"'));
    expect(hmong).toContain('<div class="block"><p>[TEST] hmoob one</p><p>[TEST] hmoob two</p></div>');
    expect(hmong).toContain(`<h1>${VIETNAMESE_POSTER_WORDS.heading}</h1>`);
  });

  it("never airs the poster's words as a bulletin", async () => {
    const commune = await h.db.commune.findUniqueOrThrow({ where: { code: "LUNGPHINH" } });
    await h.db.bulletinItem.updateMany({ where: { slug: { not: POSTER_SLUG } }, data: { retiredAt: h.clock.now } });
    expect(await pickForCommune(h.db, commune.id, vnTime("2026-11-26 06:30"))).toBeNull();
  });
});

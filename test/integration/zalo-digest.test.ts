// The weekly digest article on Zalo OA (issue 15, docs/zalo-reach.md), end to end: the real app and
// its sweep on a real SQLite file, against a fake Zalo OA on localhost that speaks the article and
// broadcast API and enforces Zalo's allowances (a follower gets at most 4 broadcasts a month and one
// a day; the OA past its monthly allowance gets 3004). Over ten weeks in the highland commune Lùng
// Phình (Vietnamese and Hmong), the bulletins aired on Monday and Thursday go out every Friday as one
// article to every follower, including those outside the 48-hour window that consultation messages
// cannot reach; a fifth Friday waits and the next month's digest covers both weeks; a full OA, an
// unverified OA and a lost answer each stop the week's digest without a second broadcast; officers
// read in /tiendo how many each way reached.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, PUBLIC_URL, type Harness } from "../helpers/harness.js";
import { followEvent, startFakeZaloOa, type FakeZaloOa, type ZaloUser } from "../helpers/fake-zalo-oa.js";
import { zaloSay } from "../helpers/zalo-flow.js";
import { tick, vnTime } from "../helpers/bulletins.js";
import { sweep } from "../../bots/core/work/sweep.js";
import { setSchedule } from "../../src/bulletins/slots.js";
import { catalog, entryText } from "../../src/bulletins/catalog.js";

const HMONG_SAMPLE = "[TEST-ONLY, không phải bản dịch] Nyob zoo — ntawv RPA: ntx, nkh, tsh";

let oa: FakeZaloOa;
let h: Harness;
let communeId = 0;

let n = 0;
const zaloUser = (displayName: string): ZaloUser => ({ id: `66200000000000${String(++n).padStart(5, "0")}`, userIdByApp: `44200000000000${String(n).padStart(5, "0")}`, displayName });
const OFFICER = zaloUser("Cán bộ công an xã Lùng Phình");
const SUBSCRIBER = zaloUser("Người dân đăng ký bản tin");
const FOLLOWERS = [zaloUser("Người quan tâm một"), zaloUser("Người quan tâm hai"), zaloUser("Người quan tâm ba")];

const lastText = (u: ZaloUser) => oa.textsTo(u.id).at(-1) ?? "";

/** Mondays and Thursdays air at 06:30 and 18:30; Friday from 08:00 the sweep runs the digest. */
async function airWeek(monday: string): Promise<void> {
  const start = vnTime(`${monday} 00:00`);
  for (const [day, time] of [[0, "06:30"], [0, "18:30"], [3, "06:30"], [3, "18:30"]] as const) {
    const date = new Date(start.getTime() + day * 86_400_000 + 7 * 3_600_000);
    h.clock.now = new Date(vnTime(`${date.toISOString().slice(0, 10)} ${time}`).getTime() + 30_000);
    await tick(h);
  }
}

async function friday(monday: string, time = "08:05"): Promise<void> {
  const date = new Date(vnTime(`${monday} 00:00`).getTime() + 4 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
  h.clock.now = vnTime(`${date} ${time}`);
  await sweep(h.deps);
}

const digestOf = (week: string) => h.db.zaloDigest.findUniqueOrThrow({ where: { week } });

beforeAll(async () => {
  oa = await startFakeZaloOa();
  h = await createHarness({ zalo: oa });
  await h.authorizeZalo();
  communeId = (await h.db.commune.findUniqueOrThrow({ where: { code: "LUNGPHINH" } })).id;
  h.clock.now = vnTime("2026-11-23 10:00");
  await tick(h);
  await setSchedule(h.db, communeId, { schedule: { days: [1, 4], times: ["06:30", "18:30"] } }, h.clock.now);
  await zaloSay(h, OFFICER, `/dangky ${await h.invite("officer", { communeCode: "LUNGPHINH" }, "Cán bộ LP (Zalo)")}`);
  expect(oa.textsTo(OFFICER.id).join("\n")).toContain("Đăng ký thành công");
  for (const u of [...FOLLOWERS, SUBSCRIBER, OFFICER]) {
    expect((await h.postZalo(followEvent(u))).status).toBe(200);
  }
  await h.settle();
  // A subscriber who writes once and then stays silent: consultation messages reach them for 48 hours only.
  await zaloSay(h, SUBSCRIBER, "/nhanbantin");
  await zaloSay(h, SUBSCRIBER, "lung phinh");
  await zaloSay(h, SUBSCRIBER, "1");
  await zaloSay(h, SUBSCRIBER, "1");
  expect(lastText(SUBSCRIBER)).toContain("Bạn sẽ nhận bản tin phòng, chống ma túy");
}, 60_000);

afterAll(async () => {
  await h?.close();
  await oa?.close();
});

describe("the weekly digest article on Zalo OA", () => {
  it("publishes the week's aired bulletins with the approved Hmong translation, and broadcasts them on Friday to every follower", async () => {
    // Approve a Hmong version of every item, so whichever the schedule airs has one.
    const items = await h.db.bulletinItem.findMany({ select: { id: true } });
    for (const item of items) {
      await h.db.bulletinVersion.create({ data: { itemId: item.id, language: "hnj", status: "approved", text: `${HMONG_SAMPLE} #${item.id}`, approvedAt: h.clock.now } });
    }
    await airWeek("2026-11-30");
    const aired = await h.db.bulletinSlot.findMany({ where: { communeId, status: { in: ["sending", "sent"] } }, include: { item: true }, orderBy: { scheduledAt: "asc" } });
    const airedItems = [...new Set(aired.map((s) => s.item!.slug))];
    expect(airedItems).toHaveLength(2); // Monday's and Thursday's, each aired morning and evening

    // Thursday and Friday before 08:00: nothing yet.
    h.clock.now = vnTime("2026-12-04 07:59");
    await sweep(h.deps);
    expect(oa.articles).toHaveLength(0);

    // Friday 08:05: Zalo is still processing the article's media at the first verify.
    oa.failNext("article_verify", -214);
    await friday("2026-11-30");
    expect(oa.articles).toHaveLength(1);
    expect(oa.broadcasts).toHaveLength(0);
    expect(await digestOf("2026-11-30")).toMatchObject({ status: "verifying", verifyTries: 1 });

    h.clock.advanceMinutes(1);
    await sweep(h.deps);
    expect(oa.broadcasts).toHaveLength(1);
    const article = oa.articles[0]!.body as { title: string; author: string; description: string; cover: { photo_url: string }; body: Array<{ type: string; content: string }>; status: string };
    expect(article.title).toBe("Bản tin phòng, chống ma túy tuần 30/11–06/12/2026");
    expect(article.status).toBe("show");
    const paragraphs = article.body.map((b) => b.content);
    for (const slug of airedItems) {
      const entry = catalog.find((e) => e.slug === slug)!;
      expect(article.description).toContain(entry.title);
      expect(paragraphs).toContain(`📢 ${entry.title}`);
      expect(paragraphs.join("\n")).toContain(entryText(entry).split("\n\n")[1]!);
    }
    expect(paragraphs).toContain("— Tiếng Mông (Hmoob) —");
    expect(paragraphs.filter((p) => p.startsWith(HMONG_SAMPLE))).toHaveLength(2);

    // The cover Zalo fetches is served by the app, a PNG within Zalo's 1 MB.
    expect(article.cover.photo_url).toBe(`${PUBLIC_URL}/zalo/bia-ban-tin.png`);
    const cover = await h.app.request("/zalo/bia-ban-tin.png");
    expect(cover.status).toBe(200);
    expect(cover.headers.get("Content-Type")).toBe("image/png");
    const png = new Uint8Array(await cover.arrayBuffer());
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeLessThan(1024 * 1024);

    // Broadcast to all followers: the subscriber outside the 48-hour window too.
    const broadcast = oa.broadcasts[0]!;
    expect(broadcast.articleId).toBe(oa.articles[0]!.id);
    expect(broadcast.target).toEqual({ gender: "0" });
    expect(broadcast.deliveredTo.sort()).toEqual([...FOLLOWERS, SUBSCRIBER, OFFICER].map((u) => u.id).sort());
    expect(await digestOf("2026-11-30")).toMatchObject({ status: "sent", followers: 5 });

    // Later the same day, and from two sweeps at once: nothing more.
    h.clock.advanceMinutes(60);
    await Promise.all([sweep(h.deps), sweep(h.deps)]);
    expect(oa.articles).toHaveLength(1);
    expect(oa.broadcasts).toHaveLength(1);
  });

  it("tells officers in /tiendo how many each way reached", async () => {
    h.clock.now = vnTime("2026-12-04 10:00");
    await zaloSay(h, OFFICER, "/tiendo");
    const progress = lastText(OFFICER);
    expect(progress).toContain("Người quan tâm trang Zalo (OA) của xã:");
    expect(progress).toContain("• Nhận tin nhắn trực tiếp mỗi buổi: 0/1 người đăng ký qua Zalo");
    expect(progress).toContain("• Bài viết tổng hợp tuần 30/11/2026: đã gửi lúc 08:06 04/12/2026 tới người quan tâm trang (khoảng 5 người, ước tính: Zalo không báo số người nhận)");
    expect(progress).toContain("Lượt gửi tháng này: 1/4.");
    expect(progress).toContain("• Bài viết tổng hợp tiếp theo: 08:00 11/12/2026.");

    await zaloSay(h, OFFICER, "/tiendo thang 12/2026");
    const coverage = lastText(OFFICER);
    expect(coverage).toContain("Qua Zalo:");
    expect(coverage).toContain("• Tin nhắn bản tin gửi thẳng tới người đăng ký qua Zalo: 0");
    expect(coverage).toContain("• Bài viết tổng hợp gửi tới người quan tâm trang Zalo: 1 lần (mỗi lần khoảng 5 người, ước tính)");
  });

  it("keeps within four a month: a fifth Friday waits, and next month's digest covers both weeks", async () => {
    for (const monday of ["2026-12-07", "2026-12-14", "2026-12-21", "2026-12-28", "2027-01-04", "2027-01-11", "2027-01-18", "2027-01-25"]) {
      await airWeek(monday);
      await friday(monday);
    }
    // December: 4, 11, 18, 25. January 2027 has five Fridays: 1, 8, 15, 22 go; 29 waits.
    expect(oa.broadcasts).toHaveLength(8);
    expect(await digestOf("2027-01-25")).toMatchObject({ status: "skipped", reason: "monthly_cap" });
    expect(oa.articles).toHaveLength(8);
    // Zalo never had to refuse one, and no follower got two in a day or five in a month.
    for (const u of FOLLOWERS) expect(oa.broadcasts.filter((b) => b.deliveredTo.includes(u.id))).toHaveLength(8);

    h.clock.now = vnTime("2027-01-29 09:00");
    await zaloSay(h, OFFICER, "/tiendo");
    expect(lastText(OFFICER)).toContain("• Bài viết tổng hợp tuần 25/01/2027: không gửi: đã dùng hết lượt gửi của tháng; bài tuần sau sẽ gộp cả tuần này.");
    expect(lastText(OFFICER)).toContain("Lượt gửi tháng này: 4/4.");

    await airWeek("2027-02-01");
    await friday("2027-02-01");
    expect(oa.broadcasts).toHaveLength(9);
    const digest = await digestOf("2027-02-01");
    const since = await h.db.bulletinSlot.findMany({ where: { communeId, scheduledAt: { gte: vnTime("2027-01-22 08:05") }, status: { in: ["sending", "sent"] } }, select: { itemId: true } });
    const expected = [...new Set(since.map((s) => s.itemId!))];
    expect(expected.length).toBeGreaterThan(2); // the last week of January and the first of February
    expect(digest.itemIds.split(",").map(Number).sort()).toEqual(expected.sort());
  });

  it("stops for the month when Zalo says the allowance is used up (3004), without asking again", async () => {
    oa.broadcastsByHand = oa.broadcastLimits.oaPerMonth; // the OA's staff used February's broadcasts in the OA Manager
    await airWeek("2027-02-08");
    await friday("2027-02-08");
    expect(await digestOf("2027-02-08")).toMatchObject({ status: "quota_full", errorCode: 3004 });
    const articles = oa.articles.length;
    await airWeek("2027-02-15");
    await friday("2027-02-15");
    expect(await digestOf("2027-02-15")).toMatchObject({ status: "skipped", reason: "quota_full" });
    expect(oa.articles).toHaveLength(articles); // not even an article: the month is closed
    await zaloSay(h, OFFICER, "/tiendo");
    expect(lastText(OFFICER)).toContain("Zalo báo đã hết lượt gửi (mã 3004); gửi lại từ ngày 1 tháng sau.");

    // March: Zalo's allowances start again.
    oa.broadcastsByHand = 0;
    const before = oa.broadcasts.length;
    for (const monday of ["2027-02-22", "2027-03-01"]) {
      await airWeek(monday);
      await friday(monday);
    }
    expect(await digestOf("2027-02-22")).toMatchObject({ status: "skipped", reason: "quota_full" });
    expect(await digestOf("2027-03-01")).toMatchObject({ status: "sent" });
    expect(oa.broadcasts).toHaveLength(before + 1);
  });

  it("never broadcasts twice when Zalo's answer is lost, and says so", async () => {
    await airWeek("2027-03-08");
    oa.failNextHttp("broadcast", 502);
    await friday("2027-03-08");
    const before = oa.broadcasts.length;
    expect(await digestOf("2027-03-08")).toMatchObject({ status: "ambiguous" });
    h.clock.advanceMinutes(30);
    await sweep(h.deps);
    expect(oa.broadcasts).toHaveLength(before);
    await zaloSay(h, OFFICER, "/tiendo");
    expect(lastText(OFFICER)).toContain("không rõ Zalo đã nhận lệnh gửi hay chưa (mất kết nối). Không gửi lại để tránh gửi hai lần");
  });

  it("stops the week's digest when the OA may not post articles (basic package, -224), and tries again the next week", async () => {
    await airWeek("2027-03-15");
    oa.failNext("article_create", -224);
    await friday("2027-03-15");
    expect(await digestOf("2027-03-15")).toMatchObject({ status: "no_permission", errorCode: -224 });
    await zaloSay(h, OFFICER, "/tiendo");
    expect(lastText(OFFICER)).toContain("Zalo không cho trang gửi bài viết (trang chưa xác thực hoặc gói cơ bản).");
    await airWeek("2027-03-22");
    await friday("2027-03-22");
    expect(await digestOf("2027-03-22")).toMatchObject({ status: "sent" });
  });

  it("keeps citizens' identities out of the database and the logs", async () => {
    const rows = JSON.stringify(await h.db.zaloDigest.findMany());
    for (const u of [...FOLLOWERS, SUBSCRIBER]) {
      expect(rows).not.toContain(u.id);
      expect(h.logs.join("\n")).not.toContain(u.id);
      expect(h.logs.join("\n")).not.toContain(u.displayName);
    }
  });
});

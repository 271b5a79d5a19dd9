// Village feeds for IP/4G loudspeakers and podcast apps (issue 15), through the real app on a real
// SQLite file: Lùng Phình airs Monday's bulletin (recorded in Vietnamese) at 06:30 and 18:30 and
// Thursday's (text only); the village's private RSS feed, read by a strict XML parser as a podcast
// app reads it, lists the three airings, its enclosures fetch the recording with the stated type
// and length, the M3U lists the same recording once and names the text-only one; the confirmation
// link marks that airing "đã phát" once, as the village head's button does; another village's
// token reaches nothing of this village, and a rotated token is dead.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SaxesParser } from "saxes";
import { createHarness, PUBLIC_URL, type Harness } from "../helpers/harness.js";
import { tick, vnTime } from "../helpers/bulletins.js";
import { avFixture } from "../helpers/av.js";
import { issueFeedToken } from "../../src/feeds/tokens.js";
import { FEED_NAMESPACE } from "../../src/feeds/render.js";
import { newPublicId } from "../../src/media/uploads.js";
import { viFeeds } from "../../src/i18n/vi-feeds.js";

interface El {
  name: string;
  uri: string;
  attributes: Record<string, string>;
  children: El[];
  text: string;
}

/** A strict, namespace-aware XML parse (saxes: it throws on anything not well-formed). */
function parseXml(xml: string): El {
  const parser = new SaxesParser({ xmlns: true });
  const root: El = { name: "#root", uri: "", attributes: {}, children: [], text: "" };
  const stack = [root];
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    for (const [k, a] of Object.entries(tag.attributes)) attributes[k] = typeof a === "string" ? a : a.value;
    const el: El = { name: tag.local ?? tag.name, uri: tag.uri ?? "", attributes, children: [], text: "" };
    stack.at(-1)!.children.push(el);
    stack.push(el);
  });
  parser.on("text", (text) => (stack.at(-1)!.text += text));
  parser.on("closetag", () => void stack.pop());
  parser.write(xml).close();
  return root.children[0]!;
}

const child = (el: El, name: string, uri = "") => el.children.find((c) => c.name === name && c.uri === uri);

/** What a podcast app takes from a feed: the channel's title and each item's title, guid, date, enclosure. */
function readPodcast(xml: string) {
  const rss = parseXml(xml);
  expect(rss.name).toBe("rss");
  const channel = child(rss, "channel")!;
  return {
    title: child(channel, "title")!.text,
    items: channel.children
      .filter((c) => c.name === "item")
      .map((item) => {
        const enclosure = child(item, "enclosure");
        return {
          title: child(item, "title")!.text,
          description: child(item, "description")!.text,
          guid: child(item, "guid")!.text,
          pubDate: new Date(child(item, "pubDate")!.text),
          enclosure: enclosure ? { url: enclosure.attributes.url!, length: Number(enclosure.attributes.length), type: enclosure.attributes.type! } : null,
          confirm: child(item, "daphat", FEED_NAMESPACE)?.text ?? null,
        };
      }),
  };
}

let h: Harness;
let communeId = 0;
let villageId = 0;
let token = "";
let otherToken = "";
let feedId = 0;
const RECORDING = avFixture("voice.ogg");
const local = (url: string) => {
  expect(url.startsWith(`${PUBLIC_URL}/phat/`)).toBe(true);
  return url.slice(PUBLIC_URL.length);
};
const get = (path: string, init?: RequestInit) => h.app.request(path, init);

beforeAll(async () => {
  h = await createHarness({ settings: { publicUrl: PUBLIC_URL } });
  h.clock.now = vnTime("2026-06-15 05:00");
  await tick(h); // the catalog and the default schedule (Monday and Thursday, 06:30 and 18:30)
  const village = await h.db.village.findUniqueOrThrow({ where: { code: "LP-01" } });
  const other = await h.db.village.findUniqueOrThrow({ where: { code: "LP-02" } });
  communeId = village.communeId;
  villageId = village.id;
  token = (await issueFeedToken(h.db, h.keys, village, h.clock.now)).token;
  otherToken = (await issueFeedToken(h.db, h.keys, other, h.clock.now)).token;
  feedId = (await h.db.villageFeed.findUniqueOrThrow({ where: { villageId } })).id;

  h.clock.now = new Date(vnTime("2026-06-15 06:30").getTime() + 20_000);
  await tick(h);
  // Monday's bulletin gets a Vietnamese recording (made in the web chat: a stored upload).
  const monday = await h.db.bulletinSlot.findUniqueOrThrow({ where: { communeId_scheduledAt: { communeId, scheduledAt: vnTime("2026-06-15 06:30") } } });
  const publicId = newPublicId();
  await h.db.webUpload.create({ data: { publicId, ownerTag: null, purpose: "bulletin", size: RECORDING.length, mime: "audio/ogg", bytes: RECORDING as Uint8Array<ArrayBuffer>, createdAt: h.clock.now } });
  await h.db.bulletinVersion.updateMany({ where: { itemId: monday.itemId!, language: "vie", status: "approved" }, data: { audioKind: "voice", audioChannel: "web", audioFileRef: publicId } });
  h.clock.now = new Date(vnTime("2026-06-15 18:30").getTime() + 20_000);
  await tick(h);
  h.clock.now = new Date(vnTime("2026-06-18 06:30").getTime() + 20_000);
  await tick(h);
  // Thursday's bulletin stays text only.
  const thursday = await h.db.bulletinSlot.findUniqueOrThrow({ where: { communeId_scheduledAt: { communeId, scheduledAt: vnTime("2026-06-18 06:30") } } });
  expect(thursday.itemId).not.toBe(monday.itemId);
  expect(await h.db.bulletinVersion.count({ where: { itemId: thursday.itemId!, audioFileRef: { not: null } } })).toBe(0);
  h.clock.now = vnTime("2026-06-18 07:00");
});

afterAll(async () => {
  await h.close();
});

describe("a village's feed for loudspeakers and podcast apps", () => {
  it("is a podcast feed of the week's airings, the recorded ones with enclosures, the text-only one marked", async () => {
    const res = await get(`/phat/${token}/rss.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const feed = readPodcast(await res.text());
    expect(feed.title).toBe("Bản tin phòng, chống ma túy — Thôn Lùng Phình, Lùng Phình");
    const monday = await h.db.bulletinItem.findFirstOrThrow({ where: { slots: { some: { communeId, scheduledAt: vnTime("2026-06-15 06:30") } } } });
    const thursday = await h.db.bulletinItem.findFirstOrThrow({ where: { slots: { some: { communeId, scheduledAt: vnTime("2026-06-18 06:30") } } } });
    // Newest first; LP-01 asks for Vietnamese and Hmong, and the catalog's Hmong is not there yet: Vietnamese stands in.
    expect(feed.items.map((i) => i.pubDate.toISOString())).toEqual([vnTime("2026-06-18 06:30"), vnTime("2026-06-15 18:30"), vnTime("2026-06-15 06:30")].map((d) => d.toISOString()));
    expect(new Set(feed.items.map((i) => i.guid)).size).toBe(3);
    const [thu, monEvening, monMorning] = feed.items;
    expect(thu!.title).toBe(`${viFeeds.textOnlyMarker} ${thursday.title} — Tiếng Việt — buổi 06:30 Thứ Năm 18/06/2026`);
    expect(thu!.enclosure).toBeNull();
    expect(thu!.description).toContain(viFeeds.textOnlyNote);
    expect(monMorning!.title).toBe(`${monday.title} — Tiếng Việt — buổi 06:30 Thứ Hai 15/06/2026`);
    expect(monEvening!.title).toContain("buổi 18:30 Thứ Hai 15/06/2026");
    for (const item of [monMorning!, monEvening!]) {
      expect(item.title).not.toContain(viFeeds.textOnlyMarker);
      expect(item.enclosure).toMatchObject({ type: "audio/ogg" });
      expect(item.enclosure!.url).toMatch(/\/audio\/\d+-vie\.ogg$/);
      expect(item.enclosure!.length).toBeGreaterThan(1000);
      expect(item.confirm).toMatch(new RegExp(`^${PUBLIC_URL}/phat/${token}/daphat/\\d+$`));
    }
  });

  it("serves each enclosure's recording with the stated type and length, in ranges too", async () => {
    const { items } = readPodcast(await (await get(`/phat/${token}/rss.xml`)).text());
    const enclosure = items[2]!.enclosure!;
    const res = await get(local(enclosure.url));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(enclosure.type);
    expect(Number(res.headers.get("content-length"))).toBe(enclosure.length);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.length).toBe(enclosure.length);
    expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe("OggS");
    const part = await get(local(enclosure.url), { headers: { Range: "bytes=0-99" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 0-99/${enclosure.length}`);
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(bytes.slice(0, 100));
    const head = await get(local(enclosure.url), { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe("audio/ogg");
    // The text-only airing has no recording to fetch.
    const textOnly = items[0]!.guid.replace("phaodai-feed-", "");
    expect((await get(`/phat/${token}/audio/${textOnly}.ogg`)).status).toBe(404);
  });

  it("gives the same recording as an M3U playlist, once, in airing order, and names the text-only bulletin in a comment", async () => {
    const res = await get(`/phat/${token}/playlist.m3u`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("audio/x-mpegurl; charset=utf-8");
    const lines = (await res.text()).trimEnd().split("\n");
    expect(lines[0]).toBe("#EXTM3U");
    const { items } = readPodcast(await (await get(`/phat/${token}/rss.xml`)).text());
    const urls = lines.filter((l) => !l.startsWith("#"));
    expect(urls).toEqual([items[2]!.enclosure!.url]);
    expect(lines[lines.indexOf(urls[0]!) - 1]).toBe(`#EXTINF:-1,${items[2]!.title}`);
    expect(lines.at(-1)).toBe(`# ${items[0]!.title}`);
    const played = await get(local(urls[0]!));
    expect(played.status).toBe(200);
    expect(new Uint8Array(await played.arrayBuffer()).length).toBe(items[2]!.enclosure!.length);
  });

  it("marks the airing 'đã phát' once through its confirmation link, as the village head's button does", async () => {
    const { items } = readPodcast(await (await get(`/phat/${token}/rss.xml`)).text());
    const deliveryId = Number(items[2]!.confirm!.split("/").at(-1));
    const before = await h.db.bulletinDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect(before).toMatchObject({ villageId, status: "no_head" });
    const first = await get(local(items[2]!.confirm!), { method: "POST" });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ ok: true, recorded: true, message: "Đã ghi nhận: Thôn Lùng Phình đã phát bản tin buổi 06:30 Thứ Hai 15/06/2026." });
    const after = await h.db.bulletinDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect(after).toMatchObject({ status: "broadcast", answeredByFeedId: feedId, answeredByStaffId: null, reason: null });
    expect(after.answeredAt!.toISOString()).toBe(h.clock.now.toISOString());
    h.clock.advanceMinutes(5);
    const again = await get(local(items[2]!.confirm!), { method: "POST" });
    expect(((await again.json()) as { recorded: boolean }).recorded).toBe(false);
    expect((await h.db.bulletinDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).answeredAt!.toISOString()).toBe(after.answeredAt!.toISOString());
    // A link checker's HEAD records nothing.
    expect((await get(local(items[1]!.confirm!), { method: "HEAD" })).status).toBe(200);
    expect((await h.db.bulletinDelivery.findUniqueOrThrow({ where: { id: Number(items[1]!.confirm!.split("/").at(-1)) } })).status).toBe("no_head");
    // A device that can only fetch a URL confirms the evening airing with GET.
    const evening = await get(local(items[1]!.confirm!));
    expect(((await evening.json()) as { recorded: boolean }).recorded).toBe(true);
    const counts = await h.db.bulletinDelivery.groupBy({ by: ["status"], where: { villageId, answeredByFeedId: feedId }, _count: true });
    expect(counts).toEqual([{ status: "broadcast", _count: 2 }]);
  });

  it("reaches nothing of this village through another village's token, and nothing at all through an unknown one", async () => {
    const { items } = readPodcast(await (await get(`/phat/${token}/rss.xml`)).text());
    const thursdayDelivery = Number(items[0]!.confirm!.split("/").at(-1));
    const audioPath = local(items[2]!.enclosure!.url).replace(token, otherToken);
    expect((await get(audioPath)).status).toBe(404);
    expect((await get(`/phat/${otherToken}/daphat/${thursdayDelivery}`, { method: "POST" })).status).toBe(404);
    expect((await h.db.bulletinDelivery.findUniqueOrThrow({ where: { id: thursdayDelivery } })).status).toBe("no_head");
    const own = readPodcast(await (await get(`/phat/${otherToken}/rss.xml`)).text());
    expect(own.items.some((i) => items.some((mine) => mine.guid === i.guid))).toBe(false);
    const notFound = await (await get("/phat/nothing-here/rss.xml")).text();
    for (const path of [`/phat/${"A".repeat(43)}/rss.xml`, `/phat/${"A".repeat(43)}/playlist.m3u`, "/phat/short/rss.xml", `/phat/${token}/audio/999999-vie.ogg`, `/phat/${token}/daphat/abc`]) {
      const res = await get(path, { method: path.includes("daphat") ? "POST" : "GET" });
      expect(res.status).toBe(404);
      expect(await res.text()).toBe(notFound);
    }
  });

  it("stops the old link at once when the admin rotates it, and audits the rotation", async () => {
    const village = await h.db.village.findUniqueOrThrow({ where: { id: villageId } });
    const { token: fresh, rotated } = await issueFeedToken(h.db, h.keys, village, h.clock.now);
    expect(rotated).toBe(true);
    expect(fresh).not.toBe(token);
    expect(fresh).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const path of ["rss.xml", "playlist.m3u"]) expect((await get(`/phat/${token}/${path}`)).status).toBe(404);
    expect((await get(`/phat/${fresh}/rss.xml`)).status).toBe(200);
    const audits = await h.db.staffAudit.findMany({ where: { communeId, subject: `villagefeed:${feedId}` }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.action, a.actorStaffId])).toEqual([
      ["feed.issued", null],
      ["feed.rotated", null],
    ]);
    // The database holds no token, only its keyed hash.
    const row = await h.db.villageFeed.findUniqueOrThrow({ where: { villageId } });
    expect(row.tokenHash).not.toContain(fresh);
    expect(JSON.stringify(await h.db.villageFeed.findMany())).not.toContain(token);
  });

  it("gives the village head their own village's link with /loaphat in a private chat, sent without a copy kept, and rotates it on request", async () => {
    const head = h.web();
    expect((await head.say(`/dangky ${await h.invite("village_head", { villageCode: "LP-03" }, "Trưởng thôn LP-03")}`))[0]!.text).toContain("Đăng ký thành công");
    const linkOf = (text: string) => new RegExp(`${PUBLIC_URL}(/phat/[A-Za-z0-9_-]{43}/rss\\.xml)`).exec(text)?.[1];
    const first = (await head.say("/loaphat")).at(-1)!.text;
    expect(first).toContain("Liên kết bản tin riêng của Thôn Pả Chư Tỷ");
    const rss = linkOf(first)!;
    expect(first).toContain(rss.replace("rss.xml", "playlist.m3u"));
    const feed = readPodcast(await (await get(rss)).text());
    expect(feed.title).toBe("Bản tin phòng, chống ma túy — Thôn Pả Chư Tỷ, Lùng Phình");
    expect(feed.items.length).toBeGreaterThan(0);
    // Once the page has it (it asks for what comes after), the server keeps no copy of the link.
    await head.read();
    const token = rss.split("/")[2]!;
    expect(JSON.stringify(await h.db.outboxMessage.findMany({ select: { payload: true } }))).not.toContain(token);

    const again = (await head.say("/loaphat")).at(-1)!.text;
    expect(again).toContain("Thôn Pả Chư Tỷ đã có liên kết bản tin");
    expect(linkOf(again)).toBeUndefined();
    expect((await head.say("/loaphat linh tinh")).at(-1)!.text).toBe(viFeeds.command.badArgs);
    const rotated = (await head.say("/loaphat moi")).at(-1)!.text;
    expect(rotated).toContain("Đã đổi liên kết bản tin của Thôn Pả Chư Tỷ");
    const fresh = linkOf(rotated)!;
    expect(fresh).not.toBe(rss);
    expect((await get(rss)).status).toBe(404);
    expect((await get(fresh)).status).toBe(200);
    const lp03 = await h.db.village.findUniqueOrThrow({ where: { code: "LP-03" } });
    const headRow = await h.db.staff.findFirstOrThrow({ where: { villageId: lp03.id, role: "village_head" } });
    const feedRow = await h.db.villageFeed.findUniqueOrThrow({ where: { villageId: lp03.id } });
    expect((await h.db.staffAudit.findMany({ where: { subject: `villagefeed:${feedRow.id}` }, orderBy: { id: "asc" } })).map((a) => [a.action, a.actorStaffId])).toEqual([
      ["feed.issued", headRow.id],
      ["feed.rotated", headRow.id],
    ]);
  });

  it("refuses /loaphat to staff who are not a village head", async () => {
    const officer = h.web();
    expect((await officer.say(`/dangky ${await h.invite("officer", { communeCode: "LUNGPHINH" }, "Công an xã")}`))[0]!.text).toContain("Đăng ký thành công");
    expect((await officer.say("/loaphat")).at(-1)!.text).toBe(viFeeds.command.forbidden);
    const citizen = h.web();
    expect((await citizen.say("/loaphat")).at(-1)!.text).not.toContain("/phat/");
  });
});

// An upload belongs to the web conversation that made it (issue 10): ids nobody can guess, only the
// same conversation attaches its own picture, once; report files are never attachable; files are
// read only for the tip or report they belong to, and staff open a picture only within its tip's
// commune. Limits per conversation, per minute and in bytes; a draft that ends takes its pictures.
// Real app, real SQLite file, the web chat API as the page calls it.
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { viWeb } from "../../src/i18n/vi-web.js";
import { createHarness, type Harness, type WebClient, type WebMessage } from "../helpers/harness.js";
import { createTip } from "../../src/tips/service.js";
import { readLinkedUpload } from "../../src/media/uploads.js";
import { sweep } from "../../bots/core/work/sweep.js";
import { defaultComplianceDeps } from "../../src/compliance/service.js";
import { createNodeReportRenderers } from "../../src/reports/node-renderers.js";

let h: Harness;
let officerA: WebClient; // Hồng Lộc
let officerB: WebClient; // another commune
let leaderA: WebClient;

const texts = (messages: WebMessage[]) => messages.map((m) => m.text).join("\n");

function png(seed: number): string {
  const image = new PNG({ width: 8, height: 8 });
  for (let i = 0; i < image.data.length; i += 4) {
    image.data[i] = (i * seed) & 0xff;
    image.data[i + 1] = 90;
    image.data[i + 2] = 200;
    image.data[i + 3] = 255;
  }
  return PNG.sync.write(image).toString("base64");
}

async function upload(client: WebClient, seed = 1): Promise<Response> {
  h.clock.advanceMinutes(0.05);
  return h.app.request("/webchat/api/upload", {
    method: "POST",
    headers: await client.headers(),
    body: JSON.stringify({ token: client.token, mime: "image/png", dataBase64: png(seed) }),
  });
}

async function uploadId(client: WebClient, seed = 1): Promise<string> {
  const res = await upload(client, seed);
  expect(res.status).toBe(200);
  return ((await res.json()) as { uploadId: string }).uploadId;
}

async function step(client: WebClient, action: () => Promise<WebMessage[]>) {
  h.clock.advanceMinutes(0.05);
  return action();
}

/** Starts a tip up to the picture step (Hồng Lộc, drug selling, village unknown, a text). */
async function toMediaStep(citizen: WebClient) {
  await step(citizen, () => citizen.say("/start"));
  await step(citizen, () => citizen.say("Hồng Lộc"));
  await step(citizen, () => citizen.press("Điểm, người bán lẻ ma túy"));
  await step(citizen, () => citizen.press("Không rõ thôn/xóm"));
  await step(citizen, () => citizen.say("Có người bán ma túy ở bãi sông, chiều nào cũng thấy."));
}

async function attach(citizen: WebClient, id: string): Promise<Response> {
  h.clock.advanceMinutes(0.05);
  return citizen.send({ uploadId: id });
}

async function submit(citizen: WebClient) {
  await step(citizen, () => citizen.press("m:continue"));
  return step(citizen, () => citizen.press("s:submit"));
}

async function download(client: WebClient, url: string): Promise<Response> {
  return h.app.request(url, { headers: { "X-Chat-Token": client.token } });
}

beforeAll(async () => {
  h = await createHarness({ uploadLimits: { pendingPerConversation: 3, perMinute: 1000, pendingQuotaBytes: 50 * 1024 * 1024 } });
  h.deps.compliance = defaultComplianceDeps({ renderers: createNodeReportRenderers() });
  const other = await h.db.commune.findFirstOrThrow({ where: { code: { not: "HONGLOC" } } });
  officerA = h.web();
  await officerA.say(`/dangky ${await h.invite("officer", { communeCode: "HONGLOC" }, "Công an Hồng Lộc")}`);
  officerB = h.web();
  await officerB.say(`/dangky ${await h.invite("officer", { communeCode: other.code }, "Công an xã khác")}`);
  leaderA = h.web();
  await leaderA.say(`/dangky ${await h.invite("leader", { communeCode: "HONGLOC" }, "Chủ tịch xã Hồng Lộc")}`);
  await officerA.read();
}, 60_000);
afterAll(async () => h.close());

describe("upload ids", () => {
  it("are random 128-bit ids, not a counter", async () => {
    const citizen = h.web();
    const ids = [await uploadId(citizen, 1), await uploadId(citizen, 2)];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(ids[0]).not.toBe(ids[1]);
    // The row's own number is never what the browser holds.
    const rows = await h.db.webUpload.findMany({ where: { publicId: { in: ids } } });
    for (const row of rows) expect(ids).not.toContain(String(row.id));
  });

  it("refuses the old numeric form", async () => {
    const citizen = h.web();
    await toMediaStep(citizen);
    h.clock.advanceMinutes(0.05);
    expect((await citizen.send({ uploadId: 1 })).status).toBe(400);
  });
});

describe("a picture belongs to the conversation that uploaded it", () => {
  it("lets the uploader attach it, and the officer of that commune see it", async () => {
    const citizen = h.web();
    await toMediaStep(citizen);
    const id = await uploadId(citizen, 3);
    expect((await attach(citizen, id)).status).toBe(202);
    expect(texts(await citizen.read())).toContain("1");
    expect(texts(await submit(citizen))).toMatch(/[A-Z0-9]{4}-[A-Z0-9]{4}/);
    const photo = (await officerA.read()).find((m) => m.media?.kind === "photo");
    expect(photo?.media?.uploadUrl).toBe(`/webchat/api/uploads/${id}`);
    const res = await download(officerA, photo!.media!.uploadUrl!);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^image\//);
  });

  it("refuses another conversation's picture, and attaches nothing", async () => {
    const owner = h.web();
    const id = await uploadId(owner, 4);
    const thief = h.web();
    await toMediaStep(thief);
    const res = await attach(thief, id);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe(viWeb.server.uploadGone);
    await submit(thief);
    const tip = await h.db.tip.findFirstOrThrow({ orderBy: { id: "desc" }, include: { attachments: true } });
    expect(tip.attachments).toEqual([]);
    expect((await h.db.webUpload.findUniqueOrThrow({ where: { publicId: id } })).tipId).toBeNull();
  });

  it("never attaches a report file", async () => {
    const out = await step(leaderA, () => leaderA.say("/bieudo"));
    const chart = out.find((m) => m.media?.uploadUrl);
    expect(chart, texts(out)).toBeDefined();
    const reportId = chart!.media!.uploadUrl!.split("/").at(-1)!;
    const citizen = h.web();
    await toMediaStep(citizen);
    expect((await attach(citizen, reportId)).status).toBe(400);
    // The report's reader cannot either, not even for a tip of their own commune.
    expect((await attach(leaderA, reportId)).status).toBe(400);
  });

  it("drops a picture the domain is handed for a conversation that did not upload it", async () => {
    // Whatever path reaches createTip, the check holds there: another chat's upload is left out.
    const owner = h.web();
    const id = await uploadId(owner, 5);
    const commune = await h.db.commune.findUniqueOrThrow({ where: { code: "HONGLOC" } });
    const created = await createTip(h.deps, {
      communeId: commune.id,
      villageId: null,
      category: "selling",
      text: "Thử gắn ảnh của người khác",
      channel: "web",
      attachments: [{ kind: "photo", channel: "web", webUploadId: id }],
      replyTo: null,
      conversationTag: "tag-of-someone-else",
    });
    expect(await h.db.tipAttachment.count({ where: { tipId: created.tipId } })).toBe(0);
    expect(h.logs.some((l) => l.includes("uploads.refused"))).toBe(true);
    expect((await h.db.webUpload.findUniqueOrThrow({ where: { publicId: id } })).tipId).toBeNull();
  });

  it("attaches a picture once: the same id cannot go with a second tip", async () => {
    const citizen = h.web();
    await toMediaStep(citizen);
    const id = await uploadId(citizen, 6);
    expect((await attach(citizen, id)).status).toBe(202);
    await submit(citizen);
    await toMediaStep(citizen);
    expect((await attach(citizen, id)).status).toBe(400);
  });
});

describe("reading a file says what it is read for", () => {
  it("serves a tip's picture only for that tip, and a report only for its report file", async () => {
    const citizen = h.web();
    await toMediaStep(citizen);
    const id = await uploadId(citizen, 7);
    await attach(citizen, id);
    await submit(citizen);
    const row = await h.db.webUpload.findUniqueOrThrow({ where: { publicId: id } });
    const otherTip = await h.db.tip.findFirstOrThrow({ where: { id: { not: row.tipId! } } });
    expect(await readLinkedUpload(h.db, id, { tipId: row.tipId! })).not.toBeNull();
    expect(await readLinkedUpload(h.db, id, { tipId: otherTip.id })).toBeNull();
    expect(await readLinkedUpload(h.db, id, undefined)).toBeNull();
    const report = await h.db.reportFile.findFirstOrThrow();
    expect(await readLinkedUpload(h.db, id, { reportFileId: report.id })).toBeNull();
    const reportUpload = await h.db.webUpload.findUniqueOrThrow({ where: { id: report.webUploadId } });
    expect(await readLinkedUpload(h.db, reportUpload.publicId, { reportFileId: report.id })).not.toBeNull();
    expect(await readLinkedUpload(h.db, reportUpload.publicId, { tipId: row.tipId! })).toBeNull();
  });

  it("shows a tip's picture to its commune's staff only, and an unattached picture to nobody", async () => {
    const citizen = h.web();
    await toMediaStep(citizen);
    const id = await uploadId(citizen, 8);
    const url = `/webchat/api/uploads/${id}`;
    // Not attached yet: no one's to see, whoever asks.
    expect((await download(officerA, url)).status).toBe(404);
    await attach(citizen, id);
    await submit(citizen);
    expect((await download(officerA, url)).status).toBe(200);
    expect((await download(leaderA, url)).status).toBe(200);
    expect((await download(officerB, url)).status).toBe(403);
    expect((await download(citizen, url)).status).toBe(403);
    expect((await download(officerB, "/webchat/api/uploads/1")).status).toBe(404);
  });
});

describe("limits and clean-up", () => {
  it("holds a conversation to a few pictures before they go with a tip, with a clear answer", async () => {
    const citizen = h.web();
    for (let i = 0; i < 3; i++) expect((await upload(citizen, 10 + i)).status).toBe(200);
    const res = await upload(citizen, 13);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: string }).error).toBe(viWeb.server.uploadsPerChat);
  });

  it("deletes the pictures of a draft that is cancelled", async () => {
    const citizen = h.web();
    await toMediaStep(citizen);
    const id = await uploadId(citizen, 20);
    await attach(citizen, id);
    const extra = await uploadId(citizen, 21);
    await step(citizen, () => citizen.press("nav:cancel"));
    expect(await h.db.webUpload.count({ where: { publicId: { in: [id, extra] } } })).toBe(0);
  });

  it("deletes a picture uploaded but left out of the tip that was sent", async () => {
    const citizen = h.web();
    await toMediaStep(citizen);
    const kept = await uploadId(citizen, 22);
    await attach(citizen, kept);
    const left = await uploadId(citizen, 23);
    await submit(citizen);
    expect(await h.db.webUpload.count({ where: { publicId: kept } })).toBe(1);
    expect(await h.db.webUpload.count({ where: { publicId: left } })).toBe(0);
  });

  it("deletes the pictures of a draft that expires", async () => {
    const citizen = h.web();
    await toMediaStep(citizen);
    const id = await uploadId(citizen, 24);
    await attach(citizen, id);
    h.clock.advanceMinutes(61);
    await sweep(h.deps);
    expect(await h.db.webUpload.count({ where: { publicId: id } })).toBe(0);
  });

  it("deletes any picture never attached after a day", async () => {
    const id = await uploadId(h.web(), 25);
    h.clock.advanceMinutes(23 * 60);
    await sweep(h.deps);
    expect(await h.db.webUpload.count({ where: { publicId: id } })).toBe(1);
    h.clock.advanceMinutes(61);
    await sweep(h.deps);
    expect(await h.db.webUpload.count({ where: { publicId: id } })).toBe(0);
  });
});

describe("server-wide upload limits", () => {
  it("answers 'wait a minute' beyond the per-minute limit, and 'full' at the quota, keeping text tips open", async () => {
    const busy = await createHarness({ uploadLimits: { pendingPerConversation: 100, perMinute: 2, pendingQuotaBytes: 50 * 1024 * 1024 } });
    const full = await createHarness({ uploadLimits: { pendingPerConversation: 100, perMinute: 100, pendingQuotaBytes: 1 } });
    try {
      const post = async (harness: Harness, seed: number) => {
        const client = harness.web();
        return harness.app.request("/webchat/api/upload", {
          method: "POST",
          headers: await client.headers(),
          body: JSON.stringify({ token: client.token, mime: "image/png", dataBase64: png(seed) }),
        });
      };
      expect((await post(busy, 1)).status).toBe(200);
      expect((await post(busy, 2)).status).toBe(200);
      const refused = await post(busy, 3);
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { error: string }).error).toContain("chờ một phút");
      busy.clock.advanceMinutes(1.1);
      expect((await post(busy, 4)).status).toBe(200);

      const quota = await post(full, 5);
      expect(quota.status).toBe(429);
      expect(((await quota.json()) as { error: string }).error).toContain("tin báo bằng chữ");
      expect(await full.db.webUpload.count()).toBe(0);
    } finally {
      await busy.close();
      await full.close();
    }
  });
});

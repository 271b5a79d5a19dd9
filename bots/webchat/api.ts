// The web chat: a real channel for citizens without Zalo or Telegram. The browser keeps a random
// token; its keyed hash is the pseudonym. No cookies, no IP addresses.
import { Hono } from "hono";
import { z } from "zod";
import type { Db } from "../../src/db/client.js";
import type { Keyring } from "../../src/crypto/keys.js";
import { addressTagOf, pseudonymOf, sealAddress } from "../../src/crypto/pseudonym.js";
import { base64UrlToBytes } from "../../src/crypto/keys.js";
import type { Ingest } from "../../src/inbound/ingest.js";
import { limitBody, refuse, TEMPORARILY_UNAVAILABLE } from "../../src/http/answers.js";
import { forgetDeliveredSecrets } from "../../src/outbox/erase.js";
import { rateHitLimiter, type MinuteLimiter } from "../../src/tips/limits.js";
import { createInvitation } from "../../src/staff/invitations.js";
import { findCommuneByCode } from "../../src/places/search.js";
import { DEFAULT_MAX_VIDEO_BYTES, DEFAULT_UPLOAD_LIMITS, findOwnPendingUpload, megabytesVi, openBulletinRecording, openUploadForStaff, PUBLIC_ID_PATTERN, storeCitizenUpload, type UploadLimits } from "../../src/media/uploads.js";
import { reencodeImage, sniffImage } from "../../src/media/reencode.js";
import { cleanAudioVideo } from "../../src/media/av.js";
import type { Incoming, IncomingContent } from "../../src/messaging/types.js";
import { tipConfirm } from "../../src/messaging/buttons.js";
import { normalizeReceiptCode } from "../../src/crypto/receipt.js";
import type { NetworkLimiter } from "../../src/http/limiter.js";
import type { ClientAddress } from "../../src/http/client-address.js";
import { createProofGate, type ProofGate } from "./proof.js";
import { CHAT_SCRIPT, CHAT_STYLE, renderChatPage } from "./page.js";
import { viWeb } from "../../src/i18n/vi-web.js";

const token = z.string().regex(/^[A-Za-z0-9_-]{32,128}$/);
const MAX_TEXT = 8000;
const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
/** A voice note or a short video: what a cheap phone sends over a slow line in a minute or two. */
const MAX_UPLOAD_BYTES_BY_KIND = { photo: MAX_UPLOAD_BYTES, voice: MAX_UPLOAD_BYTES, video: DEFAULT_MAX_VIDEO_BYTES } as const;
const MAX_UPLOAD_BODY = Math.ceil((MAX_UPLOAD_BYTES_BY_KIND.video * 4) / 3) + 4096;
/** Messages per conversation per minute; on Workers wrangler.toml's WEB_MESSAGE_LIMITER holds the same number. */
export const MESSAGES_PER_MINUTE = 40;

const sendBody = z.union([
  z.object({ token, text: z.string().max(MAX_TEXT) }),
  z.object({ token, choice: z.string().min(1).max(64) }),
  z.object({ token, location: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }) }),
  z.object({ token, uploadId: z.string().regex(PUBLIC_ID_PATTERN), caption: z.string().max(1000).optional() }),
]);

const sessionBody = z.object({ token, proof: z.unknown() });

// What the page says it sends; the server goes by what the bytes are (a photo is decoded, a
// recording or a video rewritten) and never keeps the original.
const uploadBody = z.union([
  z.object({ token, mime: z.enum(["image/jpeg", "image/png", "image/webp"]), dataBase64: z.string().min(8).max(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 8) }),
  z.object({ token, kind: z.enum(["voice", "video"]), dataBase64: z.string().min(8).max(Math.ceil((MAX_UPLOAD_BYTES_BY_KIND.video * 4) / 3) + 1024) }), // a little over: too large is told as such
]);

export interface WebChatOptions {
  db: Db;
  keys: Keyring;
  demo: boolean;
  demoCommuneCode?: string;
  now: () => Date;
  uploadLimits?: UploadLimits;
  /** Proof of work for a session, a tip and a receipt code (default: altcha-lib at the default cost). */
  proof?: ProofGate;
  /** Tips per client network, in memory only; over it a tip goes to the held queue. */
  tipLimiter?: NetworkLimiter;
  clientAddress?: ClientAddress;
  /** Messages per conversation per minute (MESSAGES_PER_MINUTE): RateHit rows unless a platform limiter is given. */
  messageLimiter?: MinuteLimiter;
  /** Stores the incoming and starts handling it (src/inbound/ingest.ts logs a storage failure). */
  ingest: Ingest<"web">;
}

async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    return undefined;
  }
}

/** What costs a fresh proof: filing the tip, and any text that could be a receipt code. */
export function needsProof(body: object): boolean {
  if ("choice" in body && typeof body.choice === "string" && tipConfirm.parse(body.choice) === "submit") return true;
  const text = "text" in body && typeof body.text === "string" ? body.text.trim() : "";
  if (!text) return false;
  return normalizeReceiptCode(text.replace(/^\/theodoi(@\w+)?\s*/i, "")) !== null;
}

export function webChatApp(opts: WebChatOptions): Hono {
  const { db, keys } = opts;
  const proof = opts.proof ?? createProofGate(keys, opts.now);
  const messageLimiter = opts.messageLimiter ?? rateHitLimiter(db, MESSAGES_PER_MINUTE);
  const app = new Hono();
  const ticketOk = (c: { req: { header(name: string): string | undefined } }, chatToken: string) => proof.checkTicket(chatToken, c.req.header("X-Chat-Ticket"));
  const limit = limitBody(MAX_UPLOAD_BYTES * 2, { error: viWeb.server.tooLarge });
  const uploadLimit = limitBody(MAX_UPLOAD_BODY, { error: viWeb.server.tooLarge });

  // A smaller limit may be set (the Worker's D1 rows), never a larger one than the body limit allows.
  const maxVideo = Math.min(opts.uploadLimits?.maxVideoBytes ?? DEFAULT_MAX_VIDEO_BYTES, DEFAULT_MAX_VIDEO_BYTES);
  // A lower limit (a Worker keeping files in D1 rows) holds for pictures and voice notes too.
  const maxBytes = { photo: Math.min(MAX_UPLOAD_BYTES_BY_KIND.photo, maxVideo), voice: Math.min(MAX_UPLOAD_BYTES_BY_KIND.voice, maxVideo), video: maxVideo };
  app.get("/", (c) => c.html(renderChatPage({ demo: opts.demo, maxVideoBytes: maxVideo })));
  for (const file of [CHAT_SCRIPT, CHAT_STYLE]) {
    app.get(file.path.split("?")[0]!, (c) => c.body(file.body, 200, { "Content-Type": file.type, "Cache-Control": "public, max-age=86400" }));
  }

  // A session costs a proof of work; its ticket is stateless (bots/webchat/proof.ts).
  app.get("/webchat/api/challenge", async (c) => c.json(await proof.challenge(), 200, { "Cache-Control": "no-store" }));
  app.post("/webchat/api/session", async (c) => {
    const parsed = sessionBody.safeParse(await readJson(c.req.raw));
    if (!parsed.success) return c.json({ error: viWeb.server.proofNeeded, proof: true }, 400);
    const verdict = await proof.verify(parsed.data.proof);
    if (verdict !== "ok") return c.json({ error: viWeb.server.proofRefused, proof: true }, verdict === "replayed" ? 409 : 403);
    return c.json(await proof.ticket(parsed.data.token), 200, { "Cache-Control": "no-store" });
  });

  app.post("/webchat/api/send", limit, async (c) => {
    const json = await readJson(c.req.raw);
    const parsed = sendBody.safeParse(json);
    if (!parsed.success) return c.json({ error: viWeb.server.badRequest }, 400);
    const body = parsed.data;
    if (!(await ticketOk(c, body.token))) return c.json({ error: viWeb.server.sessionNeeded, session: true }, 401);
    let hold = false;
    if (needsProof(body)) {
      const verdict = await proof.verify((json as { proof?: unknown }).proof);
      if (verdict !== "ok") return c.json({ error: viWeb.server.proofNeeded, proof: true }, verdict === "replayed" ? 409 : 428);
      // A tip from a network over its limit is still taken, into the held queue: the verdict is all that travels.
      const network = "choice" in body ? opts.clientAddress?.(c) : undefined;
      if (network && opts.tipLimiter) hold = !(await opts.tipLimiter.allow(network, opts.now().getTime()));
    }
    const now = opts.now();
    const sender = await pseudonymOf(keys, "web", body.token);
    const bucket = await keys.tag("rate-web", sender);
    if (!(await messageLimiter.allow(bucket, now))) return c.json({ error: viWeb.server.tooFast }, 429);
    const address = { channel: "web", chatId: body.token } as const;
    const addressTag = await addressTagOf(keys, address);
    const content = await contentOf(db, body, addressTag);
    if (!content) return c.json({ error: viWeb.server.uploadGone }, 400);
    const incoming: Incoming = {
      channel: "web",
      sender,
      chat: { sealed: await sealAddress(keys, address), tag: addressTag, isGroup: false },
      content,
      receivedAt: now.getTime(),
      ...(hold ? { hold: true } : {}),
    };
    try {
      await opts.ingest("web", crypto.randomUUID(), incoming);
    } catch {
      // Logged by the ingest; the page tries again after a while.
      return refuse(c, "retry_later", TEMPORARILY_UNAVAILABLE);
    }
    return c.json({ ok: true }, 202);
  });

  app.post("/webchat/api/upload", uploadLimit, async (c) => {
    const parsed = uploadBody.safeParse(await readJson(c.req.raw));
    if (!parsed.success) return c.json({ error: viWeb.server.badUpload }, 400);
    if (!(await ticketOk(c, parsed.data.token))) return c.json({ error: viWeb.server.sessionNeeded, session: true }, 401);
    const kind = "kind" in parsed.data ? parsed.data.kind : "photo";
    let bytes: Uint8Array;
    try {
      bytes = base64UrlToBytes(parsed.data.dataBase64.replace(/^data:[^,]*,/, "").replace(/=+$/, ""));
    } catch {
      return c.json({ error: kind === "photo" ? viWeb.server.badUpload : viWeb.server.badRecording }, 400);
    }
    if (bytes.length > maxBytes[kind]) return c.json({ error: kind === "photo" ? viWeb.server.tooLarge : kind === "voice" ? viWeb.server.voiceTooLarge : viWeb.server.videoTooLarge(megabytesVi(maxVideo)) }, 413);
    // Decoded and encoded again (a picture), or rewritten with nothing but the sound and pictures
    // (a recording, a video), before it is stored: never what rode along.
    let clean: { bytes: Uint8Array; mime: string } | null;
    if (kind === "photo") {
      clean = reencodeImage(bytes);
      if (!clean) return c.json({ error: sniffImage(bytes) === "image/heic" ? viWeb.server.heicUpload : viWeb.server.unsafeUpload }, 422);
    } else {
      clean = cleanAudioVideo(bytes, kind);
      if (!clean) return c.json({ error: kind === "voice" ? viWeb.server.unsafeVoice : viWeb.server.unsafeVideo }, 422);
    }
    const ownerTag = await addressTagOf(keys, { channel: "web", chatId: parsed.data.token });
    const stored = await storeCitizenUpload(db, { ownerTag, mime: clean.mime, bytes: clean.bytes, now: opts.now() }, opts.uploadLimits ?? DEFAULT_UPLOAD_LIMITS);
    if (!stored.ok) return c.json({ error: uploadRefusals[stored.reason] }, stored.reason === "conversation" ? 409 : 429, { "Retry-After": "60" });
    return c.json({ uploadId: stored.publicId });
  });

  // Files are shown to staff only, each within its scope: a tip's picture to that commune's staff,
  // a report to those who may read it (src/media/uploads.ts decides, for every path).
  app.get("/webchat/api/uploads/:id", async (c) => {
    const parsedToken = token.safeParse(c.req.header("X-Chat-Token"));
    if (!parsedToken.success) return c.json({ error: viWeb.server.badRequest }, 400);
    // A bulletin recording made here (a translator's) is sent to heads and subscribers: its unguessable id is the permission.
    const recording = await openBulletinRecording(db, c.req.param("id"));
    if (recording) return c.body(recording.bytes as Uint8Array<ArrayBuffer>, 200, { "Content-Type": recording.mime, "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff", "Content-Security-Policy": "default-src 'none'; sandbox" });
    const staff = await db.staff.findUnique({ where: { pseudonym: await pseudonymOf(keys, "web", parsedToken.data) } });
    if (!staff?.active) return c.json({ error: viWeb.server.forbidden }, 403);
    const opened = await openUploadForStaff(db, staff, c.req.param("id"));
    if (!opened.ok) return opened.reason === "forbidden" ? c.json({ error: viWeb.server.forbidden }, 403) : c.json({ error: viWeb.server.notFound }, 404);
    const headers: Record<string, string> = {
      "Content-Type": opened.mime,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    };
    // Reports download as files; never rendered as a page of this site.
    const report = opened.report;
    if (report) headers["Content-Disposition"] = `attachment; filename="bao-cao-${report.month}-${report.id}.${report.kind}"`;
    return c.body(opened.bytes as Uint8Array<ArrayBuffer>, 200, headers);
  });

  app.get("/webchat/api/messages", async (c) => {
    const parsedToken = token.safeParse(c.req.header("X-Chat-Token"));
    if (!parsedToken.success) return c.json({ error: viWeb.server.badRequest }, 400);
    const after = Math.max(0, Number.parseInt(c.req.query("after") ?? "0", 10) || 0);
    const addressTag = await addressTagOf(keys, { channel: "web", chatId: parsedToken.data });
    // Asking for what comes after a message shows the browser has it: a receipt code up to there leaves the server.
    if (after > 0) await forgetDeliveredSecrets(db, addressTag, after);
    const rows = await db.webChatMessage.findMany({ where: { addressTag, id: { gt: after } }, orderBy: { id: "asc" }, take: 100 });
    // Whether this browser is a registered staff member's: the page then shows a staff badge, not the citizen's notice.
    const staff = await db.staff.findUnique({ where: { pseudonym: await pseudonymOf(keys, "web", parsedToken.data) }, select: { active: true } });
    return c.json({ messages: rows.map((r) => ({ id: r.id, ...JSON.parse(r.payload) })), staff: staff?.active === true }, 200, { "Cache-Control": "no-store" });
  });

  app.post("/webchat/api/demo/officer", async (c) => {
    if (!opts.demo || !opts.demoCommuneCode) return c.json({ error: viWeb.server.notFound }, 404);
    const commune = await findCommuneByCode(db, opts.demoCommuneCode);
    if (!commune) return c.json({ error: viWeb.server.notFound }, 404);
    const { code } = await createInvitation(db, keys, { role: "officer", communeCode: commune.code, note: viWeb.server.demoOfficerName, validDays: 1 });
    return c.json({ code, commune: commune.name });
  });

  return app;
}

/**
 * What a web chat message says. A picture is only one this conversation uploaded and has not
 * attached yet: another chat's, or a report, is no picture at all (null).
 */
async function contentOf(db: Db, body: z.infer<typeof sendBody>, addressTag: string): Promise<IncomingContent | null> {
  if ("text" in body) return { kind: "text", text: body.text };
  if ("choice" in body) return { kind: "choice", data: body.choice };
  if ("location" in body) return { kind: "location", latitude: body.location.latitude, longitude: body.location.longitude };
  const upload = await findOwnPendingUpload(db, body.uploadId, addressTag);
  if (!upload) return null;
  const media = upload.mime.startsWith("audio/") ? "voice" : upload.mime.startsWith("video/") ? "video" : "photo";
  return { kind: "media", media, fileRef: upload.publicId, caption: body.caption };
}

const uploadRefusals: Record<"conversation" | "busy" | "quota", string> = {
  conversation: viWeb.server.uploadsPerChat,
  busy: viWeb.server.uploadsBusy,
  quota: viWeb.server.uploadsFull,
};


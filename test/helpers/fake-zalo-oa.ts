// A fake Zalo Official Account platform on 127.0.0.1 for tests: the Open API (consultation
// messages, uploads) with errors answered as HTTP 200 + negative `error`, the OAuth v4 server with
// single-use authorisation codes and refresh tokens, a CDN for users' media, and signed webhook
// events in the real envelope (reference/zalo.md). It also models the interaction window: a user
// marked inactive is refused with -230 until they write again. Articles and their broadcast follow
// docs/zalo-reach.md: create answers a token, verify the id; a broadcast reaches every follower who
// has broadcasts left (at most `perFollowerPerMonth` a Vietnam calendar month and one a day; full
// followers are skipped silently, as Zalo does), and past the OA's monthly allowance Zalo answers 3004.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createHash, randomBytes } from "node:crypto";
import { readBody } from "./read-body.js";

export const ZALO_APP_ID = "360846524940903967";
export const ZALO_APP_SECRET = "fake-app-secret-8472";
export const ZALO_OA_SECRET = "test-oa-secret";
export const ZALO_OA_ID = "388613280878808645";

export interface ZaloUser {
  /** sender.id / follower.id */
  id: string;
  /** user_id_by_app: an identity too, never to be stored. */
  userIdByApp: string;
  /** Shown in the Zalo app; a Zalo OA event does not carry it, tests search for it all the same. */
  displayName: string;
}

export const ZALO_TIPSTER: ZaloUser = { id: "8736152094857362514", userIdByApp: "5512990873310045123", displayName: "Vừ Thị Dua Hmôngz" };
export const ZALO_OFFICER: ZaloUser = { id: "2468013579246801357", userIdByApp: "9753108642975310864", displayName: "Lò Văn Công An" };

export interface OaMessage {
  userId: string;
  text?: string;
  attachment?: Record<string, unknown>;
  messageId: string;
  accessToken: string;
}

export interface OaUpload {
  kind: "image" | "file";
  name: string;
  mime: string;
  bytes: Buffer;
  id: string;
}

export interface OaArticle {
  id: string;
  token: string;
  body: Record<string, unknown>;
}

export interface OaBroadcast {
  articleId: string;
  messageId: string;
  at: number;
  /** Followers it reached (those with broadcasts left). */
  deliveredTo: string[];
  target: unknown;
}

export interface FakeZaloOa {
  apiRoot: string;
  oauthRoot: string;
  appId: string;
  appSecret: string;
  oaSecret: string;
  messages: OaMessage[];
  uploads: OaUpload[];
  /** Every request body received (raw), for the anonymity scan. */
  requests: string[];
  /** Texts sent to a user, in order. */
  textsTo(userId: string): string[];
  /** A fresh single-use authorisation code, as the consent page would give. */
  issueCode(): string;
  tokenCalls: Array<{ grant: string; ok: boolean }>;
  validRefreshTokens(): string[];
  revokeAccessToken(token: string): void;
  /** The user is outside the 7-day window: sends get -230 until they write again (an event). */
  markInactive(userId: string): void;
  /** The next `times` calls of an endpoint ("message", "upload_image", "upload_file") answer this error. */
  failNext(endpoint: "message" | "upload_image" | "upload_file" | "article_create" | "article_verify" | "broadcast", code: number, times?: number): void;
  /** The next request to the endpoint is refused at the HTTP layer (e.g. 429 from a gateway), with Retry-After when given. */
  failNextHttp(endpoint: "message" | "broadcast", status: number, retryAfter?: string): void;
  /** Serves bytes at a CDN address, as Zalo does for users' media. */
  hostMedia(bytes: Uint8Array, mime: string): string;
  articles: OaArticle[];
  broadcasts: OaBroadcast[];
  /** Follow events add followers, unfollow events remove them. */
  followers: Set<string>;
  /** Zalo's broadcast rules as this fake enforces them. */
  broadcastLimits: { perFollowerPerMonth: number; oaPerMonth: number };
  /** Broadcasts the OA's staff sent by hand in the OA Manager this month: they count against the OA's allowance. */
  broadcastsByHand: number;
  /** The signed webhook request for this event body. */
  signed(body: Record<string, unknown>): { body: string; headers: Record<string, string> };
  close(): Promise<void>;
}

let msgCounter = 0;
// Events carry the time they happen (the server refuses events older than 15 minutes): the real
// clock by default, or a test's own clock (the harness sets it), always moving forward.
let lastEventTime = 0;
let eventClock: () => number = () => Date.now();
export function setZaloEventClock(source: () => number): void {
  eventClock = source;
  lastEventTime = 0;
}
function nextEventTime(): number {
  lastEventTime = Math.max(lastEventTime + 1, eventClock());
  return lastEventTime;
}

/** A message event in the real envelope and key order. */
export function zaloEvent(eventName: string, user: ZaloUser, message: Record<string, unknown>): Record<string, unknown> {
  return {
    app_id: ZALO_APP_ID,
    sender: { id: user.id },
    user_id_by_app: user.userIdByApp,
    recipient: { id: ZALO_OA_ID },
    event_name: eventName,
    message: { msg_id: `${(++msgCounter).toString(16).padStart(4, "0")}d3cdf3af1504609`, ...message },
    timestamp: String(nextEventTime()),
  };
}

export const textEvent = (user: ZaloUser, text: string) => zaloEvent("user_send_text", user, { text });
export const imageEvent = (user: ZaloUser, url: string, text?: string) =>
  zaloEvent("user_send_image", user, { ...(text ? { text } : {}), attachments: [{ type: "image", payload: { thumbnail: url, url } }] });
export const audioEvent = (user: ZaloUser, url: string) => zaloEvent("user_send_audio", user, { attachments: [{ type: "audio", payload: { url } }] });
export const videoEvent = (user: ZaloUser, url: string) =>
  zaloEvent("user_send_video", user, { attachments: [{ type: "video", payload: { url, thumbnail: url, description: "video" } }] });
export const locationEvent = (user: ZaloUser, latitude: string | number, longitude: string | number) =>
  zaloEvent("user_send_location", user, { attachments: [{ type: "location", payload: { coordinates: { latitude, longitude } } }] });
export const fileEvent = (user: ZaloUser, url: string, name: string, type: string) =>
  zaloEvent("user_send_file", user, { attachments: [{ type: "file", payload: { url, name, size: "204800", type, checksum: "abc" } }] });
export const stickerEvent = (user: ZaloUser) =>
  zaloEvent("user_send_sticker", user, { attachments: [{ type: "sticker", payload: { id: "fbd7b48e44c3ad9df4d2", url: "https://zalo-api.zadn.vn/api/emoticon/sticker/webpc?eid=46991" } }] });
export const linkEvent = (user: ZaloUser, url: string) =>
  zaloEvent("user_send_link", user, { text: "", attachments: [{ type: "link", payload: { url, thumbnail: url, description: `Trang của ${user.displayName}` } }] });
export const businessCardEvent = (user: ZaloUser) =>
  zaloEvent("user_send_business_card", user, { attachments: [{ type: "business_card", payload: { name: user.displayName, phone: "0912345678" } }] });

export function followEvent(user: ZaloUser, name: "follow" | "unfollow" = "follow"): Record<string, unknown> {
  return { oa_id: ZALO_OA_ID, follower: { id: user.id }, user_id_by_app: user.userIdByApp, event_name: name, source: "oa_profile", app_id: ZALO_APP_ID, timestamp: String(nextEventTime()) };
}

export function oaEchoEvent(user: ZaloUser): Record<string, unknown> {
  return {
    app_id: ZALO_APP_ID,
    sender: { id: ZALO_OA_ID },
    user_id_by_app: user.userIdByApp,
    recipient: { id: user.id },
    event_name: "oa_send_text",
    message: { msg_id: `echo${++msgCounter}`, text: "đã gửi" },
    timestamp: String(nextEventTime()),
  };
}

export function zaloSignatureOf(body: string, timestamp: string, appId = ZALO_APP_ID, oaSecret = ZALO_OA_SECRET): string {
  return `mac=${createHash("sha256").update(appId + body + timestamp + oaSecret).digest("hex")}`;
}


export async function startFakeZaloOa(): Promise<FakeZaloOa> {
  const messages: OaMessage[] = [];
  const uploads: OaUpload[] = [];
  const requests: string[] = [];
  const codes = new Set<string>();
  const refresh = new Set<string>();
  const access = new Set<string>();
  const inactive = new Set<string>();
  const failures = new Map<string, number[]>();
  const httpFailures = new Map<string, Array<{ status: number; retryAfter?: string }>>();
  const media = new Map<string, { bytes: Uint8Array; mime: string }>();
  const tokenCalls: FakeZaloOa["tokenCalls"] = [];
  const articles: OaArticle[] = [];
  const broadcasts: OaBroadcast[] = [];
  const followers = new Set<string>();
  const broadcastLimits = { perFollowerPerMonth: 4, oaPerMonth: 40 };
  const state = { broadcastsByHand: 0 };
  let messageId = 0;
  let base = "";

  const token = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;

  function json(res: ServerResponse, body: unknown, status = 200): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    res.end(text);
  }

  function scripted(endpoint: string): number | undefined {
    const list = failures.get(endpoint);
    const code = list?.shift();
    if (list && list.length === 0) failures.delete(endpoint);
    return code;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const body = await readBody(req);
    const type = String(req.headers["content-type"] ?? "");
    if (!type.startsWith("multipart/")) requests.push(body.toString("utf8"));

    if (req.method === "GET" && url.pathname.startsWith("/cdn/")) {
      const item = media.get(url.pathname);
      if (!item) return json(res, { error: "not found" }, 404);
      res.writeHead(200, { "content-type": item.mime, "content-length": item.bytes.length });
      res.end(Buffer.from(item.bytes));
      return;
    }

    if (url.pathname === "/v4/oa/access_token" && req.method === "POST") {
      const form = new URLSearchParams(body.toString("utf8"));
      const grant = form.get("grant_type") ?? "";
      const fail = (error: number, name: string) => {
        tokenCalls.push({ grant, ok: false });
        json(res, { error_name: name, error_reason: name, ref_doc: "https://developers.zalo.me/docs", error_description: name, error });
      };
      if (req.headers["secret_key"] !== ZALO_APP_SECRET || form.get("app_id") !== ZALO_APP_ID) return fail(-14004, "Invalid app secret");
      if (grant === "authorization_code") {
        const code = form.get("code") ?? "";
        if (!codes.delete(code)) return fail(-14019, "Invalid authorization code");
      } else if (grant === "refresh_token") {
        const old = form.get("refresh_token") ?? "";
        if (!refresh.delete(old)) return fail(-14014, "Invalid refresh token");
      } else {
        return fail(-14002, "Invalid parameter");
      }
      const pair = { access_token: token("acc"), refresh_token: token("ref"), expires_in: "90000" };
      access.add(pair.access_token);
      refresh.add(pair.refresh_token);
      tokenCalls.push({ grant, ok: true });
      return json(res, pair);
    }

    const accessToken = String(req.headers["access_token"] ?? "");
    const needToken = () => {
      if (access.has(accessToken)) return false;
      json(res, { error: -216, message: "Access token is invalid" });
      return true;
    };

    if (url.pathname === "/v3.0/oa/message/cs" && req.method === "POST") {
      if (needToken()) return;
      let payload: { recipient?: { user_id?: string }; message?: { text?: string; attachment?: Record<string, unknown> } };
      try {
        payload = JSON.parse(body.toString("utf8"));
      } catch {
        return json(res, { error: -201, message: "Body is invalid" });
      }
      const userId = payload.recipient?.user_id;
      if (!userId) return json(res, { error: -201, message: "Parameter recipient is invalid" });
      const refusal = httpFailures.get("message")?.shift();
      if (refusal) {
        res.writeHead(refusal.status, { "content-type": "text/plain", ...(refusal.retryAfter ? { "retry-after": refusal.retryAfter } : {}) });
        res.end("Too Many Requests");
        return;
      }
      const failure = scripted("message");
      if (failure !== undefined) return json(res, { error: failure, message: `scripted ${failure}` });
      if (inactive.has(userId)) return json(res, { error: -230, message: "User has not interacted with the OA in the past 7 days" });
      const text = payload.message?.text;
      if (text !== undefined && (text.length > 2000 || text.trim() === "")) return json(res, { error: -201, message: "Message text is invalid" });
      const id = `${(++messageId).toString(16)}a8e0b1c2d3e4f5`;
      messages.push({ userId, text, attachment: payload.message?.attachment, messageId: id, accessToken });
      return json(res, { data: { message_id: id, user_id: userId }, error: 0, message: "Success" });
    }

    if ((url.pathname === "/v2.0/oa/upload/image" || url.pathname === "/v2.0/oa/upload/file") && req.method === "POST") {
      if (needToken()) return;
      const kind = url.pathname.endsWith("image") ? "image" : "file";
      const failure = scripted(`upload_${kind}`);
      if (failure !== undefined) return json(res, { error: failure, message: `scripted ${failure}` });
      const form = await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData();
      const file = form.get("file");
      if (!(file instanceof Blob)) return json(res, { error: -201, message: "file is missing" });
      const bytes = Buffer.from(await file.arrayBuffer());
      if (kind === "image" && bytes.length > 1024 * 1024) return json(res, { error: -210, message: "Image is too large" });
      const id = token(kind === "image" ? "att" : "ftk");
      uploads.push({ kind, name: (file as File).name ?? "", mime: file.type, bytes, id });
      return json(res, { data: kind === "image" ? { attachment_id: id } : { token: id }, error: 0, message: "Success" });
    }

    if (url.pathname.startsWith("/v2.0/article/") || url.pathname === "/v2.0/oa/message" || url.pathname === "/v2.0/oa/getoa") {
      if (needToken()) return;
      return articleCall(url.pathname, req.method ?? "GET", body.toString("utf8"), res);
    }

    return json(res, { error: -1, message: "Unknown endpoint" }, 404);
  }

  /** Vietnam calendar month and day of an instant (the allowances reset on the 1st, Vietnam time). */
  const vnMonth = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 7);
  const vnDay = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);

  function articleCall(path: string, method: string, text: string, res: ServerResponse): void {
    if (path === "/v2.0/oa/getoa" && method === "GET") {
      return json(res, { data: { oa_id: ZALO_OA_ID, name: "Công an xã", is_verified: true, num_follower: followers.size, package_name: "Nâng cao" }, error: 0, message: "Success" });
    }
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return json(res, { error: -201, message: "Body is invalid" });
    }
    if (path === "/v2.0/article/create" && method === "POST") {
      const failure = scripted("article_create");
      if (failure !== undefined) return json(res, { error: failure, message: `scripted ${failure}` });
      const cover = payload.cover as { photo_url?: string } | undefined;
      const tooLong = (field: string, max: number) => typeof payload[field] === "string" && [...(payload[field] as string)].length > max;
      if (payload.type !== "normal" || typeof payload.title !== "string" || !cover?.photo_url || !Array.isArray(payload.body) || tooLong("title", 150) || tooLong("author", 50) || tooLong("description", 300)) {
        return json(res, { error: -201, message: "Article is invalid" });
      }
      const article = { id: randomBytes(10).toString("hex"), token: token("art"), body: payload };
      articles.push(article);
      return json(res, { data: { token: article.token }, error: 0, message: "Success" });
    }
    if (path === "/v2.0/article/verify" && method === "POST") {
      const failure = scripted("article_verify");
      if (failure !== undefined) return json(res, { error: failure, message: failure === -214 ? "Media is processing" : `scripted ${failure}` });
      const article = articles.find((a) => a.token === payload.token);
      if (!article) return json(res, { error: -201, message: "Token is invalid" });
      return json(res, { data: { id: article.id }, error: 0, message: "Success" });
    }
    if (path === "/v2.0/oa/message" && method === "POST") {
      const refusal = httpFailures.get("broadcast")?.shift();
      if (refusal) {
        res.writeHead(refusal.status, { "content-type": "text/plain" });
        res.end("Bad Gateway");
        return;
      }
      const failure = scripted("broadcast");
      if (failure !== undefined) return json(res, { error: failure, message: `scripted ${failure}` });
      const recipient = payload.recipient as { target?: unknown } | undefined;
      const element = ((payload.message as { attachment?: { payload?: { elements?: Array<{ media_type?: string; attachment_id?: string }> } } })?.attachment?.payload?.elements ?? [])[0];
      if (!recipient?.target || element?.media_type !== "article") return json(res, { error: 3003, message: "Invalid target or template" });
      if (!articles.some((a) => a.id === element.attachment_id)) return json(res, { error: 3002, message: "Article attachment does not exist" });
      const now = eventClock();
      const month = vnMonth(now);
      if (broadcasts.filter((b) => vnMonth(b.at) === month).length + state.broadcastsByHand >= broadcastLimits.oaPerMonth) {
        return json(res, { error: 3004, message: "Broadcast limit exceeded" });
      }
      const deliveredTo = [...followers].filter((f) => {
        const received = broadcasts.filter((b) => b.deliveredTo.includes(f));
        return received.filter((b) => vnMonth(b.at) === month).length < broadcastLimits.perFollowerPerMonth && !received.some((b) => vnDay(b.at) === vnDay(now));
      });
      const broadcast = { articleId: element.attachment_id!, messageId: `${(++messageId).toString(16)}b7c0a1d2e3f4a5`, at: now, deliveredTo, target: recipient.target };
      broadcasts.push(broadcast);
      return json(res, { data: { message_id: broadcast.messageId }, error: 0, message: "Success" });
    }
    return json(res, { error: -1, message: "Unknown endpoint" }, 404);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => json(res, { error: -100, message: "internal" }, 500));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let mediaCounter = 0;

  return {
    apiRoot: base,
    oauthRoot: base,
    appId: ZALO_APP_ID,
    appSecret: ZALO_APP_SECRET,
    oaSecret: ZALO_OA_SECRET,
    messages,
    uploads,
    requests,
    tokenCalls,
    articles,
    broadcasts,
    followers,
    broadcastLimits,
    get broadcastsByHand() {
      return state.broadcastsByHand;
    },
    set broadcastsByHand(n: number) {
      state.broadcastsByHand = n;
    },
    textsTo: (userId) => messages.filter((m) => m.userId === userId && m.text !== undefined).map((m) => m.text!),
    issueCode() {
      const code = token("code");
      codes.add(code);
      return code;
    },
    validRefreshTokens: () => [...refresh],
    revokeAccessToken: (t) => void access.delete(t),
    markInactive: (userId) => void inactive.add(userId),
    failNext(endpoint, code, times = 1) {
      const list = failures.get(endpoint) ?? [];
      for (let i = 0; i < times; i++) list.push(code);
      failures.set(endpoint, list);
    },
    failNextHttp(endpoint, status, retryAfter) {
      const list = httpFailures.get(endpoint) ?? [];
      list.push({ status, ...(retryAfter ? { retryAfter } : {}) });
      httpFailures.set(endpoint, list);
    },
    hostMedia(bytes, mime) {
      const path = `/cdn/${++mediaCounter}/${randomBytes(6).toString("hex")}.${mime.split("/")[1] ?? "bin"}`;
      media.set(path, { bytes, mime });
      return base + path;
    },
    signed(event) {
      const body = JSON.stringify(event);
      // A user who writes is inside the window again; following and unfollowing change the followers.
      const follower = (event.follower as { id?: string } | undefined)?.id;
      if (follower && event.event_name === "follow") followers.add(follower);
      if (follower && event.event_name === "unfollow") followers.delete(follower);
      const sender = (event.sender as { id?: string } | undefined)?.id;
      if (sender && String(event.event_name).startsWith("user_")) inactive.delete(sender);
      return { body, headers: { "Content-Type": "application/json", "X-ZEvent-Signature": zaloSignatureOf(body, String(event.timestamp)) } };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

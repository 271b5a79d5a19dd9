// A fake Zalo Bot platform on 127.0.0.1: POST /bot<TOKEN>/<method> with JSON bodies, answers
// {ok:true,result} or {ok:false,error_code,description}; getUpdates hands out one queued update
// per call (long-polling up to a second); updates in the documented shape.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readBody } from "./read-body.js";

export interface BotCall {
  method: string;
  token: string;
  payload: Record<string, unknown>;
  /** When the call arrived (ms since the epoch). */
  at: number;
  /** Refused by the rate limit (when started with `rateLimit`): the platform delivered nothing. */
  refused?: boolean;
}

export interface ZaloBotUser {
  id: string;
  displayName: string;
}

export const BOT_TIPSTER: ZaloBotUser = { id: "e4ea2cd5189df1c3a88c", displayName: "Giàng A Sùng Zbot" };
export const BOT_OFFICER: ZaloBotUser = { id: "a19f77c0b2e4d9f01c6e", displayName: "Đ/c Hà Thị Trực" };

export interface FakeZaloBot {
  apiRoot: string;
  token: string;
  calls: BotCall[];
  callsTo(method: string): BotCall[];
  textsTo(chatId: string): string[];
  enqueueUpdate(update: Record<string, unknown>): void;
  pendingUpdates(): number;
  /** The next call(s) of `method` fail with this error code; `retryAfter` adds Telegram-style `parameters.retry_after`. */
  failNext(method: string, code: number, description?: string, times?: number, retryAfter?: number): void;
  /** Serves bytes at a CDN address, as the platform does for users' photos (photo_url). */
  hostMedia(bytes: Uint8Array, mime: string): string;
  /** Sends refused by the rate limit (when started with `rateLimit`). */
  rateLimited(): number;
  close(): Promise<void>;
}

export interface FakeZaloBotOptions {
  /**
   * At most `perSecond` send* calls in any second; beyond it, 429 with `parameters.retry_after`
   * (seconds, default 1), as the fake Telegram does. Zalo Bot documents no limit (docs/zalo-reach.md,
   * open question 8): a benchmark chooses one and says so. Refused calls are recorded, marked `refused`.
   */
  rateLimit?: { perSecond: number; retryAfter?: number };
}

let counter = 0;

/** The update a user's message makes, wrapped as getUpdates and the docs show it. */
export function botUpdate(user: ZaloBotUser, content: { text?: string; photo_url?: string; caption?: string; sticker?: string }, eventName?: string, group?: { id: string }): Record<string, unknown> {
  const name = eventName ?? (content.photo_url ? "message.image.received" : content.sticker ? "message.sticker.received" : "message.text.received");
  return {
    ok: true,
    result: {
      event_name: name,
      message: {
        from: { id: user.id, display_name: user.displayName, first_name: user.displayName, is_bot: false },
        chat: group ? { id: group.id, chat_type: "GROUP" } : { id: user.id, chat_type: "PRIVATE" },
        ...content,
        message_id: `${(++counter).toString(16).padStart(4, "0")}6366b3f02645a3d15`,
        date: 1_766_619_597_466 + counter,
      },
    },
  };
}

/** The flat body some webhooks deliver: {event_name, message}. */
export function flatBody(update: Record<string, unknown>): Record<string, unknown> {
  return update.result as Record<string, unknown>;
}


export async function startFakeZaloBot(token = "1234567890:ZbotFakeSecret_abcdefXYZ", opts: FakeZaloBotOptions = {}): Promise<FakeZaloBot> {
  const calls: BotCall[] = [];
  const accepted: number[] = []; // times of send* calls within the last second
  let rateLimited = 0;
  const queue: Record<string, unknown>[] = [];
  const waiters = new Set<() => void>();
  const failures = new Map<string, Array<{ code: number; description: string; retryAfter?: number }>>();
  let messageId = 0;

  function respond(res: ServerResponse, status: number, body: unknown) {
    if (res.writableEnded) return;
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    res.end(text);
  }

  const media = new Map<string, { bytes: Uint8Array; mime: string }>();

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const hosted = req.method === "GET" ? media.get(req.url ?? "") : undefined;
    if (hosted) {
      res.writeHead(200, { "content-type": hosted.mime, "content-length": hosted.bytes.length });
      res.end(Buffer.from(hosted.bytes));
      return;
    }
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url ?? "");
    const raw = await readBody(req);
    if (!match) return respond(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    const [, callToken, method] = match as unknown as [string, string, string];
    let payload: Record<string, unknown> = {};
    if (raw.length > 0) {
      try {
        payload = JSON.parse(raw.toString("utf8"));
      } catch {
        return respond(res, 400, { ok: false, error_code: 400, description: "Bad Request: invalid JSON" });
      }
    }
    const call: BotCall = { method, token: callToken, payload, at: Date.now() };
    calls.push(call);
    if (callToken !== token) return respond(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    const scripted = failures.get(method)?.shift();
    if (scripted) return respond(res, scripted.code >= 400 && scripted.code < 600 ? scripted.code : 200, { ok: false, error_code: scripted.code, description: scripted.description, ...(scripted.retryAfter ? { parameters: { retry_after: scripted.retryAfter } } : {}) });
    if (opts.rateLimit && method.startsWith("send")) {
      const now = Date.now();
      while (accepted.length > 0 && accepted[0]! <= now - 1_000) accepted.shift();
      if (accepted.length >= opts.rateLimit.perSecond) {
        rateLimited++;
        call.refused = true;
        const wait = opts.rateLimit.retryAfter ?? 1;
        return respond(res, 429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${wait}`, parameters: { retry_after: wait } });
      }
      accepted.push(now);
    }
    const ok = (result: unknown) => respond(res, 200, { ok: true, result });
    switch (method) {
      case "getMe":
        return ok({ id: token.split(":")[0], account_name: "bot.phaodai", account_type: "BASIC", can_join_groups: false });
      case "getUpdates": {
        if (queue.length === 0) {
          const waitMs = Math.min(Number(payload.timeout ?? 0) * 1000, 1000);
          await new Promise<void>((resolve) => {
            const done = () => {
              clearTimeout(timer);
              waiters.delete(done);
              resolve();
            };
            const timer = setTimeout(done, waitMs);
            waiters.add(done);
          });
        }
        const next = queue.shift();
        if (!next) return respond(res, 200, { ok: false, error_code: 408, description: "Request timeout" });
        return ok((next as { result?: unknown }).result ?? next);
      }
      case "setWebhook":
        if (typeof payload.secret_token !== "string" || payload.secret_token.length < 8) return respond(res, 400, { ok: false, error_code: 400, description: "secret_token is invalid" });
        return ok({ url: payload.url, updated_at: Date.now() });
      case "deleteWebhook":
      case "sendChatAction":
        return ok(true);
      case "sendMessage":
      case "sendPhoto": {
        if (typeof payload.chat_id !== "string" || payload.chat_id === "") return respond(res, 400, { ok: false, error_code: 400, description: "chat_id is invalid" });
        if (method === "sendMessage" && (typeof payload.text !== "string" || payload.text.length > 2000 || payload.text.trim() === "")) {
          return respond(res, 400, { ok: false, error_code: 400, description: "text is invalid" });
        }
        return ok({ message_id: `m${++messageId}`, date: Date.now() });
      }
      default:
        return respond(res, 404, { ok: false, error_code: 404, description: "Method not found" });
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => respond(res, 500, { ok: false, error_code: 500, description: "Internal" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiRoot,
    token,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    textsTo: (chatId) => calls.filter((c) => c.payload.chat_id === chatId).map((c) => String(c.payload.text ?? c.payload.caption ?? "")),
    enqueueUpdate(update) {
      queue.push(update);
      for (const wake of [...waiters]) wake();
    },
    pendingUpdates: () => queue.length,
    failNext(method, code, description = "scripted", times = 1, retryAfter) {
      const list = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) list.push({ code, description, ...(retryAfter ? { retryAfter } : {}) });
      failures.set(method, list);
    },
    hostMedia(bytes, mime) {
      const path = `/cdn/p${media.size + 1}.${mime.split("/")[1] ?? "bin"}`;
      media.set(path, { bytes, mime });
      return apiRoot + path;
    },
    rateLimited: () => rateLimited,
    async close() {
      for (const wake of [...waiters]) wake();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

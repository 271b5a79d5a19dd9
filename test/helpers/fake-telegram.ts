// A fake Telegram Bot API server on 127.0.0.1 for tests: real HTTP, the real wire format
// (POST /bot<token>/<method>, JSON or multipart bodies, {ok,result} / {ok:false,error_code,...}
// answers) and scriptable failures. The update builders are in telegram-updates.ts (re-exported
// here, so a test imports the fake and its updates from one place).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update, UserFromGetMe } from "grammy/types";
import { readBody } from "./read-body.js";

export * from "./telegram-updates.js";

export interface ApiCall {
  method: string;
  token: string;
  /**
   * The parameters. JSON bodies as sent; multipart and form bodies as text fields, with values
   * that look like JSON objects or arrays (grammY's reply_markup, reply_parameters…) parsed.
   */
  payload: Record<string, unknown>;
  multipart: boolean;
  /** Multipart parts that carried a file: field name, file name, size and the bytes. */
  files: Array<{ field: string; filename: string; size: number; bytes: Uint8Array }>;
  at: number;
  /** The `result` answered, when the call succeeded. */
  result?: unknown;
}

export interface FakeError {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export interface FakeTelegram {
  /** e.g. http://127.0.0.1:PORT: pass as grammY's client.apiRoot. */
  apiRoot: string;
  token: string;
  /** What getMe answers; also usable as grammY's botInfo. */
  bot: UserFromGetMe;
  calls: ApiCall[];
  callsTo(method: string): ApiCall[];
  /** Resolves with the first call (past or future) that matches. */
  waitFor(predicate: (call: ApiCall) => boolean, timeoutMs?: number): Promise<ApiCall>;
  enqueueUpdate(update: Update | Record<string, unknown>): void;
  /** Updates still queued (not yet confirmed by a getUpdates offset). */
  pendingUpdates(): number;
  /** Sends refused with 429 by the rate limit (when started with `rateLimit`). */
  rateLimited(): number;
  /** The next `times` calls of `method` fail with this Bot API error, or by a dropped connection. */
  /** "network" resets the connection; "hang" never answers (the client must time out). */
  failNext(method: string, failure: FakeError | "network" | "hang", times?: number): void;
  /** Content served for a file id by getFile and the file download route (/file/bot<token>/<path>). */
  setFileContent(fileId: string, bytes: Uint8Array): void;
  /** Forgets recorded calls, scripted failures and queued updates. */
  reset(): void;
  close(): Promise<void>;
}

export const TOO_MANY_REQUESTS = (retryAfter: number): FakeError => ({
  error_code: 429,
  description: `Too Many Requests: retry after ${retryAfter}`,
  parameters: { retry_after: retryAfter },
});
export const INTERNAL_ERROR: FakeError = { error_code: 500, description: "Internal Server Error" };
export const BLOCKED: FakeError = { error_code: 403, description: "Forbidden: bot was blocked by the user" };
export const NOT_A_MEMBER: FakeError = { error_code: 403, description: "Forbidden: bot is not a member of the supergroup chat" };
export const CHAT_NOT_FOUND: FakeError = { error_code: 400, description: "Bad Request: chat not found" };

const DEFAULT_TOKEN = "123456789:AAFakeTokenForTestsOnly_abcdefghijkl";
const MAX_LONG_POLL_MS = 1_000;


function maybeJson(value: string): unknown {
  if (/^\s*[[{]/.test(value)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

/** Enough of multipart/form-data to read grammY's uploads (it writes lower-case, unquoted headers). */
function parseMultipart(body: Buffer, boundary: string): { fields: Record<string, unknown>; files: ApiCall["files"] } {
  const fields: Record<string, unknown> = {};
  const files: ApiCall["files"] = [];
  const raw = body.toString("latin1");
  for (const part of raw.split(`--${boundary}`)) {
    if (part === "" || part.startsWith("--")) continue;
    const trimmed = part.replace(/^\r\n/, "").replace(/\r\n$/, "");
    const split = trimmed.indexOf("\r\n\r\n");
    if (split < 0) continue;
    const headers = trimmed.slice(0, split);
    const content = trimmed.slice(split + 4);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined) continue;
    const filename = /filename="?([^";\r\n]*)"?/i.exec(headers)?.[1];
    if (filename !== undefined) files.push({ field: name, filename, size: Buffer.byteLength(content, "latin1"), bytes: new Uint8Array(Buffer.from(content, "latin1")) });
    else fields[name] = maybeJson(Buffer.from(content, "latin1").toString("utf8"));
  }
  return { fields, files };
}

export interface FakeTelegramOptions {
  token?: string;
  /**
   * Enforces a limit like Telegram's broadcast limit: at most `perSecond` send* calls in any
   * second; beyond it, 429 with `retry_after` (seconds, default 1). Refused calls are recorded too.
   */
  rateLimit?: { perSecond: number; retryAfter?: number };
}

export async function startFakeTelegram(opts: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const token = opts.token ?? DEFAULT_TOKEN;
  const bot: UserFromGetMe = {
    id: Number(token.split(":")[0]) || 123456789,
    is_bot: true,
    first_name: "Pháo Đài",
    username: "PhaoDaiBot",
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
  const calls: ApiCall[] = [];
  const listeners = new Set<(call: ApiCall) => void>();
  const failures = new Map<string, Array<FakeError | "network" | "hang">>();
  // Chats the bot left (leaveChat): it can send there no more.
  const left = new Set<string>();
  const hanging = new Set<ServerResponse>();
  const accepted: number[] = []; // times of send* calls within the last second
  let rateLimited = 0;
  let queue: Array<Record<string, unknown>> = [];
  const updateWaiters = new Set<() => void>();
  let nextMessageId = 1;
  let nextFileId = 1;

  const now = () => Math.floor(Date.now() / 1000);

  function chatOf(chatId: unknown): Record<string, unknown> {
    const id = typeof chatId === "string" && /^-?\d+$/.test(chatId) ? Number(chatId) : chatId;
    if (typeof id === "number" && id < 0) return { id, type: "supergroup", title: "Nhóm" };
    return { id, type: "private", first_name: "Người dùng" };
  }

  /** The file_id sent, or a new one for an upload (attach://…). */
  function fileField(value: unknown, field: string): string {
    if (typeof value === "string" && !value.startsWith("attach://")) return value;
    return `fake-file-${field}-${nextFileId++}`;
  }

  function sentMessage(method: string, p: Record<string, unknown>): Record<string, unknown> {
    const message: Record<string, unknown> = { message_id: nextMessageId++, date: now(), chat: chatOf(p.chat_id), from: bot };
    if (typeof p.caption === "string") message.caption = p.caption;
    if (p.reply_markup !== undefined) message.reply_markup = p.reply_markup;
    if (p.protect_content === true || p.protect_content === "true") message.has_protected_content = true;
    switch (method) {
      case "sendMessage":
      case "editMessageText":
        message.text = p.text;
        break;
      case "sendPhoto": {
        const file_id = fileField(p.photo, "photo");
        message.photo = [
          { file_id: `${file_id}-s`, file_unique_id: `u-${file_id}-s`, width: 90, height: 90 },
          { file_id, file_unique_id: `u-${file_id}`, width: 1280, height: 960 },
        ];
        break;
      }
      case "sendVideo":
        message.video = { file_id: fileField(p.video, "video"), file_unique_id: "u-v", width: 640, height: 480, duration: 3 };
        break;
      case "sendVoice":
        message.voice = { file_id: fileField(p.voice, "voice"), file_unique_id: "u-vo", duration: 3 };
        break;
      case "sendAudio":
        message.audio = { file_id: fileField(p.audio, "audio"), file_unique_id: "u-a", duration: 3 };
        break;
      case "sendDocument":
        message.document = { file_id: fileField(p.document, "document"), file_unique_id: "u-d" };
        break;
      case "sendLocation":
        message.location = { latitude: Number(p.latitude), longitude: Number(p.longitude) };
        break;
      case "copyMessage":
        return { message_id: message.message_id };
    }
    return message;
  }

  function respond(res: ServerResponse, status: number, body: unknown): void {
    if (res.destroyed || res.writableEnded) return;
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    res.end(text);
  }

  function fail(res: ServerResponse, error: FakeError): void {
    respond(res, error.error_code, { ok: false, ...error });
  }

  async function getUpdates(p: Record<string, unknown>, req: IncomingMessage): Promise<unknown[]> {
    const offset = Number(p.offset ?? 0);
    if (Number.isFinite(offset) && offset > 0) queue = queue.filter((u) => Number(u.update_id) >= offset);
    const limit = Math.min(Math.max(Number(p.limit ?? 100) || 100, 1), 100);
    const waitMs = Math.min(Math.max(Number(p.timeout ?? 0) || 0, 0) * 1000, MAX_LONG_POLL_MS);
    if (queue.length === 0 && waitMs > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          updateWaiters.delete(done);
          req.off("close", done);
          resolve();
        };
        const timer = setTimeout(done, waitMs);
        updateWaiters.add(done);
        req.on("close", done);
      });
    }
    return queue.slice(0, limit);
  }

  const fileContents = new Map<string, Uint8Array>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const download = /^\/file\/bot([^/]+)\/files\/([A-Za-z0-9_-]+)$/.exec(req.url ?? "");
    if (download && req.method === "GET") {
      const bytes = download[1] === token ? fileContents.get(download[2]!) : undefined;
      if (!bytes) return fail(res, { error_code: 404, description: "Not Found" });
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": bytes.length });
      res.end(Buffer.from(bytes));
      return;
    }
    const match = /^\/bot([^/]+)\/([A-Za-z]+)\/?(?:\?.*)?$/.exec(req.url ?? "");
    const body = await readBody(req);
    if (!match) return fail(res, { error_code: 404, description: "Not Found" });
    const [, callToken, method] = match as unknown as [string, string, string];

    const type = req.headers["content-type"] ?? "";
    let payload: Record<string, unknown> = {};
    let files: ApiCall["files"] = [];
    let multipart = false;
    if (type.startsWith("multipart/form-data")) {
      multipart = true;
      const boundary = /boundary=("?)([^";]+)\1/i.exec(type)?.[2] ?? "";
      ({ fields: payload, files } = parseMultipart(body, boundary));
    } else if (type.startsWith("application/x-www-form-urlencoded")) {
      for (const [k, v] of new URLSearchParams(body.toString("utf8"))) payload[k] = maybeJson(v);
    } else if (body.length > 0) {
      try {
        const parsed: unknown = JSON.parse(body.toString("utf8"));
        if (typeof parsed === "object" && parsed !== null) payload = parsed as Record<string, unknown>;
      } catch {
        return fail(res, { error_code: 400, description: "Bad Request: can't parse JSON" });
      }
    }

    const call: ApiCall = { method, token: callToken, payload, multipart, files, at: Date.now() };
    calls.push(call);
    for (const listener of [...listeners]) listener(call);

    if (callToken !== token) return fail(res, { error_code: 401, description: "Unauthorized" });

    const scripted = failures.get(method);
    const failure = scripted?.shift();
    if (scripted && scripted.length === 0) failures.delete(method);
    if (failure === "network") {
      req.socket.destroy();
      return;
    }
    if (failure === "hang") {
      hanging.add(res); // answered never; dropped at close()
      return;
    }
    if (failure) return fail(res, failure);
    if (opts.rateLimit && method.startsWith("send")) {
      const now = Date.now();
      while (accepted.length > 0 && accepted[0]! <= now - 1_000) accepted.shift();
      if (accepted.length >= opts.rateLimit.perSecond) {
        rateLimited++;
        return fail(res, TOO_MANY_REQUESTS(opts.rateLimit.retryAfter ?? 1));
      }
      accepted.push(now);
    }

    const ok = (result: unknown) => {
      call.result = result;
      respond(res, 200, { ok: true, result });
    };
    switch (method) {
      case "getMe":
        return ok(bot);
      case "getFile": {
        const fileId = String(payload.file_id ?? "");
        const bytes = fileContents.get(fileId);
        if (!bytes) return fail(res, { error_code: 400, description: "Bad Request: invalid file_id" });
        return ok({ file_id: fileId, file_unique_id: `u-${fileId}`, file_size: bytes.length, file_path: `files/${fileId}` });
      }
      case "getUpdates":
        return ok(await getUpdates(payload, req));
      case "setWebhook":
      case "deleteWebhook":
      case "answerCallbackQuery":
      case "setMyCommands":
      case "deleteMyCommands":
      case "deleteMessage":
      case "sendChatAction":
        return ok(true);
      case "getWebhookInfo":
        return ok({ url: "", has_custom_certificate: false, pending_update_count: queue.length });
      case "leaveChat":
        if (payload.chat_id === undefined || payload.chat_id === "") return fail(res, { error_code: 400, description: "Bad Request: chat_id is empty" });
        if (left.has(String(payload.chat_id))) return fail(res, NOT_A_MEMBER);
        left.add(String(payload.chat_id));
        return ok(true);
      case "sendMessage":
      case "sendPhoto":
      case "sendVideo":
      case "sendVoice":
      case "sendAudio":
      case "sendDocument":
      case "sendLocation":
      case "copyMessage":
      case "forwardMessage":
        if (payload.chat_id === undefined || payload.chat_id === "") return fail(res, { error_code: 400, description: "Bad Request: chat_id is empty" });
        if (left.has(String(payload.chat_id))) return fail(res, NOT_A_MEMBER);
        if (method === "sendMessage" && (typeof payload.text !== "string" || payload.text.trim() === "")) {
          return fail(res, { error_code: 400, description: "Bad Request: message text is empty" });
        }
        if (method === "sendMessage" && (payload.text as string).length > 4096) {
          return fail(res, { error_code: 400, description: "Bad Request: message is too long" });
        }
        if (typeof payload.caption === "string" && payload.caption.length > 1024) {
          return fail(res, { error_code: 400, description: "Bad Request: message caption is too long" });
        }
        return ok(sentMessage(method, payload));
      default:
        return fail(res, { error_code: 404, description: "Not Found: method not found" });
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => respond(res, 500, { ok: false, error_code: 500, description: "Internal Server Error" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    bot,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    waitFor(predicate, timeoutMs = 5_000) {
      const found = calls.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise<ApiCall>((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`fake Telegram: no matching call within ${timeoutMs} ms (calls: ${calls.map((c) => c.method).join(", ")})`));
        }, timeoutMs);
        const listener = (call: ApiCall) => {
          if (!predicate(call)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(call);
        };
        listeners.add(listener);
      });
    },
    enqueueUpdate(update) {
      queue.push(update as Record<string, unknown>);
      for (const wake of [...updateWaiters]) wake();
    },
    pendingUpdates: () => queue.length,
    rateLimited: () => rateLimited,
    failNext(method, failure, times = 1) {
      const list = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) list.push(failure);
      failures.set(method, list);
    },
    setFileContent(fileId, bytes) {
      fileContents.set(fileId, bytes);
    },
    reset() {
      calls.length = 0;
      left.clear();
      failures.clear();
      queue = [];
    },
    async close() {
      for (const wake of [...updateWaiters]) wake();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

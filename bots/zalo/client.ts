// A small typed client for the Zalo Official Account Open API and its OAuth server. Every answer
// is checked with zod; Zalo reports errors with HTTP 200, so `error` is always read. Web APIs only
// (fetch, FormData, Blob): the same client runs on Node and Workers.
import { z } from "zod";
import { DEFAULT_RATE_LIMIT_WAIT_SECONDS, parseRetryAfter } from "../../src/util/retry-after.js";
import type { Logger } from "../../src/log.js";
import { REFRESH_MARGIN_MS, type TokenPair, type TokenStore } from "./tokens.js";
import { TOKEN_CODES } from "./errors.js";

const REFRESH_TOKEN_LIFETIME_MS = 90 * 86_400_000;
const REQUEST_TIMEOUT_MS = 15_000;

/** Zalo answered with an error code (HTTP 200 and `error` ≠ 0). */
export class ZaloApiError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(`zalo ${code}: ${message}`.slice(0, 300));
    this.name = "ZaloApiError";
  }
}

/** The HTTP exchange itself failed (network, non-2xx, unreadable answer): worth retrying. */
export class ZaloHttpError extends Error {
  override name = "ZaloHttpError";
  constructor(
    message: string,
    /** An HTTP-level rate limit (429, or 503 with Retry-After): how long the whole channel should wait. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}


/** No usable token: an administrator must authorise the OA (zalo-consent, zalo-token). */
export class ZaloTokenError extends Error {
  override name = "ZaloTokenError";
}

const envelope = z.object({ error: z.coerce.number().int(), message: z.string().optional(), data: z.unknown().optional() });
const sentData = z.object({ message_id: z.string().min(1) }).loose();
const imageData = z.object({ attachment_id: z.string().min(1) }).loose();
const fileData = z.object({ token: z.string().min(1) }).loose();
// Article calls (docs/zalo-reach.md §2–3): create answers a token; verify the id, read as `id` or `article_id`.
const articleToken = z.object({ token: z.string().min(1) }).loose();
const articleId = z
  .object({ id: z.string().min(1).optional(), article_id: z.string().min(1).optional() })
  .loose()
  .refine((d) => d.id !== undefined || d.article_id !== undefined)
  .transform((d) => (d.id ?? d.article_id)!);
const oaInfo = z.object({ num_follower: z.coerce.number().int().nonnegative().optional() }).loose();
const lifetime = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(Number);
const oauthOk = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: lifetime,
  refresh_token_expires_in: lifetime.optional(),
});
const oauthError = z.object({
  error: z.coerce.number().int(),
  error_name: z.string().optional(),
  error_reason: z.string().optional(),
  error_description: z.string().optional(),
});

export interface ZaloOaClientOptions {
  appId: string;
  appSecret: string;
  /** https://openapi.zalo.me, or a local fake in tests. */
  apiRoot: string;
  /** https://oauth.zaloapp.com, or a local fake in tests. */
  oauthRoot: string;
  tokens: TokenStore;
  now?: () => Date;
  fetch?: typeof fetch;
  log?: Logger;
  /** Test hook: runs after Zalo answered a token request, before the new pair is written (crash injection). */
  afterTokenAnswer?: () => void | Promise<void>;
}

export type ImageSource = { url: string } | { attachmentId: string };

function joinUrl(root: string, path: string): string {
  return root.replace(/\/+$/, "") + path;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ZaloOaClient {
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => Date;

  constructor(private readonly opts: ZaloOaClientOptions) {
    this.fetchImpl = opts.fetch ?? ((input, init) => fetch(input, init));
    this.now = opts.now ?? (() => new Date());
  }

  /** The link an OA administrator opens to grant the app access (first authorisation). */
  consentUrl(redirectUri: string, state: string): string {
    const url = new URL(joinUrl(this.opts.oauthRoot, "/v4/oa/permission"));
    url.searchParams.set("app_id", this.opts.appId);
    url.searchParams.set("redirect_uri", redirectUri);
    url.searchParams.set("state", state);
    return url.toString();
  }

  /** Exchanges an authorisation code for the first pair and stores it. */
  async exchangeCode(code: string): Promise<TokenPair> {
    const pair = await this.tokenRequest({ grant_type: "authorization_code", code });
    await this.opts.afterTokenAnswer?.();
    await this.opts.tokens.saveAuthorised(pair, this.now());
    return pair;
  }

  private async tokenRequest(params: Record<string, string>): Promise<TokenPair> {
    const body = new URLSearchParams({ app_id: this.opts.appId, ...params });
    const json = await this.exchange(joinUrl(this.opts.oauthRoot, "/v4/oa/access_token"), {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", secret_key: this.opts.appSecret },
      body,
    });
    const ok = oauthOk.safeParse(json);
    if (ok.success) {
      const now = this.now().getTime();
      return {
        accessToken: ok.data.access_token,
        refreshToken: ok.data.refresh_token,
        accessExpiresAt: new Date(now + ok.data.expires_in * 1000),
        refreshExpiresAt: new Date(now + (ok.data.refresh_token_expires_in ? ok.data.refresh_token_expires_in * 1000 : REFRESH_TOKEN_LIFETIME_MS)),
      };
    }
    const failed = oauthError.safeParse(json);
    if (failed.success) throw new ZaloApiError(failed.data.error, failed.data.error_name ?? failed.data.error_description ?? "token request refused");
    throw new ZaloHttpError("zalo oauth: unexpected answer");
  }

  private async exchange(url: string, init: RequestInit): Promise<unknown> {
    let response: Response;
    try {
      response = await this.fetchImpl(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    } catch (error) {
      throw new ZaloHttpError(`zalo network: ${error instanceof Error ? error.name : "error"}`);
    }
    if (!response.ok) {
      const told = parseRetryAfter(response.headers.get("retry-after"), this.now());
      const wait = response.status === 429 ? (told ?? DEFAULT_RATE_LIMIT_WAIT_SECONDS) : response.status === 503 ? told : undefined;
      throw new ZaloHttpError(`zalo http ${response.status}`, wait);
    }
    try {
      return await response.json();
    } catch {
      throw new ZaloHttpError("zalo: answer is not JSON");
    }
  }

  /**
   * A usable access token: the stored one while it has more than the margin left, else a fresh one.
   * `force` (after -216/-220) refreshes unless someone already replaced `staleToken`.
   */
  async accessToken(force = false, staleToken?: string): Promise<string> {
    const { tokens, log } = this.opts;
    const pair = await tokens.load();
    if (!pair) throw new ZaloTokenError("zalo: no token stored; authorise the OA (npm run admin -- zalo-consent)");
    const now = this.now();
    const accessValid = pair.accessExpiresAt.getTime() > now.getTime();
    if (force ? staleToken !== undefined && staleToken !== pair.accessToken : pair.accessExpiresAt.getTime() - now.getTime() > REFRESH_MARGIN_MS) {
      return pair.accessToken;
    }
    const usable = () => {
      if (accessValid && !force) return pair.accessToken;
      throw new ZaloTokenError("zalo: access token expired and could not be refreshed");
    };
    if (pair.lastError && !force) return usable(); // the refresh token was refused: waiting for an administrator
    if (!(await tokens.claimRefresh(pair.generation, now))) {
      // Another process is refreshing: wait briefly for its pair, else keep the current token.
      for (let i = 0; i < 6; i++) {
        await sleep(250);
        const fresh = await tokens.load();
        if (fresh && fresh.generation > pair.generation) return fresh.accessToken;
      }
      return usable();
    }
    let next: TokenPair;
    try {
      next = await this.tokenRequest({ grant_type: "refresh_token", refresh_token: pair.refreshToken });
    } catch (error) {
      if (error instanceof ZaloApiError) {
        log?.error("zalo.token.reauth_needed", { code: error.code });
        await tokens.markFailed(pair.generation, error.message, now);
      } else {
        log?.warn("zalo.token.refresh_failed", { error: error instanceof Error ? error.name : "error" });
        await tokens.markFailed(pair.generation, null, now);
      }
      return usable();
    }
    await this.opts.afterTokenAnswer?.();
    // Stored (one statement, both tokens) before the new access token is used anywhere. A failing
    // write is retried: this answer holds the only valid refresh token.
    await this.save(pair.generation, next);
    return next.accessToken;
  }

  private async save(generation: number, next: TokenPair): Promise<void> {
    const { tokens, log } = this.opts;
    for (let attempt = 1; ; attempt++) {
      try {
        const saved = await tokens.saveRefreshed(generation, next, this.now());
        if (!saved) log?.error("zalo.token.save_conflict", { generation });
        else log?.info("zalo.token.refreshed", { generation: generation + 1 });
        return;
      } catch (error) {
        log?.error("zalo.token.save_failed", { attempt, error: error instanceof Error ? error.name : "error" });
        if (attempt >= 5) throw error;
        await sleep(200 * 2 ** attempt);
      }
    }
  }

  /** One Open API call with the token header; on -216/-220 the token is refreshed and the call retried once. */
  private async call<T>(schema: z.ZodType<T>, request: (token: string) => { path: string; init: RequestInit }): Promise<T> {
    let token = await this.accessToken();
    for (let attempt = 0; ; attempt++) {
      const { path, init } = request(token);
      const headers = new Headers(init.headers);
      headers.set("access_token", token);
      const json = await this.exchange(joinUrl(this.opts.apiRoot, path), { ...init, headers });
      const parsed = envelope.safeParse(json);
      if (!parsed.success) throw new ZaloHttpError("zalo: unexpected answer");
      if (parsed.data.error === 0) {
        const data = schema.safeParse(parsed.data.data);
        if (!data.success) throw new ZaloHttpError("zalo: unexpected data in answer");
        return data.data;
      }
      if (attempt === 0 && (TOKEN_CODES as readonly number[]).includes(parsed.data.error)) {
        token = await this.accessToken(true, token);
        continue;
      }
      throw new ZaloApiError(parsed.data.error, parsed.data.message ?? "");
    }
  }

  private message(userId: string, message: Record<string, unknown>) {
    return this.call(sentData, () => ({
      path: "/v3.0/oa/message/cs",
      init: { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ recipient: { user_id: userId }, message }) },
    }));
  }

  /** A consultation message (text ≤ 2,000 characters). Returns Zalo's message id. */
  async sendText(userId: string, text: string): Promise<string> {
    return (await this.message(userId, { text })).message_id;
  }

  async sendImage(userId: string, image: ImageSource, caption?: string): Promise<string> {
    const element = "url" in image ? { media_type: "image", url: image.url } : { media_type: "image", attachment_id: image.attachmentId };
    const message: Record<string, unknown> = { attachment: { type: "template", payload: { template_type: "media", elements: [element] } } };
    if (caption) message.text = caption;
    return (await this.message(userId, message)).message_id;
  }

  async sendFile(userId: string, fileToken: string): Promise<string> {
    return (await this.message(userId, { attachment: { type: "file", payload: { token: fileToken } } })).message_id;
  }

  private upload<T>(schema: z.ZodType<T>, path: string, bytes: Uint8Array, name: string, mime: string): Promise<T> {
    return this.call(schema, () => {
      const form = new FormData();
      form.append("file", new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }), name);
      return { path, init: { method: "POST", body: form } };
    });
  }

  /** Uploads an image (≤ 1 MB reported) and returns its attachment id. */
  async uploadImage(bytes: Uint8Array, mime: string): Promise<string> {
    const ext = mime === "image/png" ? "png" : mime === "image/gif" ? "gif" : "jpg";
    return (await this.upload(imageData, "/v2.0/oa/upload/image", bytes, `image.${ext}`, mime)).attachment_id;
  }

  private post<T>(schema: z.ZodType<T>, path: string, body: unknown): Promise<T> {
    return this.call(schema, () => ({ path, init: { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) } }));
  }

  /** Creates a normal article (shown on the OA's page at once); returns the token that verify turns into its id. */
  async createArticle(article: { title: string; author: string; description: string; coverUrl: string; paragraphs: string[] }): Promise<string> {
    const body = {
      type: "normal",
      title: article.title,
      author: article.author,
      cover: { cover_type: "photo", photo_url: article.coverUrl, status: "show" },
      description: article.description,
      body: article.paragraphs.map((content) => ({ type: "text", content })),
      status: "show",
      comment: "show",
    };
    return (await this.post(articleToken, "/v2.0/article/create", body)).token;
  }

  /** The article's id once Zalo processed it (error -214 while it has not). */
  async verifyArticle(token: string): Promise<string> {
    return this.post(articleId, "/v2.0/article/verify", { token });
  }

  /** Broadcasts an article to every follower (a target of "all genders" means everyone). Returns the message id. */
  async broadcastArticle(id: string): Promise<string> {
    const message = { attachment: { type: "template", payload: { template_type: "media", elements: [{ media_type: "article", attachment_id: id }] } } };
    return (await this.post(sentData, "/v2.0/oa/message", { recipient: { target: { gender: "0" } }, message })).message_id;
  }

  /** The OA's follower count, when Zalo gives it. */
  async followerCount(): Promise<number | null> {
    const data = await this.call(oaInfo, () => ({ path: "/v2.0/oa/getoa", init: { method: "GET" } }));
    return data.num_follower ?? null;
  }

  /** Uploads a file (≤ 5 MB reported) under a neutral name and returns its token. */
  async uploadFile(bytes: Uint8Array, name: string, mime: string): Promise<string> {
    return (await this.upload(fileData, "/v2.0/oa/upload/file", bytes, name, mime)).token;
  }
}

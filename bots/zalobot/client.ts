// A small typed client for the Zalo Bot platform (Telegram-like): POST <root>/bot<TOKEN>/<method>,
// answers {ok:true,result} or {ok:false,error_code,description}, checked with zod. Web APIs only.
import { z } from "zod";
import { parseRetryAfter, RETRY_AFTER_CAP_SECONDS } from "../../src/util/retry-after.js";

export class ZaloBotApiError extends Error {
  constructor(
    readonly code: number,
    description: string,
    /** A rate limit's wait, from `parameters.retry_after` (Telegram-style) or the HTTP Retry-After header. */
    readonly retryAfterSeconds?: number,
  ) {
    super(`zalobot ${code}: ${description}`.slice(0, 300));
    this.name = "ZaloBotApiError";
  }
}

export class ZaloBotHttpError extends Error {
  override name = "ZaloBotHttpError";
}

const answer = z.union([
  z.object({ ok: z.literal(true), result: z.unknown().optional() }),
  z.object({
    ok: z.literal(false),
    error_code: z.coerce.number().int(),
    description: z.string().optional(),
    parameters: z.object({ retry_after: z.coerce.number().int().positive().optional() }).loose().optional().catch(undefined),
  }),
]);
const sent = z.object({ message_id: z.union([z.string(), z.number()]).transform(String) }).loose();

export interface ZaloBotClientOptions {
  token: string;
  /** https://bot-api.zaloplatforms.com, or a local fake in tests. */
  apiRoot: string;
  fetch?: typeof fetch;
}

export class ZaloBotClient {
  private readonly fetchImpl: typeof fetch;
  constructor(private readonly opts: ZaloBotClientOptions) {
    this.fetchImpl = opts.fetch ?? ((input, init) => fetch(input, init));
  }

  async call(method: string, params: Record<string, unknown> = {}, signal?: AbortSignal): Promise<unknown> {
    const url = `${this.opts.apiRoot.replace(/\/+$/, "")}/bot${this.opts.token}/${method}`;
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(params),
        signal: signal ?? AbortSignal.timeout(40_000),
      });
    } catch (error) {
      // Never the URL: it holds the token.
      throw new ZaloBotHttpError(`zalobot network: ${error instanceof Error ? error.name : "error"}`);
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new ZaloBotHttpError(`zalobot http ${response.status}: answer is not JSON`);
    }
    const parsed = answer.safeParse(json);
    if (!parsed.success) throw new ZaloBotHttpError(`zalobot http ${response.status}: unexpected answer`);
    if (!parsed.data.ok) {
      const told = parsed.data.parameters?.retry_after ?? parseRetryAfter(response.headers.get("retry-after"), new Date());
      throw new ZaloBotApiError(parsed.data.error_code, parsed.data.description ?? "", told === undefined ? undefined : Math.min(told, RETRY_AFTER_CAP_SECONDS));
    }
    return parsed.data.result;
  }

  async sendMessage(chatId: string, text: string): Promise<string> {
    const result = sent.safeParse(await this.call("sendMessage", { chat_id: chatId, text }));
    if (!result.success) throw new ZaloBotHttpError("zalobot: unexpected sendMessage result");
    return result.data.message_id;
  }

  async sendPhoto(chatId: string, photoUrl: string, caption?: string): Promise<string> {
    const result = sent.safeParse(await this.call("sendPhoto", { chat_id: chatId, photo: photoUrl, ...(caption ? { caption } : {}) }));
    if (!result.success) throw new ZaloBotHttpError("zalobot: unexpected sendPhoto result");
    return result.data.message_id;
  }

  setWebhook(url: string, secretToken: string): Promise<unknown> {
    return this.call("setWebhook", { url, secret_token: secretToken });
  }

  deleteWebhook(): Promise<unknown> {
    return this.call("deleteWebhook");
  }

  /** One update (or none) by long polling. */
  getUpdates(timeoutSeconds: number, signal?: AbortSignal): Promise<unknown> {
    return this.call("getUpdates", { timeout: timeoutSeconds }, signal);
  }
}

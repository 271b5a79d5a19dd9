// The one mapping from a refused request to its HTTP answer (src/http/answers.ts), as every webhook
// and the web chat give it: status, body and Retry-After, and the size limit by length or by stream.
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { limitBody, parseJsonObject, refuse, requireSecret, retryLaterOnError, type Refusal } from "../../src/http/answers.js";

async function answer(why: Refusal, body?: object) {
  const app = new Hono().get("/", (c) => refuse(c, why, body));
  const res = await app.request("/");
  return { status: res.status, body: await res.text(), retryAfter: res.headers.get("Retry-After") };
}

describe("refusals", () => {
  it.each<[Refusal, object | undefined, number, string, string | null]>([
    ["unauthenticated", undefined, 401, "", null],
    ["unauthenticated", { error: "phiên hết hạn", session: true }, 401, '{"error":"phiên hết hạn","session":true}', null],
    ["malformed", undefined, 400, '{"ok":false}', null],
    ["malformed", { error: "sai" }, 400, '{"error":"sai"}', null],
    ["too_large", undefined, 413, '{"ok":false}', null],
    ["retry_later", undefined, 503, '{"ok":false}', "5"],
    ["retry_later", { error: "temporarily unavailable" }, 503, '{"error":"temporarily unavailable"}', "5"],
  ])("%s with %j → %i %s", async (why, body, status, text, retryAfter) => {
    expect(await answer(why, body)).toEqual({ status, body: text, retryAfter });
  });

  it("answers an unexpected failure 503, logging only the error's class", async () => {
    const lines: string[] = [];
    const log = { debug: () => {}, info: () => {}, warn: () => {}, error: (e: string, f?: object) => lines.push(JSON.stringify({ e, ...f })) };
    const app = new Hono().get("/", () => {
      throw new TypeError("secret text of a tipster");
    });
    app.onError(retryLaterOnError(log, "x.webhook.error"));
    const res = await app.request("/");
    expect(res.status).toBe(503);
    expect(lines).toEqual(['{"e":"x.webhook.error","error":"TypeError"}']);
  });
});

describe("webhook guards", () => {
  const app = new Hono().post("/", requireSecret("X-Secret", "s3cret"), limitBody(16), async (c) => c.text(await c.req.text()));
  const post = (body: BodyInit, headers: Record<string, string> = { "X-Secret": "s3cret" }) => app.request(new Request("http://x/", { method: "POST", body, headers, duplex: "half" } as RequestInit));
  const stream = (bytes: number) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes; i += 4) controller.enqueue(new Uint8Array(4).fill(0x61));
        controller.close();
      },
    });
  it.each<[string, () => Response | Promise<Response>, number]>([
    ["the secret, within the limit", () => post("0123456789abcdef"), 200],
    ["no secret, before the body is read", () => post("x".repeat(100), {}), 401],
    ["a wrong secret", () => post("{}", { "X-Secret": "s3creT" }), 401],
    ["over the limit by its length", () => post("x".repeat(17)), 413],
    ["over the limit while streaming", () => post(stream(64)), 413],
    ["a stream within the limit", () => post(stream(16)), 200],
  ])("%s → %i", async (_name, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    if (status === 413) expect(await res.json()).toEqual({ ok: false });
  });
  it("accepts nothing with an empty secret", async () => {
    const open = new Hono().post("/", requireSecret("X-Secret", ""), (c) => c.text("in"));
    expect((await open.request("/", { method: "POST", headers: { "X-Secret": "" } })).status).toBe(401);
  });
});

describe("JSON objects", () => {
  it.each<[string, Record<string, unknown> | null]>([
    ['{"update_id":1}', { update_id: 1 }],
    ["{}", {}],
    ["[]", null],
    ["null", null],
    ["42", null],
    ['"x"', null],
    ["{not json", null],
    ["", null],
  ])("%j → %j", (text, expected) => {
    expect(parseJsonObject(text)).toEqual(expected);
  });
});

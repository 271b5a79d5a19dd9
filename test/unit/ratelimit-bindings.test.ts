// The Workers rate limiting bindings (wrangler.toml [[ratelimits]]): their limits are fixed there, so
// they must equal the settings' defaults; and the binding limiter passes the keyed tag and Cloudflare's answer.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bindingMinuteLimiter } from "../../src/tips/limits.js";
import { MESSAGES_PER_MINUTE } from "../../bots/webchat/api.js";
import { DEFAULT_TIPS_PER_NETWORK_PER_MINUTE } from "../../src/app.js";

/** The [[ratelimits]] tables of wrangler.toml: name, namespace_id and the inline `simple` table. */
function rateLimits(toml: string): { name: string; namespaceId: string; simple: { limit: number; period: number } }[] {
  return toml
    .split(/^\[\[ratelimits\]\]$/m)
    .slice(1)
    .map((block) => {
      const body = block.split(/^\[/m)[0]!;
      const simple = /^simple = \{ limit = (\d+), period = (\d+) \}$/m.exec(body);
      return { name: /^name = "(\w+)"$/m.exec(body)?.[1] ?? "", namespaceId: /^namespace_id = "(\d+)"$/m.exec(body)?.[1] ?? "", simple: { limit: Number(simple?.[1]), period: Number(simple?.[2]) } };
    });
}
const ratelimits = rateLimits(readFileSync(new URL("../../wrangler.toml", import.meta.url), "utf8"));

describe("wrangler.toml's rate limiting bindings", () => {
  const cases = [
    { name: "WEB_TIP_LIMITER", limit: DEFAULT_TIPS_PER_NETWORK_PER_MINUTE },
    { name: "WEB_MESSAGE_LIMITER", limit: MESSAGES_PER_MINUTE },
  ];
  it("reads both tables", () => expect(ratelimits.map((r) => r.name).sort()).toEqual(cases.map((c) => c.name).sort()));
  for (const c of cases) {
    it(`${c.name} holds the default, ${c.limit} a minute`, () => {
      expect(ratelimits.find((r) => r.name === c.name)?.simple).toEqual({ limit: c.limit, period: 60 });
    });
  }
  it("gives each binding a namespace of its own (a shared one would count two limits together)", () => {
    const ids = ratelimits.map((r) => r.namespaceId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("bindingMinuteLimiter", () => {
  const cases = [
    { name: "allowed while Cloudflare says success", answers: [true, true], expected: [true, true] },
    { name: "refused once Cloudflare says over", answers: [true, false], expected: [true, false] },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const keys: string[] = [];
      const answers = [...c.answers];
      const limiter = bindingMinuteLimiter({ limit: async ({ key }) => (keys.push(key), { success: answers.shift()! }) });
      const got = [];
      for (let i = 0; i < c.answers.length; i++) got.push(await limiter.allow(`tag-${i}`, new Date(0)));
      expect(got).toEqual(c.expected);
      expect(keys).toEqual(c.answers.map((_, i) => `tag-${i}`));
    });
  }
});

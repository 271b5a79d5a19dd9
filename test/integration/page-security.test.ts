// Every page is served under one Content-Security-Policy (issue 10): no inline script or style,
// nothing framed, no plugins, no <base>; the web chat's script and style come from this site.
// Media downloads keep their stricter sandbox policy. Real app; Chromium checks the same in
// test/browser/webchat.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.js";
import { standbyApp } from "../../src/db/node-standby.js";

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => h.close());

function directives(policy: string | null): Map<string, string> {
  return new Map((policy ?? "").split(";").map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1).join(" ")]));
}

describe("Content-Security-Policy", () => {
  it("serves the web chat page with a policy that forbids inline code", async () => {
    const res = await h.app.request("/");
    const policy = directives(res.headers.get("content-security-policy"));
    expect(policy.get("default-src")).toBe("'none'");
    expect(policy.get("script-src")).toBe("'self'");
    expect(policy.get("style-src")).toBe("'self'");
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("base-uri")).toBe("'none'");
    expect(policy.get("frame-ancestors")).toBe("'none'");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    const html = await res.text();
    // The only <script> without src is the page's text as JSON (a data block, never run).
    for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\bsrc="\/webchat\/|type="application\/json"/);
    expect(html).not.toMatch(/<style\b/);
    expect(html).not.toMatch(/\son[a-z]+=/);
  });

  it("serves the page's script and style as files of the site", async () => {
    const html = await (await h.app.request("/")).text();
    const script = /<script src="([^"]+)"/.exec(html)![1]!;
    const style = /<link rel="stylesheet" href="([^"]+)"/.exec(html)![1]!;
    const js = await h.app.request(script);
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toContain("javascript");
    expect(await js.text()).toContain("/webchat/api/send");
    const css = await h.app.request(style);
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toContain("text/css");
  });

  it("puts the same policy on JSON answers and on the storage stand-in page", async () => {
    expect(directives((await h.app.request("/health")).headers.get("content-security-policy")).get("frame-ancestors")).toBe("'none'");
    const standby = await standbyApp(() => "read_only").request("/");
    expect(standby.status).toBe(503);
    expect(directives(standby.headers.get("content-security-policy")).get("script-src")).toBe("'self'");
  });
});

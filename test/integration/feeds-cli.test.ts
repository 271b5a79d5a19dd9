// The feed link's admin command (issue 15) on a real SQLite file beside the running Node server:
// `feeds --village <code>` prints the link once, asking again prints no link, `--rotate` gives a
// new link and the old one answers 404 from the server at once.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureAdmin } from "../helpers/admin-cli.js";
import { startServer, type RunningServer } from "../../src/node.js";

const dir = mkdtempSync(join(tmpdir(), "phaodai-feeds-"));
const PUBLIC = "https://loa.example";
const env = { DATABASE_URL: `file:${join(dir, "data", "feeds.db")}`, PORT: "0", DEMO_MODE: "on", WEB_POW_MAX_NUMBER: "1000", PUBLIC_URL: PUBLIC };
let server: RunningServer;

const admin = (argv: string[], environment: Record<string, string> = env) => captureAdmin(argv, environment);

const links = (text: string) => [...text.matchAll(/https:\/\/loa\.example(\/phat\/[A-Za-z0-9_-]{43}\/(?:rss\.xml|playlist\.m3u))/g)].map((m) => m[1]!);

beforeAll(async () => {
  server = await startServer(env, { logSink: () => undefined });
  expect((await admin(["import-places", join(import.meta.dirname, "../../prisma/seed/sample-places.csv")])).code).toBe(0);
});

afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("npm run admin -- feeds", () => {
  it("issues a village's link once, rotates it, and the old link stops at once", async () => {
    const issued = await admin(["feeds", "--village", "lp-01"]);
    expect(issued.code).toBe(0);
    expect(issued.out).toContain("Đã cấp liên kết bản tin cho Thôn Lùng Phình");
    const [rss, m3u] = links(issued.out);
    expect(rss).toMatch(/\/rss\.xml$/);
    expect(m3u).toBe(rss!.replace("rss.xml", "playlist.m3u"));
    const res = await fetch(`${server.url}${rss}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<title>Bản tin phòng, chống ma túy — Thôn Lùng Phình, Lùng Phình</title>");
    expect((await fetch(`${server.url}${m3u}`)).status).toBe(200);

    const again = await admin(["feeds", "--village", "LP-01"]);
    expect(again.code).toBe(0);
    expect(again.out).toContain("đã có liên kết bản tin");
    expect(links(again.out)).toEqual([]);

    const rotated = await admin(["feeds", "--village", "LP-01", "--rotate"]);
    expect(rotated.code).toBe(0);
    expect(rotated.out).toContain("liên kết cũ ngừng hoạt động ngay");
    const [fresh] = links(rotated.out);
    expect(fresh).not.toBe(rss);
    expect((await fetch(`${server.url}${rss}`)).status).toBe(404);
    expect((await fetch(`${server.url}${fresh}`)).status).toBe(200);
  });

  it("refuses an unknown village and a missing server address with a clear line", async () => {
    const unknown = await admin(["feeds", "--village", "NO-SUCH"]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toBe("Không có thôn mã NO-SUCH.");
    const { PUBLIC_URL: _omitted, ...withoutUrl } = env;
    const noUrl = await admin(["feeds", "--village", "LP-02"], withoutUrl);
    expect(noUrl.code).toBe(2);
    expect(noUrl.err).toContain("PUBLIC_URL");
    const withUrl = await admin(["feeds", "--village", "LP-02", "--url", "https://loa.example"], withoutUrl);
    expect(withUrl.code).toBe(0);
    expect(links(withUrl.out)).toHaveLength(2);
    expect((await admin(["feeds", "--villag", "LP-02"])).code).toBe(2);
  });
});

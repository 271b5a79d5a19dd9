// The compliance admin commands, run() against a real database with collected output.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../helpers/harness.js";
import { complianceCommands } from "../../src/cli/commands/compliance.js";
import type { AdminContext } from "../../src/cli/types.js";
import { parseConfig } from "../../src/config/schema.js";
import { PNG } from "pngjs";
import { nodeFiles } from "../../src/cli/node-files.js";
import { createNodeReportRenderers } from "../../src/reports/node-renderers.js";

let h: Harness;
let dir: string;
const command = (name: string) => complianceCommands.find((c) => c.name === name)!;

function context(): AdminContext & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { db: h.db, keys: h.keys, config: parseConfig({}), out: (l) => lines.push(l), err: (l) => errors.push(l), now: () => h.clock.now, files: nodeFiles, renderers: createNodeReportRenderers(), lines, errors };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(async () => {
  h = await createHarness();
  dir = mkdtempSync(join(tmpdir(), "phaodai-cli-"));
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("figures-import", () => {
  it("imports a valid file as revisions, and again as corrections", async () => {
    const path = file("ok.csv", "\uFEFFvillage_code,month,households,households_committed,tip_box,addicts_total\nHL-01,11/2026,120,118,1,2\nhl-02,2026-11,80,80,0,\n");
    const ctx = context();
    expect(await command("figures-import").run(ctx, [path])).toBe(0);
    expect(ctx.lines).toEqual(["Đã nhập 2 dòng."]);
    const rows = await h.db.villageFigures.findMany({ orderBy: { villageId: "asc" } });
    expect(rows.map((r) => [r.month, JSON.parse(r.data), r.source, r.version])).toEqual([
      ["2026-11", { households: 120, households_committed: 118, tip_box: 1, addicts_total: 2 }, "csv", 1],
      ["2026-11", { households: 80, households_committed: 80, tip_box: 0 }, "csv", 1],
    ]);
    expect(await command("figures-import").run(context(), [path])).toBe(0);
    expect((await h.db.villageFigures.findFirstOrThrow()).version).toBe(2);
    expect(await h.db.figureRevision.count()).toBe(4);
  });

  const bad: Array<[string, string, RegExp]> = [
    ["a wrong header", "thon,thang\nHL-01,11/2026\n", /tiêu đề phải bắt đầu bằng village_code,month/],
    ["an unknown column", "village_code,month,nguoi_nghien\nHL-01,11/2026,3\n", /cột "nguoi_nghien" không có/],
    ["an unknown village", "village_code,month,households\nHL-01,11/2026,3\nXX-99,11/2026,4\n", /Dòng 3: không có thôn mã XX-99/],
    ["a bad month", "village_code,month,households\nHL-01,13/2026,3\n", /Dòng 2: tháng "13\/2026"/],
    ["a negative number", "village_code,month,households\nHL-01,11/2026,-3\n", /Dòng 2: "households" = "-3"/],
    ["more committed than households", "village_code,month,households,households_committed\nHL-01,10/2026,3,4\n", /Dòng 2: households_committed: lớn hơn/],
    ["a repeated village and month", "village_code,month,households\nHL-03,11/2026,3\nHL-03,11/2026,4\n", /Dòng 3: trùng/],
  ];
  it.each(bad)("rejects %s and writes nothing", async (_name, text, message) => {
    const before = await h.db.figureRevision.count();
    const ctx = context();
    expect(await command("figures-import").run(ctx, [file("bad.csv", text)])).toBe(1);
    expect(ctx.errors.join("\n")).toMatch(message);
    expect(await h.db.figureRevision.count()).toBe(before);
  });

  it("checks without writing on --dry-run, and explains a missing file", async () => {
    const ctx = context();
    expect(await command("figures-import").run(ctx, [file("dry.csv", "village_code,month,households\nHL-04,11/2026,9\n"), "--dry-run"])).toBe(0);
    expect(ctx.lines).toEqual(["Tệp hợp lệ: 1 dòng. (Chạy thử, chưa ghi gì.)"]);
    expect(await h.db.villageFigures.count({ where: { village: { code: "HL-04" } } })).toBe(0);
    const missing = context();
    expect(await command("figures-import").run(missing, [join(dir, "none.csv")])).toBe(1);
    expect(missing.errors[0]).toContain("Không đọc được tệp");
    expect(await command("figures-import").run(context(), [])).toBe(2);
  });
});

describe("criteria-check", () => {
  it("checks the shipped sets", async () => {
    const ctx = context();
    expect(await command("criteria-check").run(ctx, [])).toBe(0);
    expect(ctx.lines[0]).toMatch(/Bộ tiêu chí "Tiêu chí xã không ma túy \(mặc định\)": \d+ tiêu chí, hợp lệ\./);
  });

  it("checks a province file before it is added, with a clear message when malformed", async () => {
    const good = { id: "hti", province: "HTI", extends: "default", name: "Tiêu chí Hà Tĩnh", source: "Thử", override: [{ id: "addicts-below-10", threshold: { op: "<", value: 5 } }] };
    const ok = context();
    expect(await command("criteria-check").run(ok, [file("HTI.json", JSON.stringify(good))])).toBe(0);
    expect(ok.lines[0]).toContain("(tỉnh HTI)");
    const broken = context();
    const badSet = { ...good, add: [{ id: "x1", text: "Thử nghiệm", source: "Thử", formula: "nguoi_nghien < 3", threshold: { op: ">=", value: 1 }, needs: ["nguoi_nghien"] }] };
    expect(await command("criteria-check").run(broken, [file("HTI.json", JSON.stringify(badSet))])).toBe(1);
    expect(broken.errors[0]).toContain('Tệp tiêu chí HTI.json không hợp lệ: tiêu chí "x1": công thức "nguoi_nghien < 3" dùng "nguoi_nghien"');
    const notJson = context();
    expect(await command("criteria-check").run(notJson, [file("x.json", "{ oops")])).toBe(1);
    expect(notJson.errors[0]).toContain("không phải JSON");
  });
});

describe("compliance-report", () => {
  it("writes the XLSX, HTML and PNG of a commune's month", async () => {
    const ctx = context();
    const out = join(dir, "out");
    expect(await command("compliance-report").run(ctx, ["--commune", "hongloc", "--month", "11/2026", "--out", out])).toBe(0);
    for (const ext of ["xlsx", "html", "png"]) expect(existsSync(join(out, `bao-cao-hongloc-2026-11.${ext}`))).toBe(true);
    const png = PNG.sync.read(readFileSync(join(out, "bao-cao-hongloc-2026-11.png")));
    expect([png.width, png.height]).toEqual([800, 400]);
    expect(readFileSync(join(out, "bao-cao-hongloc-2026-11.html"), "utf8")).toContain("Thôn Thượng Phú");
    const bad = context();
    expect(await command("compliance-report").run(bad, ["--commune", "KHONGCO"])).toBe(1);
    expect(bad.errors[0]).toContain("Không có xã mã KHONGCO");
  });
});

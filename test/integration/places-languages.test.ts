// The places CSV with the optional bulletin-language columns, on a real SQLite file: old files stay
// valid and change nothing, new columns set communes' and villages' languages, bad ones are refused.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openNodeDatabase } from "../../src/db/node.js";
import type { Db } from "../../src/db/client.js";
import { importPlacesCsv, parsePlacesCsv, PlacesCsvError } from "../../src/places/import.js";
import { SAMPLE_PLACES_CSV } from "../../src/node.js";

const OLD = [
  "province_code,province_name,commune_code,commune_name,commune_hotline,village_code,village_name",
  "LCA,Lào Cai,LUNGPHINH,Lùng Phình,,LP-01,Thôn Lùng Phình",
  "LCA,Lào Cai,LUNGPHINH,Lùng Phình,,LP-02,Thôn Sín Chải",
].join("\n");

let dir: string;
let db: Db;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "phaodai-places-"));
  db = openNodeDatabase(`file:${join(dir, "p.db")}`);
});
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("places CSV with bulletin languages", () => {
  it("imports an old file: Vietnamese by default, no village lists", async () => {
    await importPlacesCsv(db, OLD);
    const commune = await db.commune.findUniqueOrThrow({ where: { code: "LUNGPHINH" }, include: { villages: true } });
    expect(commune.languages).toBe("vie");
    expect(commune.villages.map((v) => v.languages)).toEqual([null, null]);
  });

  it("sets languages from the optional columns (names or codes, Vietnamese always kept for the commune)", async () => {
    const text = [
      "province_code,province_name,commune_code,commune_name,commune_hotline,village_code,village_name,village_languages,commune_languages",
      'LCA,Lào Cai,LUNGPHINH,Lùng Phình,,LP-01,Thôn Lùng Phình,,"hnj"',
      'LCA,Lào Cai,LUNGPHINH,Lùng Phình,,LP-02,Thôn Sín Chải,"Mông, tiếng Việt",hnj',
    ].join("\n");
    await importPlacesCsv(db, text);
    const commune = await db.commune.findUniqueOrThrow({ where: { code: "LUNGPHINH" }, include: { villages: { orderBy: { code: "asc" } } } });
    expect(commune.languages).toBe("vie,hnj");
    expect(commune.villages.map((v) => v.languages)).toEqual([null, "hnj,vie"]);
  });

  it("re-importing the old file changes no language", async () => {
    await importPlacesCsv(db, OLD);
    const commune = await db.commune.findUniqueOrThrow({ where: { code: "LUNGPHINH" }, include: { villages: { orderBy: { code: "asc" } } } });
    expect(commune.languages).toBe("vie,hnj");
    expect(commune.villages[1]!.languages).toBe("hnj,vie");
  });

  it.each([
    ["an unknown language, with its line", `${OLD.split("\n")[0]},village_languages\nLCA,Lào Cai,LUNGPHINH,Lùng Phình,,LP-01,Thôn A,klingon`, /Dòng 2: .*klingon/],
    ["an unknown column", `${OLD.split("\n")[0]},favourite_food\nLCA,Lào Cai,LUNGPHINH,Lùng Phình,,LP-01,Thôn A,phở`, /favourite_food/],
    ["a repeated column", `${OLD.split("\n")[0]},village_languages,village_languages\nLCA,Lào Cai,X1,X,,LP-01,Thôn A,vie,vie`, /village_languages/],
    ["a short row", `${OLD.split("\n")[0]},village_languages\nLCA,Lào Cai,LUNGPHINH,Lùng Phình,,LP-01,Thôn A`, /cần 8 cột/],
  ])("refuses %s", (_name, text, message) => {
    expect(() => parsePlacesCsv(text)).toThrow(PlacesCsvError);
    expect(() => parsePlacesCsv(text)).toThrow(message);
  });

  it("the sample file gives the highland communes their languages", () => {
    const rows = parsePlacesCsv(readFileSync(SAMPLE_PLACES_CSV, "utf8"));
    expect(rows.find((r) => r.communeCode === "LUNGPHINH")!.communeLanguages).toEqual(["vie", "hnj"]);
    expect(rows.find((r) => r.villageCode === "NX-01")!.villageLanguages).toEqual(["blt", "vie"]);
    expect(rows.find((r) => r.communeCode === "HONGLOC")!.communeLanguages).toEqual(["vie"]);
  });
});

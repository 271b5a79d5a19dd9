// More sample places for tests that need several communes of one province (the sample has one each).
import type { Db } from "../../src/db/client.js";
import { importPlacesCsv } from "../../src/places/import.js";

const HEADER = "province_code,province_name,commune_code,commune_name,commune_hotline,village_code,village_name,commune_languages,village_languages";
const HA_TINH: Record<string, string> = {
  CANLOC: "HTI,Hà Tĩnh,CANLOC,Can Lộc,,CL-01,Thôn Trung Lương,vie,",
  THIENLOC: "HTI,Hà Tĩnh,THIENLOC,Thiên Lộc,,TL-01,Thôn Tiến Thành,vie,",
};

/** Adds Can Lộc and (unless only it is asked for) Thiên Lộc to Hà Tĩnh, beside the sample's Hồng Lộc. */
export async function addHaTinhCommunes(db: Db, codes: (keyof typeof HA_TINH)[] = ["CANLOC", "THIENLOC"]): Promise<void> {
  await importPlacesCsv(db, [HEADER, ...codes.map((c) => HA_TINH[c]!)].join("\n"));
}

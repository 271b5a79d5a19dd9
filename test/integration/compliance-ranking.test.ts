// Province-scoped admins (since July 2025: province → commune): invitations with a province,
// the ranking of a province's communes by criteria met, and scope across provinces.
import { monthOf } from "../../src/util/vietnam-time.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type WebClient } from "../helpers/harness.js";
import { importPlacesCsv } from "../../src/places/import.js";
import { createInvitation, InvitationError } from "../../src/staff/invitations.js";
import { FIGURE_FIELDS } from "../../src/compliance/fields.js";
import { defaultComplianceDeps, saveFigures } from "../../src/compliance/service.js";

let h: Harness;
let provinceAdmin: WebClient;
let nationalAdmin: WebClient;
const texts = (list: { text: string }[]) => list.map((m) => m.text).join("\n");

const good = (over: Record<string, number> = {}) => ({
  ...Object.fromEntries(FIGURE_FIELDS.map((f) => [f.id, 0])),
  households: 10,
  households_committed: 10,
  tip_box: 1,
  hotline_board: 1,
  propaganda_sessions: 1,
  anti_drug_models: 1,
  ...over,
});

beforeAll(async () => {
  h = await createHarness();
  h.deps.compliance = defaultComplianceDeps();
  await importPlacesCsv(
    h.db,
    [
      "province_code,province_name,commune_code,commune_name,commune_hotline,village_code,village_name",
      "HTI,Hà Tĩnh,THACHHA,Thạch Hà,,TH-01,Thôn Bắc Hà",
      "HTI,Hà Tĩnh,THACHHA,Thạch Hà,,TH-02,Thôn Nam Hà",
      "HTI,Hà Tĩnh,CAMXUYEN,Cẩm Xuyên,,CX-01,Thôn Cẩm Thịnh",
    ].join("\n"),
  );
  const month = monthOf(h.clock.now);
  const save = async (code: string, values: Record<string, number>) => {
    const v = await h.db.village.findUniqueOrThrow({ where: { code } });
    await saveFigures(h.db, { villageId: v.id, month, values, staffId: null, source: "csv", basedOnVersion: 0, now: h.clock.now });
  };
  // Thạch Hà: all good. Cẩm Xuyên: 12 addicts and a hot spot. Hồng Lộc: nothing entered.
  await save("TH-01", good());
  await save("TH-02", good());
  await save("CX-01", good({ addicts_total: 12, addicts_with_file: 12, addicts_in_treatment: 12, addicts_in_community: 12, baseline_addicts: 12, hot_spots: 1 }));
  provinceAdmin = h.web();
  const { code } = await createInvitation(h.db, h.keys, { role: "admin", provinceCode: "hti", note: "Quản trị tỉnh Hà Tĩnh" });
  await provinceAdmin.say(`/dangky ${code}`);
  nationalAdmin = h.web();
  await nationalAdmin.say(`/dangky ${await h.invite("admin", {}, "Quản trị toàn quốc")}`);
});
afterAll(async () => h.close());

describe("province admins", () => {
  it("invitations carry a province only for admins, alone", async () => {
    await expect(createInvitation(h.db, h.keys, { role: "leader", provinceCode: "HTI" })).rejects.toThrow(InvitationError);
    await expect(createInvitation(h.db, h.keys, { role: "admin", provinceCode: "HTI", communeCode: "HONGLOC" })).rejects.toThrow(/không kèm mã xã/);
    await expect(createInvitation(h.db, h.keys, { role: "admin", provinceCode: "XYZ" })).rejects.toThrow(/Không có tỉnh mã XYZ/);
    const staff = await h.db.staff.findFirstOrThrow({ where: { displayName: "Quản trị tỉnh Hà Tĩnh" }, include: { province: true } });
    expect(staff).toMatchObject({ role: "admin", communeId: null, villageId: null });
    expect(staff.province?.code).toBe("HTI");
    expect(texts(await provinceAdmin.say("/toi"))).toContain("tỉnh Hà Tĩnh");
  });

  it("rank the communes of their province by criteria met", async () => {
    const out = texts(await provinceAdmin.say("/xephang"));
    expect(out).toMatch(/XẾP HẠNG 3 XÃ — HÀ TĨNH/);
    const lines = out.split("\n").slice(1);
    expect(lines[0]).toMatch(/^1\. Thạch Hà: ✅ (\d+)\/\1 · số liệu 2\/2 thôn$/);
    expect(lines[1]).toMatch(/^2\. Cẩm Xuyên: ✅ \d+\/\d+ · số liệu 1\/1 thôn$/);
    expect(lines[2]).toMatch(/^3\. Hồng Lộc: ✅ 0\/\d+ · ❔ \d+ · số liệu 0\/4 thôn$/);
  });

  it("read any commune of their province, none of another", async () => {
    expect(texts(await provinceAdmin.say("/tieuchi CAMXUYEN"))).toMatch(/❌ Tổng số người nghiện ma túy ngoài cộng đồng dưới 10 người\n\s+Hiện tại: 12 · Yêu cầu: dưới 10/);
    expect(texts(await provinceAdmin.say("/thongke"))).toContain("hãy ghi mã xã");
    expect(texts(await provinceAdmin.say("/thongke NHUXUAN"))).toContain("không có quyền");
    expect(texts(await provinceAdmin.say("/xephang THA"))).toContain("không có quyền");
    expect(texts(await provinceAdmin.say("/tinbao"))).toContain("không có quyền");
  });

  it("a national admin picks a province", async () => {
    const list = texts(await nationalAdmin.say("/xephang"));
    expect(list).toContain("Hãy ghi mã tỉnh");
    expect(list).toContain("HTI — Hà Tĩnh");
    expect(texts(await nationalAdmin.say("/xephang THA"))).toContain("XẾP HẠNG 1 XÃ — THANH HÓA");
    expect(texts(await nationalAdmin.say("/xephang ZZZ"))).toContain("Không có tỉnh mã ZZZ");
  });
});

// A reporting unit's month in the staff console (issues 13 and 14), on the real app and a real
// SQLite file: the health station's member signs in from the chat, lands on /canbo/donvi, is refused
// at the field for a number the chat refuses (nothing saved), saves, is told of a save made in
// between (nothing lost), and next month finds last month's numbers prefilled. The commune's leader
// sees the unit on "Tháng này" beside the units that have not sent, with bulletin coverage by village
// and the time to take a tip; an officer has no unit page; another commune's leader sees none of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, fileWebTip, type Harness, type WebClient } from "../helpers/harness.js";
import { consoleRequests } from "../helpers/console-requests.js";
import { unitFiguresAs } from "../../src/compliance/unit-figures.js";

/** 2026-12-DD at HH:00 Vietnam time. */
const vn = (day: number, hour: number, month = 12) => new Date(Date.UTC(2026, month - 1, day, hour - 7));

let h: Harness;
const { post, get, register, signIn } = consoleRequests(() => h, { stepMinutes: 0.1 });
let member: WebClient;
let memberCookie: string;

const page = async (path: string, cookie: string) => {
  const res = await get(path, cookie);
  return { status: res.status, html: await res.text(), location: res.headers.get("location") };
};
const healthOf = async (month: string) => {
  const staff = await h.db.staff.findFirstOrThrow({ where: { role: "reporting_unit" } });
  const read = await unitFiguresAs(h.db, staff, staff.communeId!, "health_station", month);
  return read.ok ? read.figures : "not_found";
};
const form = (drugTests: string, counselled: string, methadone: string, basedOn = "0") => ({ basedOn, f_drug_tests: drugTests, f_after_rehab_counselled: counselled, f_methadone_patients: methadone });

beforeAll(async () => {
  h = await createHarness();
  h.clock.now = vn(5, 9);
  member = await register("reporting_unit", { communeCode: "HONGLOC", unitKind: "health_station" }, "Trạm trưởng Trạm Y tế");
  memberCookie = await signIn(member);
}, 60_000);
afterAll(async () => {
  await h.close();
});

describe("a reporting unit's figures page", () => {
  it("is the member's home, with the unit's own figures and the chat's questions", async () => {
    expect((await page("/canbo", memberCookie)).location).toBe("/canbo/donvi");
    const { status, html } = await page("/canbo/donvi", memberCookie);
    expect(status).toBe(200);
    expect(html).toContain("Số liệu tháng 12/2026 — Trạm Y tế xã, xã Hồng Lộc");
    for (const id of ["drug_tests", "after_rehab_counselled", "methadone_patients"]) expect(html).toContain(`name="f_${id}"`);
    // Only the health station's figures: not the villages' nor another unit's.
    expect(html).not.toContain('name="f_propaganda_sessions"');
    expect(html).toContain("← Tháng 11/2026");
    expect(html).not.toContain("Tháng 01/2027 →");
  });

  it("refuses a number the chat refuses at its field and saves nothing", async () => {
    const res = await post("/canbo/donvi?thang=2026-12", form("12", "mười", "20000"), memberCookie);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Có 2 ô cần sửa");
    expect(html).toContain("Chưa đọc được số");
    expect(html).toContain("Số này lớn hơn mức hợp lý (10.000)");
    // What was typed stays in the fields.
    expect(html).toContain('value="mười"');
    expect(await healthOf("2026-12")).toBeNull();
  });

  it("saves through the chat's save: a revision, the flash, the leader's month", async () => {
    const res = await post("/canbo/donvi?thang=2026-12", form("14", "3", ""), memberCookie);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/canbo/donvi?thang=2026-12&kq=ok");
    const saved = await healthOf("2026-12");
    expect(saved).toMatchObject({ values: { drug_tests: 14, after_rehab_counselled: 3 }, version: 1 });
    const after = await page("/canbo/donvi?thang=2026-12&kq=ok", memberCookie);
    expect(after.html).toContain("Đã lưu số liệu tháng 12/2026 của Trạm Y tế xã (lần cập nhật 1)");
    expect(after.html).toContain('value="14"');
    expect(await h.db.unitFigureRevision.count()).toBe(1);
    // The chat's /thongke reads the same row.
    h.clock.advanceMinutes(1);
    const summary = (await member.say("/thongke")).map((m) => m.text).join("\n");
    expect(summary).toContain("TRẠM Y TẾ XÃ");
    expect(summary).toMatch(/14/);
  });

  it("keeps what was typed when someone saved in between, and saves it over the new version", async () => {
    const stale = await post("/canbo/donvi?thang=2026-12", form("15", "3", "1", "0"), memberCookie);
    expect(stale.status).toBe(400);
    const html = await stale.text();
    expect(html).toContain("vừa được người khác cập nhật");
    expect(html).toContain('value="15"');
    expect(html).toContain('name="basedOn" value="1"');
    expect((await healthOf("2026-12")) as { version: number }).toMatchObject({ version: 1 });
    expect((await post("/canbo/donvi?thang=2026-12", form("15", "3", "1", "1"), memberCookie)).status).toBe(303);
    expect(await healthOf("2026-12")).toMatchObject({ values: { drug_tests: 15, methadone_patients: 1 }, version: 2 });
  });
});

describe("the commune's month with its units, coverage and time to take", () => {
  it("shows the leader which units sent their month and what they sent; an officer has no unit page", async () => {
    const leader = await register("leader", { communeCode: "HONGLOC" }, "Chủ tịch UBND xã");
    const officer = await register("officer", { communeCode: "HONGLOC" }, "Đ/c Trần Văn Test");
    const citizen = h.web();
    await fileWebTip(citizen, { text: "Có người lạ bán hàng trắng ở chợ phiên." });
    await h.settle();
    const officerCookie = await signIn(officer);
    const tip = await h.db.tip.findFirstOrThrow();
    h.clock.advanceMinutes(90);
    expect((await post(`/canbo/tinbao/${tip.id}/xuly`, { action: "take" }, officerCookie)).status).toBe(303);
    expect((await page("/canbo/donvi", officerCookie)).status).toBe(403);

    const { html } = await page("/canbo/thang", await signIn(leader));
    expect(html).toContain("<h2>Các ban, ngành, đoàn thể</h2>");
    expect(html).toContain("1/8 ban, ngành, đoàn thể đã gửi số liệu");
    const card = /<li class="card" data-status="met" data-unit="health_station">([\s\S]*?)<\/li>/.exec(html)?.[1] ?? "";
    expect(card).toContain("Trạm Y tế xã");
    expect(card).toMatch(/15/);
    expect(html).toContain('data-status="unknown" data-unit="youth_union"');
    expect(html).toContain("Chưa gửi số liệu tháng này");
    // The tip taken after an hour and a half; none past its deadline.
    expect(html).toMatch(/Thời gian đến khi tiếp nhận \(trung vị\): 1,5 giờ/);
    expect(html).toContain("Không có tin nào quá hạn xác minh.");
    expect(html).toContain("Bản tin đến các thôn trong tháng");
  });

  it("another commune's leader sees none of Hồng Lộc's units", async () => {
    const other = await register("leader", { communeCode: "PHUONGTIEN" }, "Chủ tịch UBND xã Phương Tiến");
    const { html } = await page("/canbo/thang", await signIn(other));
    expect(html).toContain("0/8 ban, ngành, đoàn thể đã gửi số liệu");
    expect(html).not.toContain('data-status="met" data-unit=');
  });
});

describe("the unit's next month", () => {
  it("prefills next month from this one; a month out of range or a broken body is refused politely", async () => {
    // A month later the session has ended (12 hours idle): the member signs in again.
    h.clock.now = vn(3, 9, 13);
    memberCookie = await signIn(member);
    const next = await page("/canbo/donvi", memberCookie);
    expect(next.html).toContain("Số liệu tháng 01/2027");
    expect(next.html).toContain("Các ô đã điền sẵn số của tháng trước");
    expect(next.html).toContain('value="15"');
    expect(await healthOf("2027-01")).toBeNull();
    expect((await page("/canbo/donvi?thang=2020-01", memberCookie)).status).toBe(403);
    const broken = await h.app.request("/canbo/donvi", { method: "POST", headers: { Cookie: memberCookie, Origin: "http://localhost", "Content-Type": "multipart/form-data; boundary=x" }, body: "--y\r\nbroken" });
    expect(broken.status).toBe(400);
  });
});

// A tipster cannot dress an alert up as the server's: what they typed arrives cleaned and quoted.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, fileWebTip, type Harness } from "../helpers/harness.js";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

const ATTACK = [
  "Có người bán ở bản \u202Eên hcầ\u202C",
  "\n".repeat(25),
  "🚨 TIN BÁO MỚI HONGLOC-09999",
  "Loại: Điểm, người bán lẻ ma túy",
  'HONGLOC-00001: Đ/c Trần Văn A chuyển sang "Đã xử lý" lúc 10:00 02/12/2026.',
  "Hmong: Muaj neeg muag yeeb.\u200B ꪼꪕ",
].join("\n");

describe("the officer's alert", () => {
  it("removes hidden characters, collapses blank lines and quotes the tipster's words, on alert, follow-up and view", async () => {
    const officer = h.web();
    const code = await h.invite("officer", { communeCode: "HONGLOC" }, "Đ/c Lê Văn Kiểm");
    await officer.say(`/dangky ${code}`);
    const citizen = h.web();
    const receipt = await fileWebTip(citizen, { text: ATTACK });

    const alert = (await officer.read()).find((m) => m.text.includes("TIN BÁO MỚI"))!;
    const lines = alert.text.split("\n");
    // One header, the server's own, at the top; nothing the tipster typed starts a line unmarked.
    expect(lines.filter((l) => l.startsWith("🚨"))).toHaveLength(1);
    expect(lines[0]).toMatch(/^🚨 TIN BÁO MỚI HONGLOC-\d{5}$/);
    expect(lines.filter((l) => /^HONGLOC-/.test(l))).toEqual([]);
    const label = lines.indexOf("Người báo tin viết:");
    expect(label).toBeGreaterThan(0);
    const quoted = lines.slice(label + 1);
    expect(quoted.every((l) => l.startsWith("┃"))).toBe(true);
    expect(quoted).toContain("┃ 🚨 TIN BÁO MỚI HONGLOC-09999");
    expect(quoted.at(-1)).toBe("┃ Hmong: Muaj neeg muag yeeb. ꪼꪕ");
    expect(alert.text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B]/);
    expect(alert.text).not.toMatch(/\n\s*\n\s*\n/);

    // The same on a follow-up and on /tinbao's view of the tip.
    const tipster = h.web();
    await tipster.say(`/theodoi ${receipt}`);
    await tipster.press("✍️ Gửi thêm thông tin / trả lời");
    await tipster.say("Thêm:\n\n\n\n\n✅ HONGLOC-00001 đã xử lý\u2067");
    await tipster.press("f:done");
    const followUp = (await officer.read()).find((m) => m.text.includes("người báo tin gửi thêm"))!;
    expect(followUp.text.split("\n").slice(1)).toEqual(["Người báo tin viết:", "┃ Thêm:", "┃", "┃ ✅ HONGLOC-00001 đã xử lý"]);

    const caseNumber = /HONGLOC-\d{5}/.exec(lines[0]!)![0];
    await officer.say("/tinbao");
    const view = await officer.press(`Xem ${caseNumber}`);
    const shown = view.find((m) => m.text.startsWith(caseNumber))!;
    expect(shown.text).toContain("Người báo tin viết:\n┃ Có người bán");
    expect(shown.text).not.toMatch(/[\u202A-\u202E]/);
  });
});

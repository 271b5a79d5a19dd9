// Help texts and Telegram menus come from the registry and the role table: each role sees the
// commands it may use and no others, in one section each, on the channels where they work.
import { describe, expect, it } from "vitest";
import { commandMenu, helpText } from "../../bots/core/help.js";
import type { StaffRow } from "../../bots/core/turn.js";
import type { Channel } from "../../src/messaging/types.js";

const person = (role: string, communeId: number | null = 1, villageId: number | null = null): StaffRow => ({ id: 1, displayName: "Lò Văn A", role, communeId, villageId, active: true });
const CITIZEN = ["/start", "/theodoi", "/nhanbantin", "/huybantin", "/bantin", "/baomat", "/xoadulieu", "/quaylai", "/huy", "/trogiup"];

const commandsIn = (text: string) => [...new Set([...text.matchAll(/(?:^|\s|,)(\/[a-z_]+)/g)].map((m) => m[1]!))];

describe("help text by role", () => {
  it.each<[string, StaffRow | null, Channel, string[], string[]]>([
    ["a citizen", null, "telegram", CITIZEN, ["/tinbao", "/toi", "/capnhat", "/lienket"]],
    ["an officer on Telegram", person("officer"), "telegram", [...CITIZEN, "/tinbao", "/nhomcanhbao", "/thongke", "/tieuchi", "/tinbao_tk", "/baocao", "/bieudo", "/capnhat", "/tiendo", "/toi", "/lienket", "/kenhcanhbao", "/xephang", "/congnhan"], ["/lichphat", "/dich"]],
    ["an officer on the web chat", person("officer"), "web", ["/tinbao", "/toi"], ["/nhomcanhbao", "/lienket", "/kenhcanhbao"]],
    ["a leader", person("leader"), "zalo", ["/tinbao", "/nhomcanhbao", "/thongke", "/tieuchi", "/baocao", "/tiendo", "/xephang", "/congnhan"], ["/capnhat", "/dich"]],
    ["a village head", person("village_head", 1, 3), "zalo", ["/capnhat", "/thongke", "/bantin", "/toi"], ["/tinbao", "/tieuchi", "/baocao", "/nhomcanhbao", "/tiendo", "/dich"]],
    ["a translator", person("translator"), "telegram", ["/dich", "/bantin", "/toi"], ["/tinbao", "/thongke", "/capnhat", "/tiendo"]],
    ["a national admin", person("admin", null), "telegram", ["/xephang", "/thongke", "/lichphat", "/ngonngu", "/tinbao"], ["/capnhat"]],
    ["a commune admin", person("admin", 1), "telegram", ["/capnhat", "/thongke", "/lichphat", "/xephang", "/congnhan"], []],
  ])("%s", (_who, staff, channel, shown, hidden) => {
    const text = helpText({ staff, channel });
    const commands = commandsIn(text);
    for (const command of shown) expect(commands, command).toContain(command);
    for (const command of hidden) expect(commands, command).not.toContain(command);
    // One section each: no title twice, no empty section.
    expect(text).not.toMatch(/\n\n\n/);
    expect(text.match(/Thống kê, tiêu chí, báo cáo:/g)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(text).toContain("113");
  });

  it("words the statistics for who reads them", () => {
    expect(helpText({ staff: person("admin", null), channel: "telegram" })).toContain("/thongke <mã xã>");
    expect(helpText({ staff: person("village_head", 1, 3), channel: "telegram" })).toContain("/capnhat [tháng] — nhập hoặc sửa số liệu tháng của thôn");
    expect(helpText({ staff: person("officer"), channel: "telegram" })).toContain("/capnhat [mã thôn] [tháng]");
    expect(helpText({ staff: person("village_head", 1, 3), channel: "telegram" })).toContain("Đã phát");
  });
});

describe("Telegram's command menu", () => {
  it("gives citizens their commands, and staff theirs on top", () => {
    const citizen = commandMenu({ staff: null, channel: "telegram" }).map((e) => e.command);
    expect(citizen).toEqual(expect.arrayContaining(["start", "theodoi", "nhanbantin", "baomat", "xoadulieu", "huy", "trogiup"]));
    expect(citizen).not.toContain("tinbao");
    const officer = commandMenu({ staff: person("officer"), channel: "telegram" }).map((e) => e.command);
    expect(officer).toEqual(expect.arrayContaining([...citizen, "tinbao", "nhomcanhbao", "thongke", "toi", "lienket"]));
    // The commune's villages ranked (issue 14); the province's ranking stays the admins' (see the help's wording).
    expect(officer).toContain("xephang");
    const head = commandMenu({ staff: person("village_head", 1, 3), channel: "telegram" }).map((e) => e.command);
    expect(head).toEqual(expect.arrayContaining(["capnhat", "bantin", "toi"]));
    expect(head).not.toContain("tinbao");
  });

  it("keeps within Telegram's limits: 100 commands, names of a-z0-9_, descriptions of 3 to 256 characters", () => {
    for (const staff of [null, person("admin", null), person("officer")]) {
      const menu = commandMenu({ staff, channel: "telegram" });
      expect(menu.length).toBeLessThanOrEqual(100);
      for (const entry of menu) {
        expect(entry.command).toMatch(/^[a-z0-9_]{1,32}$/);
        expect(entry.description.length).toBeGreaterThanOrEqual(3);
        expect(entry.description.length).toBeLessThanOrEqual(256);
      }
      expect(new Set(menu.map((e) => e.command)).size).toBe(menu.length);
    }
  });
});

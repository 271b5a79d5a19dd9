// The commune police leaders' numbers for the posters: what an operator types and what the column holds.
import { describe, expect, it } from "vitest";
import { orderContacts, parseContact, readPoliceContacts } from "../../src/places/police-contacts.js";

describe("parseContact", () => {
  it.each([
    ["Nguyễn Văn A: 0912 345 678", { ok: true, name: "Nguyễn Văn A", phone: "0912 345 678" }],
    ["  Đại úy   Trần Công Thuận :0975660026 ", { ok: true, name: "Đại úy Trần Công Thuận", phone: "0975660026" }],
    ["Lò Văn B: +84 (214) 3.812.345", { ok: true, name: "Lò Văn B", phone: "+84 (214) 3.812.345" }],
    // The number is after the last colon, so a name may hold one.
    ["Ông A: phó: 0912345678", { ok: true, name: "Ông A: phó", phone: "0912345678" }],
    ["Nguyễn Văn A 0912345678", { ok: false, reason: "shape" }],
    [": 0912345678", { ok: false, reason: "name" }],
    [`${"A".repeat(81)}: 0912345678`, { ok: false, reason: "name" }],
    ["Nguyễn Văn A: không có", { ok: false, reason: "phone" }],
    ["Nguyễn Văn A: --", { ok: false, reason: "phone" }],
    ["Nguyễn Văn A: 0912 345 678 999 000 111", { ok: false, reason: "phone" }],
  ])("%j", (text, expected) => {
    expect(parseContact(text)).toEqual(expected);
  });
});

describe("readPoliceContacts", () => {
  const head = { title: "head", name: "Nguyễn Văn A", phone: "0912345678" } as const;
  const deputy = { title: "deputy", name: "Lò Thị B", phone: "0987654321" } as const;
  it.each([
    [null, []],
    ["", []],
    ["not json", []],
    [JSON.stringify([{ title: "chief", name: "X", phone: "0912345678" }]), []],
    [JSON.stringify([{ title: "head", name: "X", phone: "abc" }]), []],
    [JSON.stringify([deputy, head]), [head, deputy]],
  ])("%s", (stored, expected) => {
    expect(readPoliceContacts(stored)).toEqual(expected);
  });

  it("puts the head first and keeps the deputies' order", () => {
    const d2 = { ...deputy, name: "Giàng A C" };
    expect(orderContacts([deputy, d2, head])).toEqual([head, deputy, d2]);
  });
});

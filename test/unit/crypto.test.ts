import { createNodeKeyring } from "../../src/crypto/node-keyring.js";
import { describe, expect, it } from "vitest";
import { createKeyring, randomKeyText, safeEqual } from "../../src/crypto/keys.js";
import { addressTagOf, openAddress, pseudonymOf, sealAddress } from "../../src/crypto/pseudonym.js";
import { RECEIPT_ALPHABET, mayHoldReceiptCode, newReceiptCode, normalizeReceiptCode, receiptHash } from "../../src/crypto/receipt.js";

describe("pseudonyms", () => {
  it("are stable for one key, differ across keys and channels, and hide the id", async () => {
    const a = await createKeyring(randomKeyText(), randomKeyText());
    const b = await createKeyring(randomKeyText(), randomKeyText());
    const p1 = await pseudonymOf(a, "telegram", "987654321");
    expect(await pseudonymOf(a, "telegram", "987654321")).toBe(p1);
    expect(await pseudonymOf(b, "telegram", "987654321")).not.toBe(p1);
    expect(await pseudonymOf(a, "zalo", "987654321")).not.toBe(p1);
    expect(p1).not.toContain("987654321");
    expect(p1).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe("sealed addresses", () => {
  it("open to the same address, never repeat the same ciphertext, and fail under another key", async () => {
    const keys = await createKeyring(randomKeyText(), randomKeyText());
    const other = await createKeyring(randomKeyText(), randomKeyText());
    const address = { channel: "telegram", chatId: "555000111" };
    const s1 = await sealAddress(keys, address);
    const s2 = await sealAddress(keys, address);
    expect(s1).not.toBe(s2);
    expect(s1).not.toContain("555000111");
    expect(await openAddress(keys, s1)).toEqual(address);
    await expect(openAddress(other, s1)).rejects.toThrow();
    // Change one character well inside the ciphertext (the last ones may carry only padding bits).
    const at = s1.length - 10;
    const tampered = s1.slice(0, at) + (s1[at] === "A" ? "B" : "A") + s1.slice(at + 1);
    await expect(openAddress(keys, tampered)).rejects.toThrow();
    expect(await addressTagOf(keys, address)).toBe(await addressTagOf(keys, { ...address }));
  });
  it("rejects short keys", async () => {
    await expect(createKeyring("c2hvcnQ", randomKeyText())).rejects.toThrow(/32 bytes/);
  });
});

describe("receipt codes", () => {
  it("look like XXXX-XXXX from the unambiguous alphabet", () => {
    for (let i = 0; i < 200; i++) {
      const code = newReceiptCode();
      expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      for (const ch of code.replace("-", "")) expect(RECEIPT_ALPHABET).toContain(ch);
    }
  });
  it.each([
    ["ac3d-7kmn", "AC3D-7KMN"],
    ["AC3D 7KMN", "AC3D-7KMN"],
    [" AC3D7KMN ", "AC3D-7KMN"],
    ["AC3D-7KM", null],
    ["AC3D-7KMO", null],
    ["xin chào bạn", null],
  ])("reads %j as %j", (typed, expected) => {
    expect(normalizeReceiptCode(typed)).toBe(expected);
  });
  it("are stored as keyed hashes", async () => {
    const keys = await createKeyring(randomKeyText(), randomKeyText());
    const hash = await receiptHash(keys, "AC3D-7KMN");
    expect(hash).not.toContain("AC3D");
    expect(await receiptHash(keys, "AC3D-7KMN")).toBe(hash);
  });
});

describe("texts that may hold a receipt code (checkpointed after handling)", () => {
  it.each([
    ["3467-ACDE", true],
    ["/theodoi 3467-acde", true],
    ["mã của tôi là 3467 ACDE", true],
    ["3467ACDE", true],
    ["Có người bán ma túy ở bến đò", false],
    ["/start", false],
    ["", false],
    ["3467-ACD", false],
  ])("%j → %s", (text, expected) => {
    expect(mayHoldReceiptCode(text)).toBe(expected);
  });
});

describe("constant-time compare", () => {
  it.each([
    ["abc", "abc", true],
    ["abc", "abd", false],
    ["abc", "abcd", false],
    ["", "", true],
    ["", "x", false],
  ])("%j vs %j", (a, b, expected) => {
    expect(safeEqual(a, b)).toBe(expected);
  });
});

describe("the Node keyring", () => {
  it("gives the same tags as the WebCrypto keyring and opens what it seals, and the reverse", async () => {
    const [p, v] = [randomKeyText(), randomKeyText()];
    const web = await createKeyring(p, v);
    const node = createNodeKeyring(p, v);
    for (const value of ["telegram:7312845906", "zalo:8736152094857362514", "ꪼꪕ 👨‍👩‍👧", ""]) {
      expect(await node.tag("user", value)).toBe(await web.tag("user", value));
      expect(await web.open(await node.seal(value))).toBe(value);
      expect(await node.open(await web.seal(value))).toBe(value);
    }
    expect(await node.seal("x")).not.toBe(await node.seal("x"));
  });

  it("refuses a tampered, truncated or foreign sealed value", async () => {
    const node = createNodeKeyring(randomKeyText(), randomKeyText());
    const sealed = await node.seal("telegram:555000111");
    const at = sealed.length - 10;
    await expect(node.open(sealed.slice(0, at) + (sealed[at] === "A" ? "B" : "A") + sealed.slice(at + 1))).rejects.toThrow();
    await expect(node.open(sealed.slice(0, 20))).rejects.toThrow();
    await expect(node.open("v2.abc.def")).rejects.toThrow();
    await expect(createNodeKeyring(randomKeyText(), randomKeyText()).open(sealed)).rejects.toThrow();
  });
});

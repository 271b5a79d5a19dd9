// Table tests for the flood guards (issue 10): the in-memory network limiter, the session ticket,
// the proof gate's verdicts, and what costs a proof on the web chat.
import { describe, expect, it } from "vitest";
import { MemoryLimiter } from "../../src/http/limiter.js";
import { createKeyring, randomKeyText } from "../../src/crypto/keys.js";
import { createProofGate, DEFAULT_PROOF_SETTINGS } from "../../bots/webchat/proof.js";
import { needsProof } from "../../bots/webchat/api.js";
import { solveProof } from "../helpers/pow.js";

describe("MemoryLimiter", () => {
  const cases: { name: string; limit: number; windowMs: number; hits: [string, number][]; expected: boolean[] }[] = [
    { name: "allows up to the limit, then refuses", limit: 2, windowMs: 60_000, hits: [["a", 0], ["a", 1], ["a", 2]], expected: [true, true, false] },
    { name: "a key is counted apart from another", limit: 1, windowMs: 60_000, hits: [["a", 0], ["b", 0], ["a", 1]], expected: [true, true, false] },
    { name: "the window slides", limit: 1, windowMs: 1000, hits: [["a", 0], ["a", 999], ["a", 1001]], expected: [true, false, true] },
    { name: "refused hits do not extend the wait", limit: 1, windowMs: 1000, hits: [["a", 0], ["a", 500], ["a", 900], ["a", 1000]], expected: [true, false, false, true] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const limiter = new MemoryLimiter(c.limit, c.windowMs);
      expect(c.hits.map(([key, at]) => limiter.hit(key, at))).toEqual(c.expected);
    });
  }
  it("keeps at most maxKeys keys, dropping the least recently seen", () => {
    const limiter = new MemoryLimiter(1, 60_000, 2);
    limiter.hit("a", 0);
    limiter.hit("b", 0);
    limiter.hit("c", 0);
    expect(limiter.size).toBe(2);
    expect(limiter.hit("a", 1)).toBe(true); // forgotten, so counted afresh
    expect(limiter.hit("c", 1)).toBe(false);
  });
});

describe("session tickets and proofs", () => {
  it("a ticket holds for its own token until it expires, and a tampered one never", async () => {
    const keys = await createKeyring(randomKeyText(), randomKeyText());
    let now = new Date("2026-03-01T00:00:00Z");
    const gate = createProofGate(keys, () => now, { ...DEFAULT_PROOF_SETTINGS, maxNumber: 20, ticketTtlMs: 60_000 });
    const token = "a".repeat(43);
    const { ticket } = await gate.ticket(token);
    const [exp, mac] = ticket.split(".");
    const table: [string, string, string | undefined, boolean][] = [
      ["valid", token, ticket, true],
      ["another token", "b".repeat(43), ticket, false],
      ["missing", token, undefined, false],
      ["malformed", token, "nonsense", false],
      ["later expiry, same mac", token, `${Number(exp) + 3600}.${mac}`, false],
      ["tampered mac", token, `${exp}.${mac!.slice(0, -1)}${mac!.endsWith("A") ? "B" : "A"}`, false],
    ];
    for (const [name, t, tk, ok] of table) expect(await gate.checkTicket(t, tk), name).toBe(ok);
    now = new Date(now.getTime() + 61_000);
    expect(await gate.checkTicket(token, ticket), "expired").toBe(false);
  });

  it("a proof is ok once, then replayed; junk is invalid; an old challenge has expired", async () => {
    const keys = await createKeyring(randomKeyText(), randomKeyText());
    let now = new Date();
    const gate = createProofGate(keys, () => now, { ...DEFAULT_PROOF_SETTINGS, maxNumber: 20, challengeTtlMs: 60_000 });
    const proof = await solveProof(await gate.challenge());
    expect(await gate.verify(proof)).toBe("ok");
    expect(await gate.verify(proof)).toBe("replayed");
    expect(await gate.verify({})).toBe("invalid");
    expect(await gate.verify({ ...proof, challenge: { ...proof.challenge, signature: "00".repeat(32) } })).toBe("invalid");
    const other = createProofGate(await createKeyring(randomKeyText(), randomKeyText()), () => now, { ...DEFAULT_PROOF_SETTINGS, maxNumber: 20 });
    expect(await other.verify(await solveProof(await gate.challenge())), "another server's key").toBe("invalid");
    const late = await solveProof(await gate.challenge());
    now = new Date(now.getTime() + 61_000);
    expect(await gate.verify(late)).toBe("expired");
  });
});

describe("what costs a proof on the web chat", () => {
  const table: [object, boolean][] = [
    [{ choice: "s:submit" }, true],
    [{ choice: "s:edit" }, false],
    [{ text: "AC3D-7KMN" }, true],
    [{ text: " ac3d 7kmn " }, true],
    [{ text: "/theodoi AC3D-7KMN" }, true],
    [{ text: "/theodoi" }, false],
    [{ text: "Có người bán ma túy" }, false],
    [{ location: { latitude: 1, longitude: 2 } }, false],
  ];
  for (const [body, expected] of table) it(JSON.stringify(body), () => expect(needsProof(body)).toBe(expected));
});

// Proof of work for the web chat (issue 10), self-hosted with altcha-lib: no third party, no
// cookies, nothing about the client kept. A challenge is signed and stateless; a solved one is
// spent once (an in-memory capped map: per process on Node, per isolate on Workers, so on Workers a
// replay may succeed once in another isolate). A session's ticket is an HMAC of the token and an
// expiry, checked without any storage.
import { CappedMap, createChallenge, randomInt, verifySolution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/sha";
import type { Challenge } from "altcha-lib/types";
import { z } from "zod";
import type { Keyring } from "../../src/crypto/keys.js";
import { safeEqual } from "../../src/crypto/keys.js";

export interface ProofSettings {
  /** The secret counter is drawn from 1..maxNumber: about maxNumber/2 SHA-256 on average to find it. */
  maxNumber: number;
  /** How long a challenge may be solved and a ticket used. */
  challengeTtlMs: number;
  ticketTtlMs: number;
}

export const DEFAULT_PROOF_SETTINGS: ProofSettings = { maxNumber: 100_000, challengeTtlMs: 10 * 60_000, ticketTtlMs: 12 * 3_600_000 };

const hex = z.string().regex(/^[0-9a-f]{1,512}$/);
export const proofSchema = z.object({
  challenge: z.object({
    parameters: z.object({
      algorithm: z.literal("SHA-256"),
      nonce: hex,
      salt: hex,
      cost: z.number().int().positive().max(16),
      keyLength: z.number().int().positive().max(64),
      keyPrefix: hex,
      keySignature: hex.optional(),
      data: z.object({ exp: z.number().int().positive() }),
    }),
    signature: hex,
  }),
  solution: z.object({ counter: z.number().int().nonnegative(), derivedKey: hex }),
});

export type ProofVerdict = "ok" | "invalid" | "expired" | "replayed";

export interface ProofGate {
  challenge(): Promise<Challenge>;
  verify(proof: unknown): Promise<ProofVerdict>;
  ticket(token: string): Promise<{ ticket: string; expiresAt: number }>;
  checkTicket(token: string, ticket: string | undefined): Promise<boolean>;
}

export function createProofGate(keys: Keyring, now: () => Date, settings: ProofSettings = DEFAULT_PROOF_SETTINGS): ProofGate {
  let secrets: Promise<{ signature: string; key: string }> | null = null;
  const secretsOf = () => (secrets ??= Promise.all([keys.tag("pow", "challenge-signature"), keys.tag("pow", "key-signature")]).then(([signature, key]) => ({ signature, key })));
  const spent = new CappedMap<string, number>({ maxSize: 20_000 });
  const ticketMac = (token: string, expiresAt: number) => keys.tag("web-ticket", `${token}:${expiresAt}`);

  return {
    async challenge() {
      const s = await secretsOf();
      return createChallenge({
        algorithm: "SHA-256",
        cost: 1,
        counter: randomInt(settings.maxNumber),
        deriveKey,
        // Expiry in the signed data, checked against the server's clock (the library's own check reads
        // the machine's clock, which a test's clock or a skewed host would not share).
        data: { exp: Math.floor((now().getTime() + settings.challengeTtlMs) / 1000) },
        hmacSignatureSecret: s.signature,
        hmacKeySignatureSecret: s.key,
      });
    },

    async verify(raw) {
      const parsed = proofSchema.safeParse(raw);
      if (!parsed.success) return "invalid";
      const { challenge, solution } = parsed.data;
      const expiresAt = challenge.parameters.data.exp;
      if (expiresAt * 1000 < now().getTime()) return "expired";
      const s = await secretsOf();
      const result = await verifySolution({ challenge, solution, deriveKey, hmacSignatureSecret: s.signature, hmacKeySignatureSecret: s.key });
      if (!result.verified) return result.expired ? "expired" : "invalid";
      // Spent once: the signature names the challenge. Old entries are dropped as they expire.
      const at = now().getTime();
      for (const [key, until] of spent) {
        if (until >= at) break;
        spent.delete(key);
      }
      return spent.setIfAbsent(challenge.signature, expiresAt * 1000) ? "ok" : "replayed";
    },

    async ticket(token) {
      const expiresAt = Math.floor((now().getTime() + settings.ticketTtlMs) / 1000);
      return { ticket: `${expiresAt}.${await ticketMac(token, expiresAt)}`, expiresAt };
    },

    async checkTicket(token, ticket) {
      const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(ticket ?? "");
      if (!match) return false;
      const expiresAt = Number(match[1]);
      if (expiresAt * 1000 < now().getTime()) return false;
      return safeEqual(match[2]!, await ticketMac(token, expiresAt));
    },
  };
}

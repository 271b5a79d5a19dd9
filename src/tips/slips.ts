// Tip-box slips (hòm thư tố giác): each printed slip carries a fresh receipt code; the server keeps
// only its keyed hash (as for chat tips, src/crypto/receipt.ts). The code in plain text exists on the
// printed page alone: issueSlips returns it for printing and stores nothing else of it.
import type { Db } from "../db/client.js";
import type { Keyring } from "../crypto/keys.js";
import { newReceiptCode, normalizeReceiptCode, receiptHash } from "../crypto/receipt.js";

export const MAX_SLIPS_PER_VILLAGE = 200;

export interface IssuedSlip {
  villageId: number | null;
  /** In plain text for the printed page only; never stored. */
  code: string;
}

/** Makes `perVillage` slips for each village given (null: the commune, no village), stored as hashes. */
export async function issueSlips(db: Db, keys: Keyring, input: { communeId: number; villageIds: (number | null)[]; perVillage: number; now: Date }): Promise<IssuedSlip[]> {
  const out: IssuedSlip[] = [];
  for (const villageId of input.villageIds) {
    for (let i = 0; i < input.perVillage; i++) {
      for (;;) {
        const code = newReceiptCode();
        const hash = await receiptHash(keys, code);
        // A code already in use by a tip or another slip (vanishingly rare): draw another.
        if ((await db.tip.count({ where: { receiptHash: hash } })) > 0) continue;
        try {
          await db.tipSlip.create({ data: { receiptHash: hash, communeId: input.communeId, villageId, issuedAt: input.now } });
        } catch (error) {
          if ((error as { code?: string }).code === "P2002") continue;
          throw error;
        }
        out.push({ villageId, code });
        break;
      }
    }
  }
  return out;
}

export type SlipLookup =
  | { ok: true; slip: { id: number; receiptHash: string; communeId: number; villageId: number | null } }
  | { ok: false; reason: "not_code" | "unknown" | "used" };

/** A typed slip code of this commune; another commune's slip is "unknown", as a wrong code is. */
export async function findSlip(db: Db, keys: Keyring, communeId: number, typed: string): Promise<SlipLookup> {
  const code = normalizeReceiptCode(typed);
  if (!code) return { ok: false, reason: "not_code" };
  const hash = await receiptHash(keys, code);
  const slip = await db.tipSlip.findUnique({ where: { receiptHash: hash } });
  if (!slip || slip.communeId !== communeId) return { ok: false, reason: "unknown" };
  if (slip.usedByTipId !== null || (await db.tip.count({ where: { receiptHash: hash } })) > 0) return { ok: false, reason: "used" };
  return { ok: true, slip };
}

// Zalo OA webhook authenticity: X-ZEvent-Signature = "mac=" + hex(SHA-256(app id + raw body +
// timestamp + OA secret key)). A plain hash, not an HMAC (reference/zalo.md). WebCrypto only.
import { safeEqual } from "../../src/crypto/keys.js";

export const SIGNATURE_HEADER = "X-ZEvent-Signature";

const encoder = new TextEncoder();

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The signature Zalo sends for this body, without the "mac=" prefix (lower-case hex). */
export async function zaloSignature(appId: string, rawBody: string, timestamp: string, oaSecretKey: string): Promise<string> {
  return hex(await crypto.subtle.digest("SHA-256", encoder.encode(appId + rawBody + timestamp + oaSecretKey)));
}

/** Checks a header value ("mac=<hex>" or "<hex>", any case) in constant time. */
export async function verifyZaloSignature(
  header: string | null | undefined,
  appId: string,
  rawBody: string,
  timestamp: string,
  oaSecretKey: string,
): Promise<boolean> {
  if (!header) return false;
  const given = header.trim().replace(/^mac=/i, "").toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  return safeEqual(given, await zaloSignature(appId, rawBody, timestamp, oaSecretKey));
}

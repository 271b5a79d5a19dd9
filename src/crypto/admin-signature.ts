// Signed admin requests (issue 19, "admin on Workers"): the admin command line on an operator's
// machine runs a command on a deployed Worker's databases by posting it, signed with ADMIN_API_KEY
// (HMAC-SHA256 over the time, a one-time nonce and the body's SHA-256). The Worker accepts a
// signature at most 5 minutes old, each nonce once (src/http/admin-api.ts keeps the nonces seen).
// WebCrypto only, so the signer (Node) and the checker (Workers or Node) share this file.
import { bytesToBase64Url, parseKeyMaterial, safeEqual } from "./keys.js";

export const ADMIN_SIGNATURE_HEADER = "X-Admin-Signature";
export const ADMIN_SIGNATURE_MAX_AGE_MS = 5 * 60_000;
const NONCE = /^[A-Za-z0-9_-]{16,64}$/;
const encoder = new TextEncoder();

async function mac(keyText: string, time: number, nonce: string, body: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", parseKeyMaterial(keyText), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const digest = bytesToBase64Url(new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(body))));
  return bytesToBase64Url(new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(`${time}.${nonce}.${digest}`))));
}

/** The header's value for a body sent now. */
export async function signAdminRequest(keyText: string, body: string, now: number = Date.now()): Promise<string> {
  const nonce = bytesToBase64Url(crypto.getRandomValues(new Uint8Array(18)));
  return `t=${now},n=${nonce},s=${await mac(keyText, now, nonce, body)}`;
}

/** Whether the header signs this body, recently enough; its nonce, to be used once. */
export async function verifyAdminSignature(keyText: string, header: string | undefined, body: string, now: number): Promise<{ ok: true; nonce: string } | { ok: false }> {
  const m = /^t=(\d{10,16}),n=([^,]+),s=([A-Za-z0-9_-]{43})$/.exec(header ?? "");
  if (!m || !NONCE.test(m[2]!)) return { ok: false };
  const time = Number(m[1]);
  if (!Number.isSafeInteger(time) || Math.abs(now - time) > ADMIN_SIGNATURE_MAX_AGE_MS) return { ok: false };
  return safeEqual(await mac(keyText, time, m[2]!, body), m[3]!) ? { ok: true, nonce: m[2]! } : { ok: false };
}

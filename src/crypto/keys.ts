// Keyed hashes and sealing with WebCrypto only, so the same code runs on Node and Workers.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function bytesToBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A key given as base64url (or base64) text of at least 32 bytes. */
export function parseKeyMaterial(text: string): Uint8Array<ArrayBuffer> {
  const bytes = base64UrlToBytes(text.trim().replace(/=+$/, ""));
  if (bytes.length < 32) throw new Error("key must hold at least 32 bytes");
  return bytes;
}

export function randomKeyText(): string {
  return bytesToBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

export interface Keyring {
  /** HMAC-SHA256 under the pseudonym key, as base64url. */
  tag(purpose: string, value: string): Promise<string>;
  seal(plain: string): Promise<string>;
  open(sealed: string): Promise<string>;
}

export async function createKeyring(pseudonymKey: string, vaultKey: string): Promise<Keyring> {
  const hmacKey = await crypto.subtle.importKey(
    "raw",
    parseKeyMaterial(pseudonymKey),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const vaultBytes = parseKeyMaterial(vaultKey).slice(0, 32);
  const aesKey = await crypto.subtle.importKey("raw", vaultBytes, { name: "AES-GCM" }, false, [
    "encrypt",
    "decrypt",
  ]);
  return {
    async tag(purpose, value) {
      const mac = await crypto.subtle.sign("HMAC", hmacKey, encoder.encode(`${purpose}:${value}`));
      return bytesToBase64Url(new Uint8Array(mac));
    },
    async seal(plain) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const cipher = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, aesKey, encoder.encode(plain));
      return `v1.${bytesToBase64Url(iv)}.${bytesToBase64Url(new Uint8Array(cipher))}`;
    },
    async open(sealed) {
      const [version, ivText, cipherText] = sealed.split(".");
      if (version !== "v1" || !ivText || !cipherText) throw new Error("not a sealed value");
      const plain = await crypto.subtle.decrypt(
        { name: "AES-GCM", iv: base64UrlToBytes(ivText) },
        aesKey,
        base64UrlToBytes(cipherText),
      );
      return decoder.decode(plain);
    },
  };
}

/** Constant-time comparison of two strings (for secrets in headers). */
export function safeEqual(a: string, b: string): boolean {
  const ab = encoder.encode(a);
  const bb = encoder.encode(b);
  let diff = ab.length ^ bb.length;
  const n = Math.max(ab.length, bb.length);
  for (let i = 0; i < n; i++) diff |= (ab[i % (ab.length || 1)] ?? 0) ^ (bb[i % (bb.length || 1)] ?? 0);
  return diff === 0;
}

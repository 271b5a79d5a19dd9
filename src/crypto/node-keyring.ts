// The same keyring as keys.ts (same keys, same outputs, interchangeable) on node:crypto, for the Node
// server's hot path: WebCrypto's promise per HMAC or seal costs more than the HMAC itself. Node-only;
// the core and the Workers build keep the WebCrypto keyring.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { base64UrlToBytes, bytesToBase64Url, parseKeyMaterial, type Keyring } from "./keys.js";

export function createNodeKeyring(pseudonymKey: string, vaultKey: string): Keyring {
  const hmacKey = Buffer.from(parseKeyMaterial(pseudonymKey));
  const aesKey = Buffer.from(parseKeyMaterial(vaultKey).slice(0, 32));
  return {
    async tag(purpose, value) {
      return bytesToBase64Url(createHmac("sha256", hmacKey).update(`${purpose}:${value}`, "utf8").digest());
    },
    async seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", aesKey, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
      return `v1.${bytesToBase64Url(iv)}.${bytesToBase64Url(body)}`;
    },
    async open(sealed) {
      const [version, ivText, cipherText] = sealed.split(".");
      if (version !== "v1" || !ivText || !cipherText) throw new Error("not a sealed value");
      const body = Buffer.from(base64UrlToBytes(cipherText));
      if (body.length < 16) throw new Error("not a sealed value");
      const decipher = createDecipheriv("aes-256-gcm", aesKey, Buffer.from(base64UrlToBytes(ivText)));
      decipher.setAuthTag(body.subarray(body.length - 16));
      return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString("utf8");
    },
  };
}

// Development keys: generated once into the data folder so a newcomer needs no set-up.
// In production PSEUDONYM_KEY and VAULT_KEY must be set (the config schema enforces it).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { AppConfig } from "./config/schema.js";
import { parseKeyMaterial, randomKeyText } from "./crypto/keys.js";

/** `source`: where the keys came from, so the log says "generated" only on the start that made them. */
export async function loadNodeKeys(
  config: AppConfig,
  dataDir = "./data",
): Promise<{ pseudonymKey: string; vaultKey: string; generated: boolean; source: "settings" | "generated" | "loaded"; file?: string }> {
  if (config.keys.pseudonymKey && config.keys.vaultKey) {
    return { pseudonymKey: config.keys.pseudonymKey, vaultKey: config.keys.vaultKey, generated: false, source: "settings" };
  }
  if (config.env === "production") throw new Error("PSEUDONYM_KEY and VAULT_KEY are required in production.");
  const file = join(dataDir, "keys.json");
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, "utf8")) as { pseudonymKey: string; vaultKey: string };
    parseKeyMaterial(stored.pseudonymKey);
    parseKeyMaterial(stored.vaultKey);
    return {
      pseudonymKey: config.keys.pseudonymKey ?? stored.pseudonymKey,
      vaultKey: config.keys.vaultKey ?? stored.vaultKey,
      generated: false,
      source: "loaded",
      file,
    };
  }
  mkdirSync(dataDir, { recursive: true });
  const keys = { pseudonymKey: randomKeyText(), vaultKey: randomKeyText() };
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return { ...keys, generated: true, source: "generated", file };
}

// Layers point down (issue 11): messaging (src/messaging, with the infrastructure src/db, src/crypto,
// src/log) ← domain (src/<area>) ← core (bots/core, with its work loop in bots/core/work) ← adapters
// (bots/<channel>). Only the wiring files may import adapters. No cycles.
/** @type {import('dependency-cruiser').IConfiguration} */
const WIRING = "^src/(app|channels|node|worker)\\.ts$|^src/cli/(admin|registry)\\.ts$";
module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", comment: "An import cycle: the layers no longer point one way.", from: {}, to: { circular: true } },
    {
      name: "domain-not-up",
      severity: "error",
      comment: "Domain code under src/ imports nothing from bots/ (only the wiring files do).",
      from: { path: "^src/", pathNot: WIRING },
      to: { path: "^bots/" },
    },
    {
      name: "messaging-at-the-bottom",
      severity: "error",
      comment: "The shared vocabulary imports nothing of the project but the infrastructure (and the bounded id parser, for button data).",
      from: { path: "^src/messaging/" },
      to: { path: "^(src|bots)/", pathNot: "^src/(messaging|db|crypto|log)|^src/util/ids\\.ts$" },
    },
    {
      name: "core-not-adapters",
      severity: "error",
      comment: "The channel-neutral core imports no platform adapter.",
      from: { path: "^bots/core/" },
      to: { path: "^bots/(telegram|zalo|zalobot|webchat)/" },
    },
    {
      name: "adapters-apart",
      severity: "error",
      comment: "An adapter imports no other adapter: what two channels share lives in bots/core or src/.",
      from: { path: "^bots/(telegram|zalo|zalobot|webchat)/" },
      to: { path: "^bots/(telegram|zalo|zalobot|webchat)/", pathNot: "^bots/$1/" },
    },
    {
      name: "wiring-only-from-entry",
      severity: "error",
      comment: "Nothing but the entry points imports the wiring.",
      from: { pathNot: WIRING + "|^test/" },
      to: { path: "^src/(app|channels|node|worker)\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^src/db/generated/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js"] },
  },
};

// The operator's files on their own machine, for the admin command line run there.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { AdminFiles } from "./types.js";

export const nodeFiles: AdminFiles = {
  readText(path) {
    try {
      return readFileSync(path, "utf8");
    } catch {
      return null;
    }
  },
  write(path, data, opts = {}) {
    mkdirSync(dirname(path), { recursive: true });
    try {
      writeFileSync(path, data, { flag: opts.exclusive ? "wx" : "w", ...(opts.privateFile ? { mode: 0o600 } : {}) });
    } catch (error) {
      if (opts.exclusive && (error as { code?: string }).code === "EEXIST") return false;
      throw error;
    }
    return true;
  },
};

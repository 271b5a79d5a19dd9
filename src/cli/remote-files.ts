// Files of a command run on a server by a signed request (src/http/admin-api.ts): what the operator's
// command line sent along (the files named in the command, read on their machine), and what the
// command writes, handed back for the command line to write there. Nothing touches the server's disk.
import type { AdminFiles } from "./types.js";

export interface RemoteFiles extends AdminFiles {
  /** What the command wrote, by the path it named, to send back. */
  written(): Record<string, { data: Uint8Array; privateFile: boolean }>;
}

export function remoteFiles(sent: Record<string, string>): RemoteFiles {
  const out = new Map<string, { data: Uint8Array; privateFile: boolean }>();
  const encoder = new TextEncoder();
  return {
    readText: (path) => sent[path] ?? null,
    write(path, data, opts = {}) {
      // "Exists" as the operator's side knows it: a file it sent, or one written before in this run.
      if (opts.exclusive && (path in sent || out.has(path))) return false;
      out.set(path, { data: typeof data === "string" ? encoder.encode(data) : data, privateFile: opts.privateFile ?? false });
      return true;
    },
    written: () => Object.fromEntries(out),
  };
}

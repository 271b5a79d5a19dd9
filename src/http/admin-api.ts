// Admin commands for a deployed server (issue 19, "admin on Workers"): POST /quantri/lenh runs one
// command of the admin command line on this server's databases, for an operator whose machine signs
// the request with ADMIN_API_KEY (src/crypto/admin-signature.ts; the sender is src/cli/remote.ts).
// Unsigned, stale or replayed requests get 401 and change nothing. The files the command names come
// in the request and what it writes goes back in the answer: nothing touches the server's disk.
import { Hono } from "hono";
import { z } from "zod";
import type { Db } from "../db/client.js";
import type { Keyring } from "../crypto/keys.js";
import { bytesToBase64Url } from "../crypto/keys.js";
import type { AppConfig } from "../config/schema.js";
import type { Logger } from "../log.js";
import type { ReportRenderers } from "../reports/types.js";
import type { PosterFonts } from "../places/poster-pdf.js";
import { ADMIN_SIGNATURE_HEADER, ADMIN_SIGNATURE_MAX_AGE_MS, verifyAdminSignature } from "../crypto/admin-signature.js";
import { remoteFiles } from "../cli/remote-files.js";
import { runCommand } from "../cli/run.js";
import type { AdminCommand } from "../cli/types.js";
import { viAdmin } from "../i18n/vi-admin.js";
import { bodyText, limitBody } from "./answers.js";

export const ADMIN_API_PATH = "/quantri/lenh";
/** A province's places file is well under this; Workers take requests up to 100 MB. */
export const ADMIN_API_MAX_BYTES = 8 * 1024 * 1024;

const request = z.object({
  command: z.string().min(1).max(40),
  args: z.array(z.string().max(4_000)).max(100),
  files: z.record(z.string().max(1_000), z.string()).default({}),
});

export interface AdminApiOptions {
  key: string;
  commands: AdminCommand[];
  db: Db;
  keys: Keyring;
  config: AppConfig;
  log: Logger;
  now: () => Date;
  renderers?: ReportRenderers;
  posterFonts?: () => PosterFonts;
}

export function adminApiApp(opts: AdminApiOptions): Hono {
  const app = new Hono();
  app.post(ADMIN_API_PATH, limitBody(ADMIN_API_MAX_BYTES, { error: "too large" }), async (c) => {
    const body = await bodyText(c);
    if (body === null) return c.json({ error: "unreadable body" }, 400);
    const now = opts.now();
    const signed = await verifyAdminSignature(opts.key, c.req.header(ADMIN_SIGNATURE_HEADER), body, now.getTime());
    if (!signed.ok) return c.json({ error: "bad signature" }, 401);
    // Each signature once: its nonce is kept as long as the signature could be accepted.
    await opts.db.adminNonce.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 2 * ADMIN_SIGNATURE_MAX_AGE_MS) } } });
    try {
      await opts.db.adminNonce.create({ data: { nonce: signed.nonce, createdAt: now } });
    } catch (error) {
      if ((error as { code?: string }).code === "P2002") return c.json({ error: "replayed" }, 401);
      throw error;
    }
    let parsed: z.infer<typeof request>;
    try {
      parsed = request.parse(JSON.parse(body));
    } catch {
      return c.json({ error: "malformed" }, 400);
    }
    const out: string[] = [];
    const err: string[] = [];
    const command = opts.commands.find((x) => x.name === parsed.command);
    if (!command) return c.json({ code: 2, out, err: [viAdmin.unknownCommand(parsed.command.slice(0, 40))], files: {} });
    const files = remoteFiles(parsed.files);
    const ctx = { db: opts.db, keys: opts.keys, config: opts.config, now: opts.now, files, renderers: opts.renderers, posterFonts: opts.posterFonts, out: (l: string) => void out.push(l), err: (l: string) => void err.push(l) };
    let code: number;
    try {
      code = await runCommand(command, ctx, parsed.args);
    } catch (error) {
      // The command failed on this server (a database limit, a platform's refusal): the operator reads why.
      err.push(viAdmin.failed(error instanceof Error ? error.message : String(error)));
      code = 1;
    }
    opts.log.info("admin.remote", { command: command.name, code });
    const written = Object.fromEntries(Object.entries(files.written()).map(([path, f]) => [path, { data: bytesToBase64Url(f.data), privateFile: f.privateFile }]));
    return c.json({ code, out, err, files: written });
  });
  return app;
}

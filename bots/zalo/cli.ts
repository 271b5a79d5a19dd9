// Admin commands for the Zalo Official Account: the consent link, the first token exchange, and
// the token's state (never the tokens themselves).
import { formatDateTimeVN } from "../../src/util/vietnam-time.js";
import type { AdminCommand, AdminContext } from "../../src/cli/types.js";
import { viZalo } from "../../src/i18n/vi-zalo.js";
import { ZaloApiError, ZaloOaClient } from "./client.js";
import { createTokenStore } from "./tokens.js";
import { bytesToBase64Url } from "../../src/crypto/keys.js";
import { messagesFor } from "../../src/i18n/messages.js";

const cli = messagesFor("vi").cli;

export function zaloClientFor(ctx: AdminContext): ZaloOaClient | null {
  const zalo = ctx.config.zalo;
  if (zalo.kind !== "on") return null;
  return new ZaloOaClient({
    appId: zalo.appId,
    appSecret: zalo.appSecret,
    apiRoot: zalo.apiRoot,
    oauthRoot: zalo.oauthRoot,
    tokens: createTokenStore(ctx.db, ctx.keys, zalo.appId),
    now: () => ctx.now(),
  });
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export const zaloCommands: AdminCommand[] = [
  {
    name: "zalo-consent",
    usage: cli.zalo.authorizeUsage,
    summary: viZalo.admin.zaloConsentSummary,
    async run(ctx, args) {
      const client = zaloClientFor(ctx);
      if (!client) {
        ctx.err(viZalo.admin.notConfigured);
        return 2;
      }
      const redirect = option(args, "--redirect");
      if (!redirect || !/^https?:\/\//.test(redirect)) {
        ctx.err(viZalo.admin.redirectMissing);
        return 2;
      }
      const state = bytesToBase64Url(crypto.getRandomValues(new Uint8Array(12)));
      ctx.out(viZalo.admin.consentIntro);
      ctx.out(client.consentUrl(redirect, state));
      ctx.out(viZalo.admin.consentNext(redirect));
      return 0;
    },
  },
  {
    name: "zalo-token",
    usage: cli.zalo.tokenUsage,
    summary: viZalo.admin.zaloTokenSummary,
    async run(ctx, args) {
      const client = zaloClientFor(ctx);
      if (!client) {
        ctx.err(viZalo.admin.notConfigured);
        return 2;
      }
      const code = args.find((a) => !a.startsWith("--"))?.trim();
      if (!code) {
        ctx.err(viZalo.admin.codeMissing);
        return 2;
      }
      try {
        const pair = await client.exchangeCode(code);
        ctx.out(viZalo.admin.exchanged(formatDateTimeVN(pair.accessExpiresAt)));
        return 0;
      } catch (error) {
        ctx.err(viZalo.admin.exchangeFailed(error instanceof ZaloApiError ? String(error.code) : error instanceof Error ? error.message : cli.zalo.error));
        return 1;
      }
    },
  },
  {
    name: "zalo-status",
    usage: "",
    summary: viZalo.admin.zaloStatusSummary,
    async run(ctx) {
      if (ctx.config.zalo.kind !== "on") {
        ctx.err(viZalo.admin.notConfigured);
        return 2;
      }
      const row = await ctx.db.zaloToken.findUnique({ where: { appId: ctx.config.zalo.appId } });
      if (!row) {
        ctx.out(viZalo.admin.statusNone);
        return 1;
      }
      ctx.out(viZalo.admin.status(row.generation, formatDateTimeVN(row.accessExpiresAt), formatDateTimeVN(row.refreshExpiresAt)));
      if (row.lastError) {
        ctx.out(viZalo.admin.statusError(row.lastError));
        return 1;
      }
      return 0;
    },
  },
];

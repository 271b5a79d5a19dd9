import { z } from "zod";

// Read once at start; every setting is documented in README.md.
const minutes = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const keyText = z
  .string()
  .regex(/^[A-Za-z0-9_\-+/=]{43,}$/, "must be at least 32 random bytes as base64url (try: openssl rand -base64 32)");

const telegramSecret = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,256}$/, "must be 1–256 characters of A-Z a-z 0-9 _ -");

/** Where the app serves the digest article's default cover (bots/zalo/cover.ts). */
export const ZALO_COVER_PATH = "/zalo/bia-ban-tin.png";

const raw = z.object({
  APP_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787), // 0 = any free port
  DATABASE_URL: z.string().min(1).default("file:./data/phaodai.db"),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[A-Za-z0-9_-]+$/, "looks like 123456:ABC-… from @BotFather").optional(),
  TELEGRAM_API_ROOT: z.url().default("https://api.telegram.org"),
  TELEGRAM_WEBHOOK_SECRET: telegramSecret.optional(),
  TELEGRAM_BOT_USERNAME: z.string().regex(/^@?[A-Za-z0-9_]{5,32}$/, "is the bot's @username from @BotFather").optional(),
  ZALO_APP_ID: z.string().regex(/^\d{5,25}$/, "is the numeric app id from developers.zalo.me").optional(),
  ZALO_APP_SECRET: z.string().min(8, "is the app's secret key from developers.zalo.me").optional(),
  ZALO_OA_SECRET_KEY: z.string().min(8, "is the OA secret key (webhook signature) from the app's Official Account settings").optional(),
  ZALO_API_ROOT: z.url().default("https://openapi.zalo.me"),
  ZALO_OAUTH_ROOT: z.url().default("https://oauth.zaloapp.com"),
  ZALO_ARTICLE_COVER_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The Zalo Official Account's page, for the QR code on posters (like the CLI's `posters --zalo`). */
  ZALO_OA_URL: z.string().regex(/^https:\/\/(zalo\.me|oa\.zalo\.me)\//, "is the Official Account's link, https://zalo.me/… or https://oa.zalo.me/…").optional(),
  ZALO_BOT_TOKEN: z.string().regex(/^[A-Za-z0-9]+:[A-Za-z0-9_-]+$/, "looks like <bot id>:<secret> from the Zalo Bot Creator").optional(),
  ZALO_BOT_API_ROOT: z.url().default("https://bot-api.zaloplatforms.com"),
  ZALO_BOT_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{8,256}$/, "must be 8–256 characters of A-Z a-z 0-9 _ -").optional(),
  PSEUDONYM_KEY: keyText.optional(),
  VAULT_KEY: keyText.optional(),
  /** Signs admin commands run on a deployed server from an operator's machine (npm run admin -- --remote <url> …). */
  ADMIN_API_KEY: keyText.optional(),
  DEMO_MODE: z.enum(["auto", "on", "off"]).default("auto"),
  DRAFT_TTL_MINUTES: minutes(60),
  ESCALATE_AFTER_MINUTES: minutes(30),
  TIPS_PER_HOUR: minutes(5),
  GLOBAL_TIPS_PER_MINUTE: minutes(120),
  HELD_SUMMARY_MINUTES: minutes(15),
  WRONG_CODES_PER_MINUTE: minutes(30),
  WEB_TIPS_PER_NETWORK_PER_MINUTE: minutes(3),
  WEB_POW_MAX_NUMBER: z.coerce.number().int().min(10).max(10_000_000).default(100_000),
  ADDRESS_RETENTION_DAYS: minutes(30),
  TIP_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(24),
  UPLOADS_PER_CONVERSATION: minutes(10),
  UPLOADS_PER_MINUTE: minutes(60),
  UPLOAD_QUOTA_MB: minutes(200),
  FIGURES_REMINDER_DAY: z.coerce.number().int().min(1).max(28).default(20),
  LEADER_REMINDER_DAY: z.coerce.number().int().min(1).max(28).default(22),
  REPORT_DUE_DAY: z.coerce.number().int().min(1).max(28).default(25),
  DISPATCH_INTERVAL_MS: z.coerce.number().int().positive().default(500),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type TelegramMode =
  | { kind: "off" }
  | { kind: "polling"; token: string; apiRoot: string }
  | { kind: "webhook"; token: string; apiRoot: string; publicUrl: string; secret: string; username?: string };

export type ZaloOaMode =
  | { kind: "off" }
  | {
      kind: "on";
      appId: string;
      appSecret: string;
      oaSecretKey: string;
      apiRoot: string;
      oauthRoot: string;
      /** The weekly digest article's cover (Zalo requires one): ZALO_ARTICLE_COVER_URL, else ours under PUBLIC_URL; none: no digest. */
      articleCoverUrl?: string;
    };

export type ZaloBotMode =
  | { kind: "off" }
  | { kind: "polling"; token: string; apiRoot: string }
  | { kind: "webhook"; token: string; apiRoot: string; publicUrl: string; secret: string };

export interface AppConfig {
  env: "development" | "production" | "test";
  port: number;
  databaseUrl: string;
  publicUrl?: string;
  telegram: TelegramMode;
  zalo: ZaloOaMode;
  zalobot: ZaloBotMode;
  /** The Zalo OA's page (ZALO_OA_URL): the console's posters print a QR code opening it. */
  zaloOaUrl?: string;
  keys: { pseudonymKey?: string; vaultKey?: string };
  /** ADMIN_API_KEY: when set, the server takes signed admin commands at POST /quantri/lenh (src/http/admin-api.ts). */
  adminApiKey?: string;
  demo: boolean;
  draftTtlMinutes: number;
  escalateAfterMinutes: number;
  tipsPerHour: number;
  globalTipsPerMinute: number;
  heldSummaryMinutes: number;
  wrongCodesPerMinute: number;
  /** Web chat: tips per client network per minute before they are held; proof-of-work cost. */
  web: { tipsPerNetworkPerMinute: number; powMaxNumber: number };
  addressRetentionDays: number;
  /** Months after closing that a tip's text, files and thread are kept (src/tips/retention.ts). */
  tipRetentionMonths: number;
  /** Web-chat pictures not yet attached to a tip: per conversation, per minute, and in bytes. */
  uploads: { pendingPerConversation: number; perMinute: number; pendingQuotaBytes: number };
  dispatchIntervalMs: number;
  /** Days of the month (Vietnam time) for the compliance reminders and the report's due date. */
  compliance: { figuresReminderDay: number; leaderReminderDay: number; reportDueDay: number };
  logLevel: "debug" | "info" | "warn" | "error";
}

export class ConfigError extends Error {}

/** Parses settings from environment-like strings; throws ConfigError with one line saying which and how to fix it. */
export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = raw.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? "setting");
    throw new ConfigError(`Setting ${name} is invalid: ${issue.message}. Fix it in the environment (see README, "Settings").`);
  }
  const c = result.data;
  let telegram: TelegramMode = { kind: "off" };
  if (c.TELEGRAM_BOT_TOKEN) {
    if (c.PUBLIC_URL) {
      if (!c.TELEGRAM_WEBHOOK_SECRET) {
        throw new ConfigError(
          "Setting TELEGRAM_WEBHOOK_SECRET is missing: webhook mode (PUBLIC_URL is set) needs it. Set 1–256 characters of A-Z a-z 0-9 _ -.",
        );
      }
      telegram = {
        kind: "webhook",
        token: c.TELEGRAM_BOT_TOKEN,
        apiRoot: c.TELEGRAM_API_ROOT,
        publicUrl: c.PUBLIC_URL,
        secret: c.TELEGRAM_WEBHOOK_SECRET,
        ...(c.TELEGRAM_BOT_USERNAME ? { username: c.TELEGRAM_BOT_USERNAME.replace(/^@/, "") } : {}),
      };
    } else {
      telegram = { kind: "polling", token: c.TELEGRAM_BOT_TOKEN, apiRoot: c.TELEGRAM_API_ROOT };
    }
  }
  let zalo: ZaloOaMode = { kind: "off" };
  const zaloNames = ["ZALO_APP_ID", "ZALO_APP_SECRET", "ZALO_OA_SECRET_KEY"] as const;
  const zaloGiven = zaloNames.filter((name) => c[name] !== undefined);
  if (zaloGiven.length > 0) {
    const missing = zaloNames.find((name) => c[name] === undefined);
    if (missing) throw new ConfigError(`Setting ${missing} is missing: the Zalo Official Account needs ZALO_APP_ID, ZALO_APP_SECRET and ZALO_OA_SECRET_KEY together.`);
    const articleCoverUrl = c.ZALO_ARTICLE_COVER_URL ?? (c.PUBLIC_URL ? c.PUBLIC_URL.replace(/\/+$/, "") + ZALO_COVER_PATH : undefined);
    zalo = { kind: "on", appId: c.ZALO_APP_ID!, appSecret: c.ZALO_APP_SECRET!, oaSecretKey: c.ZALO_OA_SECRET_KEY!, apiRoot: c.ZALO_API_ROOT, oauthRoot: c.ZALO_OAUTH_ROOT, articleCoverUrl };
  }
  let zalobot: ZaloBotMode = { kind: "off" };
  if (c.ZALO_BOT_TOKEN) {
    if (c.PUBLIC_URL) {
      if (!c.ZALO_BOT_WEBHOOK_SECRET) {
        throw new ConfigError("Setting ZALO_BOT_WEBHOOK_SECRET is missing: webhook mode (PUBLIC_URL is set) needs it. Set 8–256 characters of A-Z a-z 0-9 _ -.");
      }
      zalobot = { kind: "webhook", token: c.ZALO_BOT_TOKEN, apiRoot: c.ZALO_BOT_API_ROOT, publicUrl: c.PUBLIC_URL, secret: c.ZALO_BOT_WEBHOOK_SECRET };
    } else {
      zalobot = { kind: "polling", token: c.ZALO_BOT_TOKEN, apiRoot: c.ZALO_BOT_API_ROOT };
    }
  }
  if (c.APP_ENV === "production") {
    for (const name of ["PSEUDONYM_KEY", "VAULT_KEY"] as const) {
      if (!c[name]) throw new ConfigError(`Setting ${name} is missing: it is required in production. Set 32 random bytes as base64url (openssl rand -base64 32).`);
    }
    if (c.PSEUDONYM_KEY === c.VAULT_KEY) throw new ConfigError("Settings PSEUDONYM_KEY and VAULT_KEY must differ.");
  }
  const noMessenger = telegram.kind === "off" && zalo.kind === "off" && zalobot.kind === "off";
  // Demo mode hands any visitor an officer invitation: never beside real citizens.
  if (c.DEMO_MODE === "on" && c.APP_ENV === "production") {
    throw new ConfigError("Setting DEMO_MODE=on is refused in production: demo mode gives any visitor an officer's rights. Use DEMO_MODE=off (or auto).");
  }
  if (c.DEMO_MODE === "on" && !noMessenger) {
    throw new ConfigError("Setting DEMO_MODE=on is refused while a messenger token is configured: demo mode gives any visitor an officer's rights. Use DEMO_MODE=off (or auto).");
  }
  const demo = c.DEMO_MODE === "on" || (c.DEMO_MODE === "auto" && noMessenger && c.APP_ENV !== "production");
  return {
    env: c.APP_ENV,
    port: c.PORT,
    databaseUrl: c.DATABASE_URL,
    publicUrl: c.PUBLIC_URL,
    telegram,
    zalo,
    zalobot,
    ...(c.ZALO_OA_URL ? { zaloOaUrl: c.ZALO_OA_URL } : {}),
    keys: { pseudonymKey: c.PSEUDONYM_KEY, vaultKey: c.VAULT_KEY },
    ...(c.ADMIN_API_KEY ? { adminApiKey: c.ADMIN_API_KEY } : {}),
    demo,
    draftTtlMinutes: c.DRAFT_TTL_MINUTES,
    escalateAfterMinutes: c.ESCALATE_AFTER_MINUTES,
    tipsPerHour: c.TIPS_PER_HOUR,
    globalTipsPerMinute: c.GLOBAL_TIPS_PER_MINUTE,
    heldSummaryMinutes: c.HELD_SUMMARY_MINUTES,
    wrongCodesPerMinute: c.WRONG_CODES_PER_MINUTE,
    web: { tipsPerNetworkPerMinute: c.WEB_TIPS_PER_NETWORK_PER_MINUTE, powMaxNumber: c.WEB_POW_MAX_NUMBER },
    addressRetentionDays: c.ADDRESS_RETENTION_DAYS,
    tipRetentionMonths: c.TIP_RETENTION_MONTHS,
    uploads: { pendingPerConversation: c.UPLOADS_PER_CONVERSATION, perMinute: c.UPLOADS_PER_MINUTE, pendingQuotaBytes: c.UPLOAD_QUOTA_MB * 1024 * 1024 },
    dispatchIntervalMs: c.DISPATCH_INTERVAL_MS,
    compliance: { figuresReminderDay: c.FIGURES_REMINDER_DAY, leaderReminderDay: c.LEADER_REMINDER_DAY, reportDueDay: c.REPORT_DUE_DAY },
    logLevel: c.LOG_LEVEL,
  };
}

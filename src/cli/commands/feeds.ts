// `npm run admin -- feeds --village <code> [--rotate]` (issue 15): issues a village's private feed
// link for loudspeakers and podcast apps, or rotates it. The link is printed once: the server keeps
// only a keyed hash of its token. Every issue and rotation is audited (StaffAudit).
import { findVillageByCode } from "../../places/search.js";
import { formatDateTimeVN } from "../../util/vietnam-time.js";
import { viFeeds } from "../../i18n/vi-feeds.js";
import { feedIssuedAt, feedUrls, issueFeedToken } from "../../feeds/tokens.js";
import { parseCommandArgs } from "../args.js";
import type { AdminCommand } from "../types.js";

const a = viFeeds.admin;

export const feedsCommands: AdminCommand[] = [
  {
    name: "feeds",
    usage: a.usage,
    summary: a.summary,
    async run(ctx, args) {
      const { values } = parseCommandArgs(args, { village: { type: "string" }, rotate: { type: "boolean" }, url: { type: "string" } });
      const code = values.village?.trim() ?? "";
      const village = code ? await findVillageByCode(ctx.db, code) : null;
      if (!village) {
        ctx.err(a.villageUnknown(code));
        return 1;
      }
      const publicUrl = values.url ?? ctx.config.publicUrl;
      if (!publicUrl || !/^https?:\/\//.test(publicUrl)) {
        ctx.err(a.needUrl);
        return 2;
      }
      const since = await feedIssuedAt(ctx.db, village.id);
      if (since && !values.rotate) {
        ctx.out(a.exists(village.name, formatDateTimeVN(since)));
        return 0;
      }
      const { token, rotated } = await issueFeedToken(ctx.db, ctx.keys, village, ctx.now());
      const urls = feedUrls(publicUrl, token);
      ctx.out(rotated ? a.rotated(village.name) : a.issued(village.name));
      ctx.out(a.rss(urls.rss));
      ctx.out(a.m3u(urls.m3u));
      return 0;
    },
  },
];

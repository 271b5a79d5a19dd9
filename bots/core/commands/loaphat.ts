// /loaphat [moi]: the village head's own village feed link for an IP/4G loudspeaker or a podcast app
// (issue 15), only in a private chat. The link is sent as a secret (no copy stays on the server once
// delivered) and protected from forwarding; the token is made and kept (as a keyed hash) by src/feeds.
import { defineCommand } from "../registry.js";
import { viCommandWords } from "../../../src/i18n/vi-command-words.js";
import { viFeeds } from "../../../src/i18n/vi-feeds.js";
import { feedUrls, issueFeedForStaff } from "../../../src/feeds/tokens.js";
import { formatDateTimeVN } from "../../../src/util/vietnam-time.js";

const t = viFeeds.command;

export default defineCommand({
  names: viCommandWords.loaphat,
  for: "staff",
  // A link in a group would let every member play (and confirm) the village's bulletins.
  inGroups: "private_only",
  help: [{ section: "bulletins", shownTo: "bulletin.confirm", lines: t.help }],
  menu: t.menu,
  async run(turn, args, staff) {
    const word = args.trim().toLowerCase();
    if (word !== "" && !(t.rotateWords as readonly string[]).includes(word)) {
      turn.reply(t.badArgs);
      return;
    }
    const publicUrl = turn.deps.settings.publicUrl;
    if (!publicUrl) {
      turn.reply(staff.role === "village_head" ? t.noUrl : t.forbidden);
      return;
    }
    const outcome = await issueFeedForStaff(turn.deps.db, turn.deps.keys, staff, word !== "", turn.now());
    if (!outcome.ok) {
      turn.reply(outcome.reason === "forbidden" ? t.forbidden : t.exists(outcome.village, formatDateTimeVN(outcome.since)));
      return;
    }
    turn.deps.log.info("feeds.link_sent", { staffId: staff.id, rotated: outcome.rotated });
    const urls = feedUrls(publicUrl, outcome.token);
    turn.replies.push({ text: t.link(outcome.village, outcome.rotated, urls.rss, urls.m3u), secret: true, protect: true });
  },
});

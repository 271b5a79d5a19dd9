// Telegram's side of the neutral "fetch media bytes" capability: getFile, then the file download
// URL (which contains the bot token: it is never logged or shown). Photos sent as photos are
// re-compressed by Telegram; src/media/fetch.ts strips what metadata is left anyway.
import type { Api } from "grammy";
import { fetchUrlLimited, type MediaFetcher } from "../../src/media/fetch.js";

export function telegramMediaFetcher(api: Api, token: string, apiRoot: string): MediaFetcher {
  return async (fileId) => {
    try {
      const file = await api.getFile(fileId);
      if (!file.file_path) return null;
      return await fetchUrlLimited(`${apiRoot.replace(/\/+$/, "")}/file/bot${token}/${file.file_path}`);
    } catch {
      return null;
    }
  };
}

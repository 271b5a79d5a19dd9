// Messages to a citizen that must not rest on the server: a receipt code once delivered, and every
// message to an address whose owner asked to erase it (/xoadulieu). Each erasure ends with a WAL
// checkpoint so no older copy of the page stays on disk (src/db/forget.ts).
import type { Db } from "../db/client.js";
import { checkpointAfterErasure } from "../db/forget.js";
import { vi } from "../i18n/vi.js";

/** The web chat's stored messages up to `upToId` that carried a secret: the browser has them, so blank them. */
export async function forgetDeliveredSecrets(db: Db, addressTag: string, upToId: number): Promise<number> {
  const { count } = await db.webChatMessage.updateMany({
    where: { addressTag, secret: true, id: { lte: upToId } },
    data: { payload: JSON.stringify({ text: vi.web.secretGone }), secret: false },
  });
  if (count > 0) await checkpointAfterErasure(db);
  return count;
}

/** Every message to this address, sent or waiting, in the outbox and in the web chat's store. */
export async function eraseMessagesToAddress(db: Db, addressTag: string): Promise<number> {
  const outbox = await db.outboxMessage.deleteMany({ where: { addressTag } });
  const web = await db.webChatMessage.deleteMany({ where: { addressTag } });
  await checkpointAfterErasure(db);
  return outbox.count + web.count;
}

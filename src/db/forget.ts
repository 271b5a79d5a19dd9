// After something secret is blanked or erased (a receipt code, an address the citizen asked to
// erase), no copy may linger on disk: SQLite keeps old page versions in the WAL until a checkpoint,
// and freed pages keep their bytes unless secure_delete is on (src/db/node.ts turns it on). On D1
// the storage is Cloudflare's and takes no pragmas: the call is a no-op there.
import type { Db } from "./client.js";

export async function checkpointAfterErasure(db: Db): Promise<void> {
  try {
    await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  } catch {
    // D1 refuses pragmas; a busy reader leaves the WAL for the next checkpoint. Neither loses data.
  }
}

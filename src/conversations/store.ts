// A turn's own reads and writes, in as few statements as they can be (issue 11, the hot path): at
// its start one statement reads the person's dialogue state, their staff record (direct, or
// through a linked account) and the locale they chose; at its end one transaction writes the new
// state, the replies and whatever the caller adds (the handled incoming's "done"). Through the
// prepared layer, src/db/sql.ts.
import type { Db } from "../db/client.js";
import type { Staff } from "../db/generated/node/client.js";
import { dateOf, dateOrNull, sql, sqlDate, sqlOf, type SqlRow, type SqlStatement } from "../db/sql.js";

export interface StoredConversation {
  state: string;
  expiresAt: Date | null;
}

export interface TurnStart {
  conversation: StoredConversation | null;
  /** Active or not: the engine decides what a revoked member may do. */
  staff: Staff | null;
  /** The catalogs' locale the person chose (Preference); absent for the default. */
  locale?: string;
}

const STAFF_COLUMNS = ["id", "pseudonym", "channel", "sealedAddress", "displayName", "role", "communeId", "villageId", "provinceId", "unitKind", "active", "createdAt", "revokedAt", "audienceId"] as const;

function staffOf(row: SqlRow): Staff {
  return {
    id: Number(row.s_id),
    pseudonym: String(row.s_pseudonym),
    channel: String(row.s_channel),
    sealedAddress: String(row.s_sealedAddress),
    displayName: String(row.s_displayName),
    role: String(row.s_role),
    communeId: row.s_communeId === null ? null : Number(row.s_communeId),
    villageId: row.s_villageId === null ? null : Number(row.s_villageId),
    provinceId: row.s_provinceId === null ? null : Number(row.s_provinceId),
    unitKind: row.s_unitKind === null || row.s_unitKind === undefined ? null : String(row.s_unitKind),
    active: Number(row.s_active) === 1,
    createdAt: dateOf(row.s_createdAt),
    revokedAt: dateOrNull(row.s_revokedAt),
    audienceId: row.s_audienceId === null || row.s_audienceId === undefined ? null : Number(row.s_audienceId),
  };
}

// The staff record is the person's own (Staff) before a linked account's (StaffLink), as findStaff.
const TURN_START = `SELECT c."state" AS c_state, c."expiresAt" AS c_expiresAt, p."locale" AS p_locale, ${STAFF_COLUMNS.map((c) => `s."${c}" AS s_${c}`).join(", ")}
  FROM (SELECT ? AS p) AS who
  LEFT JOIN "Conversation" AS c ON c."pseudonym" = who.p
  LEFT JOIN "Preference" AS p ON p."pseudonym" = who.p
  LEFT JOIN "Staff" AS s ON s."id" = COALESCE((SELECT "id" FROM "Staff" WHERE "pseudonym" = who.p), (SELECT "staffId" FROM "StaffLink" WHERE "pseudonym" = who.p))`;

/** The dialogue state, the staff record and the chosen locale behind a pseudonym, in one statement. */
export async function readTurnStart(db: Db, pseudonym: string): Promise<TurnStart> {
  const { rows } = await sqlOf(db).run(sql(TURN_START, pseudonym));
  const row = rows[0] ?? {};
  return {
    conversation: row.c_state === null || row.c_state === undefined ? null : { state: String(row.c_state), expiresAt: dateOrNull(row.c_expiresAt) },
    staff: row.s_id === null || row.s_id === undefined ? null : staffOf(row),
    ...(row.p_locale === null || row.p_locale === undefined ? {} : { locale: String(row.p_locale) }),
  };
}

export interface ConversationWrite {
  pseudonym: string;
  /** The state to keep, or null to end the conversation. */
  state: string | null;
  sealedAddress: string;
  updatedAt: Date;
  expiresAt: Date;
}

/** The statement that keeps (or ends) a conversation's state. */
export function conversationStatement(write: ConversationWrite): SqlStatement {
  if (write.state === null) return sql(`DELETE FROM "Conversation" WHERE "pseudonym" = ?`, write.pseudonym);
  return sql(
    `INSERT INTO "Conversation" ("pseudonym", "state", "sealedAddress", "updatedAt", "expiresAt") VALUES (?, ?, ?, ?, ?)
     ON CONFLICT ("pseudonym") DO UPDATE SET "state" = excluded."state", "sealedAddress" = excluded."sealedAddress", "updatedAt" = excluded."updatedAt", "expiresAt" = excluded."expiresAt"`,
    write.pseudonym,
    write.state,
    write.sealedAddress,
    sqlDate(write.updatedAt),
    sqlDate(write.expiresAt),
  );
}

/** A turn's writes, all or none. */
export async function writeTurn(db: Db, statements: SqlStatement[]): Promise<void> {
  await sqlOf(db).batch(statements);
}

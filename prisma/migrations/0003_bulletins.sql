-- Bulletins (issue 4): languages of communes and villages, outbox priority, and the bulletin
-- catalog, translations, schedules, slots, per-village coverage and citizens' subscriptions.
-- Hand-written in the form Prisma generates for SQLite; applied by wrangler (D1) and by
-- src/db/migrate-node.ts (Node).

-- ISO 639-3 codes, comma-separated, in order. A village without its own list uses the commune's.
ALTER TABLE "Commune" ADD COLUMN "languages" TEXT NOT NULL DEFAULT 'vie';
ALTER TABLE "Village" ADD COLUMN "languages" TEXT;

-- Bulletin fan-out is queued with priority -1 so that tip alerts and replies (0) go first.
ALTER TABLE "OutboxMessage" ADD COLUMN "priority" INTEGER NOT NULL DEFAULT 0;
-- The dispatcher checks each row for an earlier pending row to the same chat: index it, or a
-- fan-out of N rows costs N scans of N rows.
-- 0002 creates the same index for the Zalo window; either may come first on a developer's database.
CREATE INDEX IF NOT EXISTS "OutboxMessage_addressTag_status_idx" ON "OutboxMessage"("addressTag", "status");

CREATE TABLE "BulletinItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '',
    "validFrom" DATETIME,
    "validUntil" DATETIME,
    "sources" TEXT NOT NULL,
    "retiredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "BulletinItem_slug_key" ON "BulletinItem"("slug");

CREATE TABLE "BulletinVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "itemId" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "text" TEXT,
    "altText" TEXT,
    "audioKind" TEXT,
    "audioChannel" TEXT,
    "audioFileRef" TEXT,
    "translatorStaffId" INTEGER,
    "submittedAt" DATETIME,
    "reviewedByStaffId" INTEGER,
    "approvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BulletinVersion_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "BulletinItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "BulletinVersion_itemId_language_status_key" ON "BulletinVersion"("itemId", "language", "status");

CREATE TABLE "BulletinSchedule" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communeId" INTEGER NOT NULL,
    "days" TEXT NOT NULL,
    "times" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "cursorAt" DATETIME NOT NULL,
    "nextDueAt" DATETIME,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedByStaffId" INTEGER,
    CONSTRAINT "BulletinSchedule_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "BulletinSchedule_communeId_key" ON "BulletinSchedule"("communeId");
CREATE INDEX "BulletinSchedule_enabled_nextDueAt_idx" ON "BulletinSchedule"("enabled", "nextDueAt");

CREATE TABLE "BulletinSlot" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communeId" INTEGER NOT NULL,
    "scheduledAt" DATETIME NOT NULL,
    "itemId" INTEGER,
    "status" TEXT NOT NULL,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "headsQueuedAt" DATETIME,
    "subscriberCursor" INTEGER NOT NULL DEFAULT 0,
    "subscribersQueued" INTEGER NOT NULL DEFAULT 0,
    "subscribersSkipped" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fannedOutAt" DATETIME,
    CONSTRAINT "BulletinSlot_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "BulletinSlot_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "BulletinItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "BulletinSlot_communeId_scheduledAt_key" ON "BulletinSlot"("communeId", "scheduledAt");
CREATE INDEX "BulletinSlot_status_idx" ON "BulletinSlot"("status");

CREATE TABLE "BulletinDelivery" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slotId" INTEGER NOT NULL,
    "villageId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "languages" TEXT NOT NULL,
    "reason" TEXT,
    "reasonText" TEXT,
    "answeredAt" DATETIME,
    "answeredByStaffId" INTEGER,
    "remindAt" DATETIME NOT NULL,
    "remindedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BulletinDelivery_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "BulletinSlot" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "BulletinDelivery_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "BulletinDelivery_slotId_villageId_key" ON "BulletinDelivery"("slotId", "villageId");
CREATE INDEX "BulletinDelivery_status_remindAt_idx" ON "BulletinDelivery"("status", "remindAt");

CREATE TABLE "BulletinSubscription" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "pseudonym" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "sealedAddress" TEXT NOT NULL,
    "addressTag" TEXT NOT NULL,
    "communeId" INTEGER NOT NULL,
    "language" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastIncomingAt" DATETIME NOT NULL,
    CONSTRAINT "BulletinSubscription_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "BulletinSubscription_pseudonym_key" ON "BulletinSubscription"("pseudonym");
CREATE INDEX "BulletinSubscription_communeId_id_idx" ON "BulletinSubscription"("communeId", "id");
CREATE INDEX "BulletinSubscription_addressTag_idx" ON "BulletinSubscription"("addressTag");

CREATE TABLE "BulletinTranslator" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "staffId" INTEGER NOT NULL,
    "languages" TEXT NOT NULL DEFAULT '',
    "lastRequestAt" DATETIME,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "BulletinTranslator_staffId_key" ON "BulletinTranslator"("staffId");

CREATE TABLE "BulletinWeeklySummary" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communeId" INTEGER NOT NULL,
    "weekStart" DATETIME NOT NULL,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "BulletinWeeklySummary_communeId_weekStart_key" ON "BulletinWeeklySummary"("communeId", "weekStart");

CREATE TABLE "BulletinMeta" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

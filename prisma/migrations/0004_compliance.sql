-- Compliance statistics (issue 5): villages' monthly figures with their correction history,
-- report files made for staff, reminders sent once per month and person, province-scoped admins,
-- and the index the tip statistics read by commune and month.

-- Since 1 July 2025: province → commune. An admin with a province and no commune sees that province.
ALTER TABLE "Staff" ADD COLUMN "provinceId" INTEGER REFERENCES "Province" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Invitation" ADD COLUMN "provinceId" INTEGER REFERENCES "Province" ("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One village's figures for one month (aggregate counts only, never names). "data" is a JSON object
-- of field id → number, fields as listed in src/compliance/figures.json. "version" counts corrections.
CREATE TABLE "VillageFigures" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "villageId" INTEGER NOT NULL,
    "communeId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "source" TEXT NOT NULL,
    "updatedByStaffId" INTEGER,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "VillageFigures_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "Village" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "VillageFigures_villageId_month_key" ON "VillageFigures"("villageId", "month");
CREATE INDEX "VillageFigures_communeId_month_idx" ON "VillageFigures"("communeId", "month");

-- Every save is a revision, append-only: who, when, from where, the whole set of values.
-- The unique key makes two saves of the same version collide instead of overwriting each other.
CREATE TABLE "FigureRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "villageId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "data" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "staffId" INTEGER,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "FigureRevision_villageId_month_version_key" ON "FigureRevision"("villageId", "month", "version");

-- Report files made on request (bytes in WebUpload), for scope checks on download and clean-up.
CREATE TABLE "ReportFile" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "webUploadId" INTEGER NOT NULL,
    "communeId" INTEGER,
    "provinceId" INTEGER,
    "month" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "staffId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "ReportFile_webUploadId_key" ON "ReportFile"("webUploadId");
CREATE INDEX "ReportFile_createdAt_idx" ON "ReportFile"("createdAt");

-- A reminder goes once per kind, month and person, even when two sweeps run at once.
CREATE TABLE "ReminderSent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "staffId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReminderSent_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "ReminderSent_kind_month_staffId_key" ON "ReminderSent"("kind", "month", "staffId");

-- Tip statistics read a commune's tips of one month.
CREATE INDEX "Tip_communeId_createdAt_idx" ON "Tip"("communeId", "createdAt");
-- A commune's villages and a province's communes (statistics read them on every command).
CREATE INDEX "Village_communeId_idx" ON "Village"("communeId");
CREATE INDEX "Commune_provinceId_idx" ON "Commune"("provinceId");
-- Reminders and scope lookups find staff by role.
CREATE INDEX "Staff_role_active_idx" ON "Staff"("role", "active");

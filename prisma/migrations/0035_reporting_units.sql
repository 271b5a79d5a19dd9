-- Reporting units (issue 14): the commune's departments, health station, schools, Fatherland Front
-- and mass organisations send their monthly results to the commune police (seed 000, section IV).
-- A member of the reporting_unit role belongs to one unit kind (src/compliance/units.json); the
-- invitation carries it. Each unit's month is one current row and a revision per save (who, when).
ALTER TABLE "Staff" ADD COLUMN "unitKind" TEXT;
ALTER TABLE "Invitation" ADD COLUMN "unitKind" TEXT;

CREATE TABLE "UnitFigures" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communeId" INTEGER NOT NULL,
    "unitKind" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedByStaffId" INTEGER,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "UnitFigures_communeId_fkey" FOREIGN KEY ("communeId") REFERENCES "Commune" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "UnitFigures_communeId_unitKind_month_key" ON "UnitFigures"("communeId", "unitKind", "month");

CREATE TABLE "UnitFigureRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "communeId" INTEGER NOT NULL,
    "unitKind" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "data" TEXT NOT NULL,
    "staffId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "UnitFigureRevision_communeId_unitKind_month_version_key" ON "UnitFigureRevision"("communeId", "unitKind", "month", "version");

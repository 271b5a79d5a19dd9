-- A /capnhat form in progress, kept after every answer (issue 14): "Hủy" or a timeout keeps what was
-- entered, and the next /capnhat of the same person, village and month offers to go on. Aggregate
-- counts only; removed when the figures are saved.
CREATE TABLE "FigureDraft" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "staffId" INTEGER NOT NULL,
    "villageId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "basedOn" INTEGER NOT NULL,
    "data" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
CREATE UNIQUE INDEX "FigureDraft_staffId_villageId_month_key" ON "FigureDraft"("staffId", "villageId", "month");

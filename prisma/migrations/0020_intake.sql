-- Tips that do not come by chat (issue 12): each tip names its source (src/tips/sources.json), and
-- the village tip boxes get printed slips, each with a fresh receipt code kept here only as its keyed
-- hash (as Tip.receiptHash); entering a letter under a slip's code binds the tip to that hash.
ALTER TABLE "Tip" ADD COLUMN "source" TEXT NOT NULL DEFAULT 'chat';
CREATE INDEX "Tip_communeId_source_idx" ON "Tip"("communeId", "source");

CREATE TABLE "TipSlip" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "receiptHash" TEXT NOT NULL,
    "communeId" INTEGER NOT NULL,
    "villageId" INTEGER,
    "issuedAt" DATETIME NOT NULL,
    "usedByTipId" INTEGER,
    "usedAt" DATETIME
);
CREATE UNIQUE INDEX "TipSlip_receiptHash_key" ON "TipSlip"("receiptHash");
CREATE UNIQUE INDEX "TipSlip_usedByTipId_key" ON "TipSlip"("usedByTipId");
CREATE INDEX "TipSlip_communeId_villageId_idx" ON "TipSlip"("communeId", "villageId");

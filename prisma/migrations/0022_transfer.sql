-- A tip sent on (issue 12): to another commune of the province or to a police unit. The sending
-- commune keeps only this line (where to, why, who, when) once the tip has moved.
CREATE TABLE "TipTransfer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "tipId" INTEGER NOT NULL REFERENCES "Tip"("id"),
    "fromCommuneId" INTEGER NOT NULL,
    "toCommuneId" INTEGER,
    "unit" TEXT,
    "reason" TEXT NOT NULL,
    "staffId" INTEGER NOT NULL,
    "at" DATETIME NOT NULL
);
CREATE INDEX "TipTransfer_fromCommuneId_at_idx" ON "TipTransfer"("fromCommuneId", "at");
CREATE INDEX "TipTransfer_tipId_idx" ON "TipTransfer"("tipId");

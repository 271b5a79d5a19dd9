-- Old bulletin deliveries rolled up into per-village monthly tallies (issue 19): one D1 database
-- holds five years when the village × slot rows of months past the kept year become counts.
CREATE TABLE "DeliveryTally" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "villageId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "reasonText" TEXT NOT NULL DEFAULT '',
    "tally" INTEGER NOT NULL
);
CREATE UNIQUE INDEX "DeliveryTally_villageId_month_status_reason_reasonText_key" ON "DeliveryTally"("villageId", "month", "status", "reason", "reasonText");

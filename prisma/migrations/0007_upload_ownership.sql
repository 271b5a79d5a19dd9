-- Uploads belong to the conversation that made them (issue 10): an unguessable public id, the
-- owner's address tag, what the file is for, the tip it is attached to, and its size for the quota.
-- Old rows: report files keep their purpose; pictures already attached keep their tip; the rest
-- have no owner and so can never be attached (they are deleted by the next sweep).
CREATE TABLE "new_WebUpload" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "publicId" TEXT NOT NULL,
    "ownerTag" TEXT,
    "purpose" TEXT NOT NULL DEFAULT 'citizen',
    "tipId" INTEGER,
    "size" INTEGER NOT NULL DEFAULT 0,
    "mime" TEXT NOT NULL,
    "bytes" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

INSERT INTO "new_WebUpload" ("id", "publicId", "ownerTag", "purpose", "tipId", "size", "mime", "bytes", "createdAt")
SELECT
    u."id",
    lower(hex(randomblob(16))),
    NULL,
    CASE WHEN EXISTS (SELECT 1 FROM "ReportFile" r WHERE r."webUploadId" = u."id") THEN 'report' ELSE 'citizen' END,
    (SELECT a."tipId" FROM "TipAttachment" a WHERE a."fileRef" = 'web:' || u."id" LIMIT 1),
    length(u."bytes"),
    u."mime",
    u."bytes",
    u."createdAt"
FROM "WebUpload" u;

DROP TABLE "WebUpload";
ALTER TABLE "new_WebUpload" RENAME TO "WebUpload";

CREATE UNIQUE INDEX "WebUpload_publicId_key" ON "WebUpload"("publicId");
CREATE INDEX "WebUpload_ownerTag_idx" ON "WebUpload"("ownerTag");
CREATE INDEX "WebUpload_tipId_idx" ON "WebUpload"("tipId");
CREATE INDEX "WebUpload_purpose_tipId_createdAt_idx" ON "WebUpload"("purpose", "tipId", "createdAt");

-- Tips refer to their pictures by public id from now on.
UPDATE "TipAttachment"
SET "fileRef" = 'web:' || (SELECT w."publicId" FROM "WebUpload" w WHERE 'web:' || w."id" = "TipAttachment"."fileRef")
WHERE "fileRef" LIKE 'web:%' AND EXISTS (SELECT 1 FROM "WebUpload" w WHERE 'web:' || w."id" = "TipAttachment"."fileRef");

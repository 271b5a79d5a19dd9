-- Media in R2 on Workers (issue 19): a WebUpload row keeps the file's metadata and, on Node, its
-- bytes; on Workers with the MEDIA binding the bytes live in R2 under the row's public id and the
-- column is NULL. SQLite cannot drop NOT NULL in place, so the table is rebuilt as it is.
CREATE TABLE "new_WebUpload" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "publicId" TEXT NOT NULL,
    "ownerTag" TEXT,
    "purpose" TEXT NOT NULL DEFAULT 'citizen',
    "tipId" INTEGER,
    "size" INTEGER NOT NULL DEFAULT 0,
    "mime" TEXT NOT NULL,
    "bytes" BLOB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

INSERT INTO "new_WebUpload" ("id", "publicId", "ownerTag", "purpose", "tipId", "size", "mime", "bytes", "createdAt")
SELECT "id", "publicId", "ownerTag", "purpose", "tipId", "size", "mime", "bytes", "createdAt" FROM "WebUpload";

DROP TABLE "WebUpload";
ALTER TABLE "new_WebUpload" RENAME TO "WebUpload";

CREATE UNIQUE INDEX "WebUpload_publicId_key" ON "WebUpload"("publicId");
CREATE INDEX "WebUpload_ownerTag_idx" ON "WebUpload"("ownerTag");
CREATE INDEX "WebUpload_tipId_idx" ON "WebUpload"("tipId");
CREATE INDEX "WebUpload_purpose_tipId_createdAt_idx" ON "WebUpload"("purpose", "tipId", "createdAt");

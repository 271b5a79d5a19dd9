-- Signed admin requests (issue 19, admin on Workers): each request's one-time nonce, kept while its
-- signature could still be accepted (5 minutes) so that a request replayed is refused.
CREATE TABLE "AdminNonce" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "nonce" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);
CREATE UNIQUE INDEX "AdminNonce_nonce_key" ON "AdminNonce"("nonce");
CREATE INDEX "AdminNonce_createdAt_idx" ON "AdminNonce"("createdAt");

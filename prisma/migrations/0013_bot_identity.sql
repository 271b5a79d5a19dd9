-- The bot's own username per platform, cached from getMe (issue 18): groups' "/cmd@otherbot" is not ours.
CREATE TABLE "BotIdentity" (
    "channel" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "checkedAt" DATETIME NOT NULL
);

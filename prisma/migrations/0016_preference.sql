-- What a person chose for themselves, kept apart from the dialogue state (the Conversation row is
-- deleted when idle): the interface language of the catalogs (issue 11). Only what they chose;
-- never the platform's language code.
CREATE TABLE "Preference" (
    "pseudonym" TEXT NOT NULL PRIMARY KEY,
    "locale" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

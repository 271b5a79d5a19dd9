-- A translator invited from the staff console (issue 13) gets their bulletin languages with the
-- code: kept on the invitation and copied to BulletinTranslator when the code is redeemed.
ALTER TABLE "Invitation" ADD COLUMN "languages" TEXT;

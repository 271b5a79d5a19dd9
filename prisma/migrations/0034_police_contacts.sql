-- The commune police head's and deputy heads' numbers printed on the village posters (seed 000:
-- "công khai số điện thoại của Trưởng, Phó Trưởng Công an cấp xã tại các địa điểm công cộng").
ALTER TABLE "Commune" ADD COLUMN "policeContacts" TEXT;

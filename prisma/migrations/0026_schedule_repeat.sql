-- A commune's own choice whether a bulletin airs again later the same day (issue 15): NULL keeps the
-- default of src/bulletins/schedule.json (repeatWithinDay, seed 002 "sáng và chiều tối").
ALTER TABLE "BulletinSchedule" ADD COLUMN "repeatWithinDay" BOOLEAN;

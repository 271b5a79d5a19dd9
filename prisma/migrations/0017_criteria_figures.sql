-- The figures behind the criteria of the Như Xuân plan, section II (issue 14). Villages' stored
-- figures (VillageFigures.data, JSON) get the new items only where the figures already entered
-- decide them; everything else stays missing (❔ with the village named) until it is entered.
-- Revisions (FigureRevision) keep what was entered, unchanged.

-- "người nghiện ma túy ngoài cộng đồng": addicts living in the community, not in a facility. Where
-- a village has no addict, none; where no addict is in treatment, none is in a rehabilitation
-- facility, so all of them are in the community.
UPDATE "VillageFigures"
SET "data" = json_set("data", '$.addicts_in_community', json_extract("data", '$.addicts_total'))
WHERE json_valid("data")
  AND json_type("data", '$.addicts_in_community') IS NULL
  AND json_type("data", '$.addicts_total') = 'integer'
  AND (json_extract("data", '$.addicts_total') = 0 OR json_extract("data", '$.addicts_in_treatment') = 0);

-- The figure at registration was one sum of addicts and users; the plan compares each total on its
-- own. A sum of 0 is 0 of each; any other sum cannot be split, so it stays in the row (ignored by
-- the server) for the village to enter the two figures.
UPDATE "VillageFigures"
SET "data" = json_remove(json_set("data", '$.baseline_addicts', 0, '$.baseline_illegal_users', 0), '$.baseline_users')
WHERE json_valid("data")
  AND json_type("data", '$.baseline_users') = 'integer'
  AND json_extract("data", '$.baseline_users') = 0;

-- "được tư vấn, hỗ trợ, giúp đỡ tìm kiếm việc làm": with nobody after rehab, nobody to help.
UPDATE "VillageFigures"
SET "data" = json_set("data", '$.after_rehab_supported', 0)
WHERE json_valid("data")
  AND json_type("data", '$.after_rehab_supported') IS NULL
  AND json_type("data", '$.after_rehab_total') = 'integer'
  AND json_extract("data", '$.after_rehab_total') = 0;

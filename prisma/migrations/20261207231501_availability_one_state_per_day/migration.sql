-- Data only: one coherent state per worker and day (lib/missions/availability.ts).
-- Earlier writes could leave a "journée entière" row beside rows for parts of
-- the same day. Each part keeps the newer of the two answers (the part's own
-- row on a tie), then a day whose three parts agree is stored as one
-- "journée entière" row.

-- 1. On days holding FULL_DAY and part rows, a part row older than the FULL_DAY row takes its answer.
UPDATE "Availability" AS p
SET "available" = f."available", "updatedAt" = f."updatedAt"
FROM "Availability" AS f
WHERE f."workerId" = p."workerId" AND f."date" = p."date" AND f."part" = 'FULL_DAY' AND p."part" <> 'FULL_DAY'
  AND f."updatedAt" > p."updatedAt";

-- 2. The parts such a day has no row for take the FULL_DAY row's answer.
INSERT INTO "Availability" ("id", "workerId", "date", "part", "available", "createdAt", "updatedAt")
SELECT 'c' || substr(md5(f."id" || ':' || x."part"), 1, 24), f."workerId", f."date", x."part"::"DayPart", f."available", f."createdAt", f."updatedAt"
FROM "Availability" AS f
CROSS JOIN (VALUES ('MORNING'), ('AFTERNOON'), ('NIGHT')) AS x("part")
WHERE f."part" = 'FULL_DAY'
  AND EXISTS (SELECT 1 FROM "Availability" AS o WHERE o."workerId" = f."workerId" AND o."date" = f."date" AND o."part" <> 'FULL_DAY')
  AND NOT EXISTS (SELECT 1 FROM "Availability" AS o WHERE o."workerId" = f."workerId" AND o."date" = f."date" AND o."part"::text = x."part");

-- 3. Those FULL_DAY rows are now spelled out by part: drop them.
DELETE FROM "Availability" AS f
WHERE f."part" = 'FULL_DAY'
  AND EXISTS (SELECT 1 FROM "Availability" AS o WHERE o."workerId" = f."workerId" AND o."date" = f."date" AND o."part" <> 'FULL_DAY');

-- 4. A day whose morning, afternoon and night agree becomes one FULL_DAY row (its morning row, renamed).
UPDATE "Availability" AS m
SET "part" = 'FULL_DAY',
    "updatedAt" = GREATEST(m."updatedAt", (SELECT max(o."updatedAt") FROM "Availability" AS o
                                           WHERE o."workerId" = m."workerId" AND o."date" = m."date" AND o."part" IN ('AFTERNOON', 'NIGHT')))
WHERE m."part" = 'MORNING'
  AND (SELECT count(*) FROM "Availability" AS o
       WHERE o."workerId" = m."workerId" AND o."date" = m."date" AND o."part" IN ('AFTERNOON', 'NIGHT') AND o."available" = m."available") = 2;

DELETE FROM "Availability" AS p
WHERE p."part" IN ('AFTERNOON', 'NIGHT')
  AND EXISTS (SELECT 1 FROM "Availability" AS f WHERE f."workerId" = p."workerId" AND f."date" = p."date" AND f."part" = 'FULL_DAY');

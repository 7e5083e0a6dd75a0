-- Data only: contracts written before the legal case of recourse existed carry
-- a free-text motif. Map the recognisable ones to their case (the patterns of
-- recourseCaseFromText in lib/contracts/rules.ts) and, for a replacement
-- written "Remplacement de <person>, absent(e)", take the person replaced from
-- the text. Rows left without a case are completed by staff before the
-- contract is sent again (issuing asks for the case). Re-running changes
-- nothing: only rows without a case are touched.
UPDATE "Contract" SET "recourseCase" = CASE
    WHEN lower(btrim("recourseReason")) LIKE 'remplacement%' THEN 'REPLACEMENT_ABSENT'::"RecourseCase"
    WHEN lower("recourseReason") ~ '(accroissement|surcro[iî]t)' THEN 'ACTIVITY_INCREASE'::"RecourseCase"
    WHEN lower("recourseReason") ~ 'saisonni' THEN 'SEASONAL'::"RecourseCase"
    WHEN lower("recourseReason") ~ '(usage constant|d''usage)' THEN 'CUSTOMARY_USE'::"RecourseCase"
    WHEN lower("recourseReason") ~ 'travaux urgents' THEN 'URGENT_WORK'::"RecourseCase"
    WHEN lower("recourseReason") ~ 'insertion' THEN 'INTEGRATION'::"RecourseCase"
    WHEN lower("recourseReason") ~ 'formation' THEN 'TRAINING'::"RecourseCase"
  END
WHERE "recourseCase" IS NULL AND "recourseReason" IS NOT NULL;

UPDATE "Contract"
SET "replacedName" = btrim(substring(btrim("recourseReason") from '^[Rr]emplacement d[eu] (?:l''|la |le )?([^,(]+)'))
WHERE "recourseCase" = 'REPLACEMENT_ABSENT' AND "replacedName" IS NULL
  AND substring(btrim("recourseReason") from '^[Rr]emplacement d[eu] (?:l''|la |le )?([^,(]+)') IS NOT NULL;

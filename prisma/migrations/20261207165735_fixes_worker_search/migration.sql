-- AlterTable
ALTER TABLE "WorkerProfile" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- Staff search (issue 18): "searchText" holds the worker's first, last and
-- birth names and agency numbers as displayed ("medimp 3985"), lower-cased
-- and without accents, kept up to date by the database on every write (both
-- engines run plpgsql), so that the query is a plain LIKE.
CREATE OR REPLACE FUNCTION worker_search_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE AS $fold$
  SELECT lower(translate(replace(replace(replace(replace(coalesce(t, ''), 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'),
    'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖòóôõöÙÚÛÜùúûüÝýÿ',
    'AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOoooooUUUUuuuuYyy'))
$fold$;

CREATE OR REPLACE FUNCTION worker_search_before() RETURNS trigger LANGUAGE plpgsql AS $before$
BEGIN
  NEW."searchText" := worker_search_fold(concat_ws(' ',
    (SELECT u."firstName" || ' ' || u."lastName" FROM "User" u WHERE u.id = NEW."userId"),
    NEW."birthName",
    (SELECT string_agg(a.code || ' ' || wa."workerNumber", ' ') FROM "WorkerAgency" wa JOIN "Agency" a ON a.id = wa."agencyId" WHERE wa."workerId" = NEW.id)));
  RETURN NEW;
END
$before$;

CREATE TRIGGER worker_search_before BEFORE INSERT OR UPDATE ON "WorkerProfile" FOR EACH ROW EXECUTE FUNCTION worker_search_before();

CREATE OR REPLACE FUNCTION worker_search_user() RETURNS trigger LANGUAGE plpgsql AS $user$
BEGIN
  IF NEW."firstName" IS DISTINCT FROM OLD."firstName" OR NEW."lastName" IS DISTINCT FROM OLD."lastName" THEN
    UPDATE "WorkerProfile" SET "searchText" = '' WHERE "userId" = NEW.id;
  END IF;
  RETURN NULL;
END
$user$;

CREATE TRIGGER worker_search_user AFTER UPDATE ON "User" FOR EACH ROW EXECUTE FUNCTION worker_search_user();

CREATE OR REPLACE FUNCTION worker_search_agency() RETURNS trigger LANGUAGE plpgsql AS $agency$
BEGIN
  UPDATE "WorkerProfile" SET "searchText" = '' WHERE id = (CASE WHEN TG_OP = 'DELETE' THEN OLD."workerId" ELSE NEW."workerId" END);
  RETURN NULL;
END
$agency$;

CREATE TRIGGER worker_search_agency AFTER INSERT OR UPDATE OR DELETE ON "WorkerAgency" FOR EACH ROW EXECUTE FUNCTION worker_search_agency();

-- Backfill: the BEFORE trigger computes every row.
UPDATE "WorkerProfile" SET "searchText" = '';

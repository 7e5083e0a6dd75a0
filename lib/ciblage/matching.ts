// The workers a need matches, classified in the database: qualification,
// availability, overlap with booked shifts and the radius (haversine on the
// stored coordinates, plain SQL that PGlite and PostgreSQL both run) are
// computed in one query, which returns only the rows a page shows and the
// count of each group. The verdict's order and reasons are those of
// `classifyFacts` (rules.ts), which formats each row's reason.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { locateCommune } from "@/lib/geo/communes";
import { isoDate } from "@/lib/timesheets/rules";
import { classifyFacts, needParts, shiftsForNeed, type MatchResult } from "./rules";

export type MatchStatus = MatchResult["status"];

export type MatchRow = MatchResult & {
  name: string;
  workerNumber: string | null;
  city: string | null;
  mobilityKm: number | null;
  offered: boolean;
};

export type MatchNeed = {
  id: string;
  agencyId: string;
  qualificationId: string;
  startDate: Date;
  endDate: Date;
  hoursLabel: string;
  site: Place;
  offers: { workerId: string; contractId: string | null }[];
};

export type MatchPage = { rows: MatchRow[]; totals: Record<MatchStatus, number> };

/** Rows shown per group before "Voir plus". */
export const MATCH_PAGE_SIZE = 50;

type Raw = {
  id: string;
  firstName: string;
  lastName: string;
  city: string | null;
  mobilityKm: number | null;
  workerNumber: string | null;
  homeLocated: boolean;
  offDate: string | null;
  clashNumber: string | null;
  distanceKm: number | null;
  status: MatchStatus;
  total: number;
  shown: boolean;
};

const EARTH_RADIUS_KM = 6371.0088;
const located = (lat: Prisma.Sql, lon: Prisma.Sql) =>
  Prisma.sql`(${lat} IS NOT NULL AND ${lon} IS NOT NULL AND abs(${lat}) <= 90 AND abs(${lon}) <= 180)`;

/**
 * The qualified workers of the need's agency (those already retained left
 * out), each group (match / unknown / excluded) ordered by distance then name
 * and cut at its limit; `onlyIds` restricts to those workers (a send checks
 * the ticked ones only).
 */
export async function matchingPage(
  need: MatchNeed,
  { limits = {}, onlyIds }: { limits?: Partial<Record<MatchStatus, number>>; onlyIds?: string[] } = {},
): Promise<MatchPage> {
  const site = await locatedPlace("site", need.site);
  await locateCandidates(need);
  const siteOk = site.latitude !== null && site.longitude !== null && Math.abs(site.latitude) <= 90 && Math.abs(site.longitude) <= 180;
  const parts = needParts(need.hoursLabel);
  const planned = shiftsForNeed(need);
  const start = isoDate(need.startDate);
  const end = isoDate(need.endDate);
  const limit = (s: MatchStatus) => Math.max(0, Math.min(limits[s] ?? MATCH_PAGE_SIZE, 5000));

  const offSql = parts.length
    ? Prisma.sql`(SELECT min(a."date")::text FROM "Availability" a
        WHERE a."workerId" = c.id AND a."available" = false AND a."date" BETWEEN ${start}::date AND ${end}::date
          AND a."part"::text IN (${Prisma.join(parts)}))`
    : Prisma.sql`NULL::text`;
  const plannedValues = Prisma.join(
    planned.map((p) => Prisma.sql`(${p.startsAt.toISOString()}::timestamp(3), ${p.endsAt.toISOString()}::timestamp(3))`),
  );
  const clashSql = planned.length
    ? Prisma.sql`(SELECT ct."number" FROM "Contract" ct JOIN "Shift" s ON s."contractId" = ct.id
        WHERE ct."workerId" = c.id AND ct."state" <> 'CANCELLED'
          AND ct."startDate" <= ${end}::date AND ct."endDate" >= (${start}::date - 1)
          AND s."startsAt" < ${planned.at(-1)!.endsAt.toISOString()}::timestamp(3)
          AND s."endsAt" > ${planned[0].startsAt.toISOString()}::timestamp(3)
          AND EXISTS (SELECT 1 FROM (VALUES ${plannedValues}) AS p(s0, e0) WHERE p.s0 < s."endsAt" AND s."startsAt" < p.e0)
        ORDER BY s."startsAt", ct."number" LIMIT 1)`
    : Prisma.sql`NULL::text`;
  const distanceSql = siteOk
    ? Prisma.sql`CASE WHEN c."homeLocated" THEN 2 * ${EARTH_RADIUS_KM}::float8 * asin(least(1::float8, sqrt(
        power(sin(radians(${site.latitude}::float8 - c.latitude) / 2), 2)
        + cos(radians(c.latitude)) * cos(radians(${site.latitude}::float8))
          * power(sin(radians(${site.longitude}::float8 - c.longitude) / 2), 2)))) END`
    : Prisma.sql`NULL::float8`;
  const only = onlyIds ? (onlyIds.length ? Prisma.sql`AND w.id IN (${Prisma.join(onlyIds)})` : Prisma.sql`AND FALSE`) : Prisma.empty;

  const rows = await db.$queryRaw<Raw[]>`
    WITH c AS (
      SELECT w.id, u."firstName", u."lastName", w.city, w."mobilityKm", wa."workerNumber", w.latitude, w.longitude,
             ${located(Prisma.sql`w.latitude`, Prisma.sql`w.longitude`)} AS "homeLocated"
      FROM "WorkerProfile" w
      JOIN "User" u ON u.id = w."userId" AND u.active
      JOIN "WorkerAgency" wa ON wa."workerId" = w.id AND wa."agencyId" = ${need.agencyId}
      WHERE EXISTS (SELECT 1 FROM "WorkerQualification" wq JOIN "Diploma" d ON d.id = wq."diplomaId"
                    WHERE wq."workerId" = w.id AND wq."qualificationId" = ${need.qualificationId} AND d.status = 'APPROVED')
        AND NOT EXISTS (SELECT 1 FROM "MissionOffer" o WHERE o."needId" = ${need.id} AND o."workerId" = w.id AND o."contractId" IS NOT NULL)
        ${only}
    ), f AS (
      SELECT c.*, ${offSql} AS "offDate", ${clashSql} AS "clashNumber", ${distanceSql} AS "distanceKm" FROM c
    ), k AS (
      SELECT f.*, CASE
          WHEN f."offDate" IS NOT NULL OR f."clashNumber" IS NOT NULL THEN 'excluded'
          WHEN NOT ${siteOk} OR NOT f."homeLocated" OR f."mobilityKm" IS NULL THEN 'unknown'
          WHEN f."distanceKm" > f."mobilityKm" THEN 'excluded'
          ELSE 'match' END AS status
      FROM f
    ), r AS (
      SELECT k.*,
        row_number() OVER (PARTITION BY status ORDER BY "distanceKm" NULLS LAST, ("firstName" || ' ' || upper("lastName")) COLLATE "C", id) AS rn,
        count(*) OVER (PARTITION BY status)::int AS total
      FROM k
    )
    SELECT id, "firstName", "lastName", city, "mobilityKm", "workerNumber", "homeLocated", "offDate", "clashNumber", "distanceKm", status, total,
           rn <= lim AS shown
    FROM (SELECT r.*, CASE status WHEN 'match' THEN ${limit("match")}::int WHEN 'unknown' THEN ${limit("unknown")}::int
                                  ELSE ${limit("excluded")}::int END AS lim FROM r) AS q
    -- The first row of a group is kept even past its limit: it carries the group's count.
    WHERE rn <= greatest(lim, 1)
    ORDER BY status, rn`;

  const offered = new Set(need.offers.map((o) => o.workerId));
  const totals: Record<MatchStatus, number> = { match: 0, unknown: 0, excluded: 0 };
  const out: MatchRow[] = [];
  for (const r of rows) {
    totals[r.status] = Number(r.total);
    if (!r.shown) continue;
    const verdict = classifyFacts({
      workerId: r.id,
      offDate: r.offDate ? new Date(`${r.offDate}T00:00:00Z`) : null,
      clashNumber: r.clashNumber,
      siteLocated: siteOk,
      homeLocated: r.homeLocated,
      mobilityKm: r.mobilityKm,
      distanceKm: r.distanceKm === null ? null : Number(r.distanceKm),
    });
    out.push({
      ...verdict,
      name: `${r.firstName} ${r.lastName.toUpperCase()}`,
      workerNumber: r.workerNumber,
      city: r.city,
      mobilityKm: r.mobilityKm,
      offered: offered.has(r.id),
    });
  }
  return { rows: out, totals };
}

type Place = { id: string; postalCode: string | null; city: string | null; latitude: number | null; longitude: number | null };

/**
 * The coordinates of a site or a worker's home. Addresses recorded before
 * communes were located (imports, older data) are located now, from the
 * register, and saved; one that cannot be stays "not located".
 */
async function locatedPlace<T extends Place>(kind: "site" | "worker", place: T): Promise<T> {
  if (place.latitude !== null || !place.postalCode || !place.city) return place;
  const found = locateCommune(place.postalCode, place.city);
  if (!found.ok || found.commune.latitude === null) return place;
  const position = { inseeCode: found.commune.inseeCode, latitude: found.commune.latitude, longitude: found.commune.longitude };
  // Only if still unlocated: a concurrent address change wins.
  if (kind === "site")
    await db.clientSite.updateMany({
      where: { id: place.id, latitude: null, postalCode: place.postalCode, city: place.city },
      data: position,
    });
  else
    await db.workerProfile.updateMany({
      where: { id: place.id, latitude: null, postalCode: place.postalCode, city: place.city },
      data: position,
    });
  return { ...place, ...position };
}

/** The need's candidates whose address has no coordinates yet but a postal code and city: located once, then read by the query. */
async function locateCandidates(need: MatchNeed) {
  const unlocated = await db.workerProfile.findMany({
    where: {
      latitude: null,
      postalCode: { not: null },
      city: { not: null },
      user: { active: true },
      qualifications: { some: { qualificationId: need.qualificationId, diploma: { status: "APPROVED" } } },
      agencies: { some: { agencyId: need.agencyId } },
    },
    select: { id: true, postalCode: true, city: true, latitude: true, longitude: true },
    take: 500,
  });
  for (const w of unlocated) await locatedPlace("worker", w);
}

// The demo data and the end-to-end fixtures respect the rules they ship:
// every seeded contract that is not cancelled passes every booking rule of
// lib/contracts/rules.ts (no overlap, qualification held, SMIC, working time),
// on many seeding dates. A failure names the contract and the rule.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildPlan } from "@/prisma/seed/plan";
import { LABOUR_LAW_LEGACY_CONTRACTS, testFixtures } from "@/prisma/fixtures";
import { createRandom } from "@/prisma/seed/time";
import { dailyLimitMinutes, holdsQualification, hourlyRateViolation, workingTimeViolation, type SmicRow } from "@/lib/contracts/rules";
import { findOverlap, findSelfOverlap } from "@/lib/contracts/shifts";
import type { Plan } from "@/prisma/seed/context";

const DAY = 86_400_000;

/** The SMIC table as the migration seeds it. */
function migrationSmic(): SmicRow[] {
  const sql = readFileSync(path.join(process.cwd(), "prisma/migrations/20261204185548_14_labour_law_hours/migration.sql"), "utf8");
  const rows = [...sql.matchAll(/\('smic-[^']+', '(\d{4}-\d{2}-\d{2})', (\d+),/g)].map((m) => ({
    effectiveFrom: new Date(`${m[1]}T00:00:00Z`),
    hourlyCents: Number(m[2]),
  }));
  expect(rows.length).toBeGreaterThan(5);
  return rows;
}

const asDate = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));

/** Every rule each live contract of the plan breaks, as "contrat <number> (<email>) - <rule> : <message>". */
export function planViolations(plan: Plan, smic: SmicRow[]): string[] {
  const out: string[] = [];
  const emailOfProfile = new Map(plan.workerProfiles.map((p) => [p.id!, plan.users.find((u) => u.id === p.userId)?.email ?? p.id!]));
  const agency = new Map(plan.agencies.map((a) => [a.id!, a]));
  const qualification = new Map(plan.qualifications.map((q) => [q.id!, q]));
  const diplomaStatus = new Map(plan.diplomas.map((d) => [d.id!, d.status ?? "PENDING"]));
  // The e2e fixture's pair written "before the checks" on purpose (e2e/backoffice/labour-law.spec.ts).
  const live = plan.contracts.filter((c) => c.state !== "CANCELLED" && !LABOUR_LAW_LEGACY_CONTRACTS.includes(c.number as never));
  const workOf = new Map<string, { startsAt: Date; endsAt: Date; breakMinutes: number }[]>();
  for (const s of plan.shifts) {
    if ((s.kind ?? "WORK") !== "WORK") continue;
    const list = workOf.get(s.contractId) ?? [];
    list.push({ startsAt: asDate(s.startsAt), endsAt: asDate(s.endsAt), breakMinutes: s.breakMinutes ?? 0 });
    workOf.set(s.contractId, list);
  }
  for (const c of live) {
    const name = `contrat ${c.number} (${emailOfProfile.get(c.workerId)})`;
    const grants = plan.workerQualifications
      .filter((g) => g.workerId === c.workerId)
      .map((g) => ({ qualificationId: g.qualificationId, diplomaStatus: g.diplomaId ? (diplomaStatus.get(g.diplomaId) ?? null) : null }));
    const q = qualification.get(c.qualificationId)!;
    if (!holdsQualification(c.qualificationId, grants)) out.push(`${name} - qualification : ${q.code} non détenue par un diplôme validé`);
    const rate = hourlyRateViolation(c.hourlyRateCents, { startDate: asDate(c.startDate), endDate: asDate(c.endDate) }, smic, null);
    if (rate) out.push(`${name} - taux : ${rate}`);
    const mine = workOf.get(c.id!) ?? [];
    const others = live.filter((o) => o.workerId === c.workerId && o.id !== c.id).flatMap((o) => workOf.get(o.id!) ?? []);
    const self = findSelfOverlap(mine);
    if (self) out.push(`${name} - chevauchement interne`);
    const clash = findOverlap(mine, others);
    if (clash) out.push(`${name} - chevauchement : ${clash.candidate.startsAt.toISOString()}`);
    const a = agency.get(c.agencyId)!;
    const breach = workingTimeViolation(mine, others, {
      dailyLimitMinutes: dailyLimitMinutes({ longDayAgreement: a.longDayAgreement ?? false }),
    });
    if (breach) out.push(`${name} - ${breach.rule} : ${breach.message}`);
  }
  return out;
}

const dates = [
  new Date(),
  ...Array.from({ length: 10 }, (_, i) => new Date(Date.UTC(2026, 0, 3, 10) + i * 37 * DAY)),
  new Date("2026-03-29T01:30:00Z"),
  new Date("2026-10-25T00:30:00Z"),
  new Date("2026-12-02T12:00:00Z"),
  new Date("2027-01-04T09:00:00Z"),
];

describe("seeded contracts pass every booking rule", () => {
  const smic = migrationSmic();
  it.each(dates.map((d) => [d.toISOString(), d] as const))("demo data and e2e fixtures seeded at %s", (_label, now) => {
    const demo = buildPlan({ now, rng: createRandom(3985), passwordHash: "hash" });
    expect(planViolations(demo, smic)).toEqual([]);
    const withFixtures = buildPlan({ now, rng: createRandom(3985), passwordHash: "hash", extension: testFixtures });
    expect(planViolations(withFixtures, smic)).toEqual([]);
  });
});

// The ciblage classified in SQL (lib/ciblage/matching.ts) gives, on both
// engines, exactly the verdicts of the pure rules (matchCandidate) on a varied
// fixture: qualified or not, unavailable or not, booked on overlapping hours or
// just beside them, inside, outside and at the edge of the radius, not located;
// and its groups page in the same order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDb } from "./test-databases";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { matchingPage, type MatchNeed } from "@/lib/ciblage/matching";
import { haversineKm } from "@/lib/ciblage/geo";
import { matchCandidate, shiftsForNeed, type Candidate, type DayPartName } from "@/lib/ciblage/rules";

const engines = await testEngines("ciblagesql");
const holder = globalThis as unknown as { __espacePrisma?: PrismaClient };
const day = (s: string) => new Date(`${s}T00:00:00Z`);
const SITE = { latitude: 43.6045, longitude: 1.444 }; // Toulouse
const need0 = { startDate: day("2026-12-14"), endDate: day("2026-12-16"), hoursLabel: "08:00-15:00" };

type W = {
  key: string;
  lat: number | null;
  lon: number | null;
  mobility: number | null;
  qualified?: boolean;
  otherAgency?: boolean;
  off?: { date: string; part: DayPartName }[];
  booked?: { startsAt: string; endsAt: string; cancelled?: boolean }[];
};

// 0.1° of latitude is about 11.1 km: radii set just above and just below the real distance.
const d = (lat: number) => haversineKm(SITE, { latitude: lat, longitude: SITE.longitude });
const WORKERS: W[] = [
  { key: "Alice", lat: 43.637, lon: 1.39, mobility: 30 },
  { key: "Basile", lat: 43.9289, lon: 2.1464, mobility: 20 }, // Albi, outside
  { key: "Chloe", lat: 43.7045, lon: 1.444, mobility: Math.ceil(d(43.7045)) }, // edge, inside
  { key: "Damien", lat: 43.7045, lon: 1.444, mobility: Math.floor(d(43.7045)) }, // edge, outside
  { key: "Emma", lat: null, lon: null, mobility: 30 },
  { key: "Fabien", lat: 43.62, lon: 1.45, mobility: null },
  { key: "Gina", lat: 43.62, lon: 1.45, mobility: 30, off: [{ date: "2026-12-15", part: "MORNING" }] },
  {
    key: "Hugo",
    lat: 43.62,
    lon: 1.45,
    mobility: 30,
    off: [
      { date: "2026-12-15", part: "NIGHT" },
      { date: "2026-12-17", part: "FULL_DAY" },
    ],
  },
  { key: "Ines", lat: 43.62, lon: 1.45, mobility: 30, booked: [{ startsAt: "2026-12-16T13:00:00Z", endsAt: "2026-12-16T16:00:00Z" }] },
  // Ends when the need's shift starts (08:00 Paris = 07:00Z): no overlap. Cancelled: ignored.
  { key: "Jules", lat: 43.62, lon: 1.45, mobility: 30, booked: [{ startsAt: "2026-12-13T23:00:00Z", endsAt: "2026-12-14T07:00:00Z" }] },
  {
    key: "Karim",
    lat: 43.62,
    lon: 1.45,
    mobility: 30,
    booked: [{ startsAt: "2026-12-14T08:00:00Z", endsAt: "2026-12-14T10:00:00Z", cancelled: true }],
  },
  { key: "Lea", lat: 43.62, lon: 1.45, mobility: 30, qualified: false },
  { key: "Marc", lat: 43.62, lon: 1.45, mobility: 30, otherAgency: true },
  { key: "Nora", lat: 43.6045, lon: 1.444, mobility: 0 }, // at the site itself
  { key: "Oscar", lat: 95, lon: 1.4, mobility: 30 }, // absurd coordinate: not located
];

describe.each(engines)("ciblage in SQL on $name", ({ open }) => {
  let db: TestDb;
  let need: MatchNeed;
  const ids = new Map<string, string>();
  const candidates: Candidate[] = [];

  beforeAll(async () => {
    db = await open();
    holder.__espacePrisma = db.prisma;
    const p = db.prisma;
    const agency = await p.agency.create({ data: { code: "CIBSQL", name: "Agence SQL" } });
    const other = await p.agency.create({ data: { code: "AUTRE", name: "Autre agence" } });
    const qualification = await p.qualification.create({ data: { code: "901", label: "TESTEUR" } });
    const client = await p.client.create({ data: { agencyId: agency.id, name: "CLIENT SQL" } });
    const site = await p.clientSite.create({
      data: { clientId: client.id, name: "Site", address: "1 rue", postalCode: "31000", city: "TOULOUSE", ...SITE },
    });
    let n = 50000;
    for (const w of WORKERS) {
      const user = await p.user.create({
        data: { email: `${w.key.toLowerCase()}@sql.test`, role: "WORKER", firstName: w.key, lastName: "Sql" },
      });
      const profile = await p.workerProfile.create({
        data: { userId: user.id, latitude: w.lat, longitude: w.lon, mobilityKm: w.mobility, city: "X" },
      });
      ids.set(w.key, profile.id);
      await p.workerAgency.create({
        data: { workerId: profile.id, agencyId: w.otherAgency ? other.id : agency.id, workerNumber: String(n++) },
      });
      const diploma = await p.diploma.create({
        data: {
          workerId: profile.id,
          name: "Diplôme",
          obtainedOn: day("2020-01-01"),
          status: w.qualified === false ? "PENDING" : "APPROVED",
        },
      });
      await p.workerQualification.create({ data: { workerId: profile.id, qualificationId: qualification.id, diplomaId: diploma.id } });
      for (const o of w.off ?? [])
        await p.availability.create({ data: { workerId: profile.id, date: day(o.date), part: o.part, available: false } });
      const booked: Candidate["booked"] = [];
      for (const b of w.booked ?? []) {
        const number = String(n++);
        await p.contract.create({
          data: {
            number,
            reference: "R",
            agencyId: agency.id,
            workerId: profile.id,
            clientId: client.id,
            siteId: site.id,
            qualificationId: qualification.id,
            startDate: day(b.startsAt.slice(0, 10)),
            endDate: day(b.endsAt.slice(0, 10)),
            hoursLabel: "x",
            hourlyRateCents: 1200,
            state: b.cancelled ? "CANCELLED" : "SIGNED",
            shifts: { create: [{ startsAt: new Date(b.startsAt), endsAt: new Date(b.endsAt) }] },
          },
        });
        if (!b.cancelled) booked.push({ startsAt: new Date(b.startsAt), endsAt: new Date(b.endsAt), contractNumber: number });
      }
      if (w.qualified !== false && !w.otherAgency)
        candidates.push({
          workerId: profile.id,
          latitude: w.lat,
          longitude: w.lon,
          mobilityKm: w.mobility,
          unavailable: (w.off ?? []).map((o) => ({ date: day(o.date), part: o.part })),
          booked,
        });
    }
    const row = await p.missionNeed.create({
      data: { agencyId: agency.id, siteId: site.id, qualificationId: qualification.id, ...need0 },
      include: { site: true, offers: true },
    });
    need = row;
  }, 300_000);

  afterAll(async () => {
    holder.__espacePrisma = undefined;
    await db?.cleanup();
  });

  it("classifies every worker as the rules do, reasons and distances included", async () => {
    const { rows, totals } = await matchingPage(need, { limits: { match: 100, unknown: 100, excluded: 100 } });
    const expected = candidates.map((c) => matchCandidate(c, need0, SITE));
    const byId = new Map(rows.map((r) => [r.workerId, r]));
    expect(rows).toHaveLength(expected.length);
    for (const e of expected) {
      const got = byId.get(e.workerId)!;
      expect({ ...got, distanceKm: null }).toMatchObject({ ...e, distanceKm: null });
      if (e.distanceKm === null) expect(got.distanceKm).toBeNull();
      else expect(got.distanceKm).toBeCloseTo(e.distanceKm, 9);
    }
    const status = (k: string) => byId.get(ids.get(k)!)?.status;
    expect(["Alice", "Chloe", "Jules", "Karim", "Nora"].map(status)).toEqual(Array(5).fill("match"));
    expect(["Basile", "Damien", "Gina", "Ines"].map(status)).toEqual(Array(4).fill("excluded"));
    expect(["Emma", "Fabien", "Oscar"].map(status)).toEqual(Array(3).fill("unknown"));
    expect(status("Hugo")).toBe("match");
    expect(status("Lea")).toBeUndefined();
    expect(status("Marc")).toBeUndefined();
    expect(totals).toEqual({ match: 6, unknown: 3, excluded: 4 });
    expect(shiftsForNeed(need0)).toHaveLength(3);
  });

  it("orders each group by distance then name, and pages it", async () => {
    const all = (await matchingPage(need, { limits: { match: 100 } })).rows.filter((r) => r.status === "match");
    const distances = all.map((r) => r.distanceKm!);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(all[0].name).toBe("Nora SQL");
    const first = await matchingPage(need, { limits: { match: 2, unknown: 1, excluded: 0 } });
    expect(first.rows.filter((r) => r.status === "match").map((r) => r.workerId)).toEqual(all.slice(0, 2).map((r) => r.workerId));
    expect(first.rows.filter((r) => r.status === "unknown")).toHaveLength(1);
    expect(first.rows.filter((r) => r.status === "excluded")).toHaveLength(0);
    expect(first.totals).toEqual({ match: 6, unknown: 3, excluded: 4 });
    const wider = await matchingPage(need, { limits: { match: 4 } });
    expect(wider.rows.filter((r) => r.status === "match").map((r) => r.workerId)).toEqual(all.slice(0, 4).map((r) => r.workerId));
  });

  it("checks only the ticked workers when asked, and leaves a retained worker out", async () => {
    const only = await matchingPage(need, { onlyIds: [ids.get("Alice")!, ids.get("Basile")!, ids.get("Lea")!] });
    expect(only.rows.map((r) => [r.name, r.status]).sort()).toEqual([
      ["Alice SQL", "match"],
      ["Basile SQL", "excluded"],
    ]);
    expect((await matchingPage(need, { onlyIds: [] })).rows).toHaveLength(0);
    const retained = { ...need, offers: [] };
    await holder.__espacePrisma!.missionOffer.create({ data: { needId: need.id, workerId: ids.get("Alice")! } });
    const offered = await matchingPage({ ...retained, offers: [{ workerId: ids.get("Alice")!, contractId: null }] });
    expect(offered.rows.find((r) => r.workerId === ids.get("Alice"))?.offered).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { coordinatesOf, formatKm, haversineKm } from "@/lib/ciblage/geo";
import { matchCandidate, parseHoursLabel, shiftsForNeed, type Candidate } from "@/lib/ciblage/rules";

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const toulouse = { latitude: 43.6045, longitude: 1.444 };
const albi = { latitude: 43.9289, longitude: 2.1464 };
const blagnac = { latitude: 43.637, longitude: 1.39 };

describe("distance", () => {
  it("computes great-circle distances in km", () => {
    expect(haversineKm(toulouse, toulouse)).toBe(0);
    expect(haversineKm(toulouse, albi)).toBeGreaterThan(65);
    expect(haversineKm(toulouse, albi)).toBeLessThan(68);
    // Paris - Marseille, about 661 km as the crow flies.
    expect(Math.round(haversineKm({ latitude: 48.8566, longitude: 2.3522 }, { latitude: 43.2965, longitude: 5.3698 }))).toBeGreaterThan(
      655,
    );
    expect(haversineKm(toulouse, blagnac)).toBeCloseTo(haversineKm(blagnac, toulouse), 9);
  });
  it("never treats a missing or absurd coordinate as located", () => {
    expect(coordinatesOf({ latitude: null, longitude: 1.4 })).toBeNull();
    expect(coordinatesOf({ latitude: 95, longitude: 1.4 })).toBeNull();
    expect(coordinatesOf(toulouse)).toEqual(toulouse);
    expect(formatKm(5.62)).toBe("5,6 km");
    expect(formatKm(66.4)).toBe("66 km");
  });
});

describe("a need's hours and shifts", () => {
  it("reads one or two slots and refuses the rest", () => {
    expect(parseHoursLabel("08:00-15:00")).toEqual([{ start: "08:00", end: "15:00" }]);
    expect(parseHoursLabel("07:00-11:00 17:00-20:30")).toHaveLength(2);
    expect(parseHoursLabel("13:30-20:30 00:00-00:00")).toEqual([{ start: "13:30", end: "20:30" }]);
    for (const bad of ["8h-15h", "25:00-26:00", "08:00-08:00", ""]) expect(parseHoursLabel(bad)).toBeNull();
  });
  it("makes a shift per day in Paris time, a night ending the next morning", () => {
    const shifts = shiftsForNeed({ startDate: day("2026-10-24"), endDate: day("2026-10-25"), hoursLabel: "21:00-07:00" });
    expect(shifts).toHaveLength(2);
    expect(shifts[0].startsAt.toISOString()).toBe("2026-10-24T19:00:00.000Z");
    expect(shifts[0].endsAt.toISOString()).toBe("2026-10-25T06:00:00.000Z");
    expect(shifts[1].startsAt.toISOString()).toBe("2026-10-25T20:00:00.000Z");
  });
});

describe("matching a worker", () => {
  const need = { startDate: day("2026-12-14"), endDate: day("2026-12-16"), hoursLabel: "08:00-15:00" };
  const base: Candidate = { workerId: "w", ...blagnac, mobilityKm: 30, unavailable: [], booked: [] };

  it("matches within the radius and gives the distance", () => {
    const r = matchCandidate(base, need, toulouse);
    expect(r.status).toBe("match");
    expect(r.distanceKm).toBeGreaterThan(4);
    expect(r.distanceKm).toBeLessThan(7);
  });
  it("excludes a worker outside the radius", () => {
    const r = matchCandidate({ ...base, ...albi, mobilityKm: 20 }, need, toulouse);
    expect(r).toMatchObject({ status: "excluded", reason: "Hors de son rayon de mobilité (20 km)" });
  });
  it("shows an unknown address or radius as such", () => {
    expect(matchCandidate({ ...base, latitude: null, longitude: null }, need, toulouse)).toMatchObject({
      status: "unknown",
      reason: "Adresse non localisée",
    });
    expect(matchCandidate({ ...base, mobilityKm: null }, need, toulouse)).toMatchObject({ status: "unknown" });
    expect(matchCandidate(base, need, { latitude: null, longitude: null })).toMatchObject({
      status: "unknown",
      reason: "Adresse du site non localisée",
    });
  });
  it("excludes a day marked unavailable for that part of the day, not another part", () => {
    expect(matchCandidate({ ...base, unavailable: [{ date: day("2026-12-15"), part: "FULL_DAY" }] }, need, toulouse).status).toBe(
      "excluded",
    );
    expect(matchCandidate({ ...base, unavailable: [{ date: day("2026-12-15"), part: "MORNING" }] }, need, toulouse).status).toBe(
      "excluded",
    );
    expect(matchCandidate({ ...base, unavailable: [{ date: day("2026-12-15"), part: "NIGHT" }] }, need, toulouse).status).toBe("match");
    expect(matchCandidate({ ...base, unavailable: [{ date: day("2026-12-17"), part: "FULL_DAY" }] }, need, toulouse).status).toBe("match");
  });
  it("excludes a worker booked on an overlapping shift, not on an adjacent one", () => {
    const overlapping = { startsAt: new Date("2026-12-15T13:00:00Z"), endsAt: new Date("2026-12-15T18:00:00Z"), contractNumber: "42001" };
    const after = { startsAt: new Date("2026-12-15T14:00:00Z"), endsAt: new Date("2026-12-15T20:00:00Z"), contractNumber: "42002" };
    expect(matchCandidate({ ...base, booked: [overlapping] }, need, toulouse)).toMatchObject({
      status: "excluded",
      reason: "Déjà en mission (contrat 42001)",
    });
    expect(matchCandidate({ ...base, booked: [after] }, need, toulouse).status).toBe("match");
  });
});

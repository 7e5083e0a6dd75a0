// Pure rules of a ciblage: the need's slots from its days and hours, and
// which workers match (qualified, available, not booked, within their radius).
import { coordinatesOf, haversineKm, type Located } from "./geo";
import { isoDate, parisTime } from "../timesheets/rules";
import { addDays } from "../time/days";

export type Slot = { start: string; end: string };

/** "08:00-15:00" or "07:00-11:00 17:00-20:30"; "00:00-00:00" is an empty slot. Null when unreadable. */
export function parseHoursLabel(label: string): Slot[] | null {
  const parts = label.trim().split(/\s+/).filter(Boolean);
  if (!parts.length) return null;
  const slots: Slot[] = [];
  for (const part of parts) {
    const m = part.match(/^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/);
    if (!m) return null;
    const start = `${m[1]}:${m[2]}`;
    const end = `${m[3]}:${m[4]}`;
    if (start === "00:00" && end === "00:00") continue;
    if (start === end) return null;
    slots.push({ start, end });
  }
  return slots.length ? slots : null;
}

export type PlannedShift = { day: Date; startsAt: Date; endsAt: Date };

/** One shift per slot on every day from start to end (a slot ending before it starts ends the next day). */
export function shiftsForNeed(need: { startDate: Date; endDate: Date; hoursLabel: string }): PlannedShift[] {
  const slots = parseHoursLabel(need.hoursLabel);
  if (!slots) return [];
  const out: PlannedShift[] = [];
  for (let day = need.startDate; day.getTime() <= need.endDate.getTime(); day = addDays(day, 1)) {
    for (const s of slots) out.push({ day, startsAt: parisTime(day, s.start), endsAt: parisTime(day, s.end, s.end <= s.start ? 1 : 0) });
  }
  return out;
}

export type DayPartName = "MORNING" | "AFTERNOON" | "NIGHT" | "FULL_DAY";

/** The parts of a day a slot touches, to compare with "unavailable" marks. */
export function partsOfSlot(slot: Slot): DayPartName[] {
  const start = Number(slot.start.slice(0, 2));
  const end = slot.end <= slot.start ? 24 : Number(slot.end.slice(0, 2)) + (slot.end.endsWith(":00") ? 0 : 1);
  const parts: DayPartName[] = ["FULL_DAY"];
  if (start < 13) parts.push("MORNING");
  if (end > 13 && start < 21) parts.push("AFTERNOON");
  if (end > 21 || slot.end <= slot.start || start >= 21) parts.push("NIGHT");
  return parts;
}

export type Candidate = Located & {
  workerId: string;
  mobilityKm: number | null;
  /** Days/parts marked unavailable. */
  unavailable: { date: Date; part: DayPartName }[];
  /** Shifts already booked (contracts not cancelled). */
  booked: { startsAt: Date; endsAt: Date; contractNumber: string }[];
};

export type MatchResult =
  | { workerId: string; status: "match"; distanceKm: number }
  | { workerId: string; status: "unknown"; reason: string; distanceKm: number | null }
  | { workerId: string; status: "excluded"; reason: string; distanceKm: number | null };

/** What the database (or the candidate's lists) says about one qualified worker, before the verdict. */
export type MatchFacts = {
  workerId: string;
  /** The first day of the need the worker marked unavailable for a part the need's hours touch. */
  offDate: Date | null;
  /** A contract (not cancelled) with a shift overlapping one of the need's shifts. */
  clashNumber: string | null;
  siteLocated: boolean;
  homeLocated: boolean;
  mobilityKm: number | null;
  /** Null unless both the home and the site are located. */
  distanceKm: number | null;
};

/** The verdict and its French reason, in the order staff read them: unavailable, booked, not located, radius. */
export function classifyFacts(f: MatchFacts): MatchResult {
  const { workerId, distanceKm } = f;
  if (f.offDate) return { workerId, status: "excluded", reason: `Indisponible le ${frDate(f.offDate)}`, distanceKm };
  if (f.clashNumber !== null) return { workerId, status: "excluded", reason: `Déjà en mission (contrat ${f.clashNumber})`, distanceKm };
  if (!f.siteLocated) return { workerId, status: "unknown", reason: "Adresse du site non localisée", distanceKm: null };
  if (!f.homeLocated) return { workerId, status: "unknown", reason: "Adresse non localisée", distanceKm: null };
  if (f.mobilityKm === null) return { workerId, status: "unknown", reason: "Rayon de mobilité non renseigné", distanceKm };
  if (distanceKm! > f.mobilityKm)
    return { workerId, status: "excluded", reason: `Hors de son rayon de mobilité (${f.mobilityKm} km)`, distanceKm };
  return { workerId, status: "match", distanceKm: distanceKm! };
}

/** The parts of a day the need's hours touch (empty when the hours are unreadable). */
export function needParts(hoursLabel: string): DayPartName[] {
  return [...new Set((parseHoursLabel(hoursLabel) ?? []).flatMap(partsOfSlot))];
}

/** Classifies one qualified worker for a need at a site. */
export function matchCandidate(c: Candidate, need: { startDate: Date; endDate: Date; hoursLabel: string }, site: Located): MatchResult {
  const parts = new Set(needParts(need.hoursLabel));
  const planned = shiftsForNeed(need);
  const needDays = new Set(planned.map((s) => isoDate(s.day)));
  const off = c.unavailable
    .filter((u) => needDays.has(isoDate(u.date)) && parts.has(u.part))
    .sort((a, b) => a.date.getTime() - b.date.getTime())[0];
  const home = coordinatesOf(c);
  const target = coordinatesOf(site);
  const clash = c.booked.find((b) => planned.some((p) => p.startsAt < b.endsAt && b.startsAt < p.endsAt));
  return classifyFacts({
    workerId: c.workerId,
    offDate: off?.date ?? null,
    clashNumber: clash?.contractNumber ?? null,
    siteLocated: target !== null,
    homeLocated: home !== null,
    mobilityKm: c.mobilityKm,
    distanceKm: home && target ? haversineKm(home, target) : null,
  });
}

function frDate(d: Date): string {
  return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
}

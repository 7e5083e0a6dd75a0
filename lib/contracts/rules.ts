// Pure rules of contracts: states as the worker and as staff see them, the
// transitions staff drive, the list's URL parameters, and the one-time signing
// codes. No database, no "server-only": unit-tested directly.
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import type { ContractState } from "../generated/prisma/enums";
import { searchParamDate } from "../time/dates";
import { addDays, mondayOf } from "../time/days";
import { parisCalendarDate, parisParts, parisTimeOnDay, type ParisParts } from "../time/paris";
import { formatCalendarDate, formatEuros, formatTime } from "../format";
import type { Failure, Success } from "../result";
import { isoWeekday, parisDayOf, parisHHMM, shiftFromTimes, type ShiftSlot } from "./shifts";

// ---------------------------------------------------------------------------
// States
// ---------------------------------------------------------------------------

/** The states a worker can see (drafts stay with the agency). */
export const WORKER_VISIBLE_STATES: ContractState[] = ["INCOMPLETE", "AWAITING_SIGNATURE", "SIGNED", "CANCELLED"];

/**
 * Whether the worker may see a contract: only once it was issued to them. A
 * draft, and a draft cancelled before it was ever sent, stay with the agency
 * (the where-fragment is `workerContracts` of lib/auth/scope.ts).
 */
export function isVisibleToWorker(c: { state: ContractState; issuedAt: Date | null }): boolean {
  return c.state !== "DRAFT" && c.issuedAt !== null;
}

/** Contracts the worker has to sign: the dashboard's "à signer" and the list filter "En attente de signature". */
export const TO_SIGN_STATES: ContractState[] = ["AWAITING_SIGNATURE"];

export type StateDisplay = { label: string; tone: "success" | "warning" | "danger" | "neutral" };

export function stateDisplay(state: ContractState): StateDisplay {
  switch (state) {
    case "SIGNED":
      return { label: "Valide", tone: "success" };
    case "AWAITING_SIGNATURE":
      return { label: "Des éléments sont en attente de validation", tone: "warning" };
    case "INCOMPLETE":
      return { label: "Incomplet", tone: "danger" };
    case "CANCELLED":
      return { label: "Annulé", tone: "neutral" };
    default:
      return { label: "En préparation", tone: "neutral" };
  }
}

/** A contract can be signed when it is awaiting signature with an issued document. */
export function canSign(c: { state: ContractState; issuedSha256: string | null }): boolean {
  return c.state === "AWAITING_SIGNATURE" && !!c.issuedSha256;
}

// ---------------------------------------------------------------------------
// States as staff see them, and the transitions staff drive
// ---------------------------------------------------------------------------
export const CONTRACT_STATE_LABELS: Record<ContractState, string> = {
  DRAFT: "Brouillon",
  INCOMPLETE: "Incomplet",
  AWAITING_SIGNATURE: "En attente de signature",
  SIGNED: "Valide (signé)",
  CANCELLED: "Annulé",
};

export const CONTRACT_STATE_TONES: Record<ContractState, "neutral" | "danger" | "warning" | "success" | "info"> = {
  DRAFT: "neutral",
  INCOMPLETE: "danger",
  AWAITING_SIGNATURE: "warning",
  SIGNED: "success",
  CANCELLED: "neutral",
};

/** The worker has seen this version: a change must be issued again and signed again. */
export function isIssued(state: ContractState): boolean {
  return state === "AWAITING_SIGNATURE" || state === "SIGNED" || state === "INCOMPLETE";
}

export function canEdit(state: ContractState): boolean {
  return state !== "CANCELLED";
}

export function canIssue(state: ContractState): boolean {
  return state === "DRAFT" || state === "INCOMPLETE";
}

export function canCancel(state: ContractState): boolean {
  return state !== "CANCELLED";
}

/**
 * The state a contract takes when issued: the worker signs with a code sent
 * by SMS, so without a mobile number the contract is "Incomplet".
 */
export function stateWhenIssued(workerHasPhone: boolean): ContractState {
  return workerHasPhone ? "AWAITING_SIGNATURE" : "INCOMPLETE";
}

/** What issuing needs that the contract lacks, in French; empty when it can be issued. */
export function missingForIssue(c: { workShiftCount: number; hourlyRateCents: number } & RecourseFields): string[] {
  const missing: string[] = [];
  if (c.workShiftCount === 0) missing.push("au moins un créneau travaillé");
  missing.push(...recourseMissing(c));
  if (c.hourlyRateCents <= 0) missing.push("le taux horaire");
  return missing;
}

// ---------------------------------------------------------------------------
// Motif de recours: the rules live in ./recourse.ts (no node:crypto, so the
// form schemas that reach the browser can use them) and are part of this
// module's interface.
// ---------------------------------------------------------------------------
export {
  RECOURSE_CASES,
  RECOURSE_CASE_LABELS,
  RECOURSE_MESSAGES,
  normalizeRecourse,
  recourseCaseFromText,
  recourseErrors,
  recourseLines,
  recourseMissing,
  recourseNeeds,
  recourseOptions,
  replacedNameFromText,
  type RecourseFields,
} from "./recourse";
import { recourseMissing, type RecourseFields } from "./recourse";
// Hours printed on the contract
// ---------------------------------------------------------------------------

const SHORT_WEEKDAYS = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."];

/**
 * The contract's worked shifts as printed: one row per distinct time range
 * (Paris wall clock, break, next-day end), with the days it is worked, in
 * date order. "07:30-14:30 (pause 30 min)" : "lun. 07/12, mar. 08/12".
 */
export function shiftHoursRows(shifts: { startsAt: Date; endsAt: Date; breakMinutes: number }[]): { hours: string; days: string }[] {
  const rows = new Map<string, string[]>();
  for (const s of [...shifts].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())) {
    const start = parisParts(s.startsAt);
    const end = parisParts(s.endsAt);
    const hhmm = (p: ParisParts) => `${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
    const startDay = Date.UTC(start.year, start.month - 1, start.day);
    const nextDays = Math.round((Date.UTC(end.year, end.month - 1, end.day) - startDay) / 86_400_000);
    const hours =
      `${hhmm(start)}-${hhmm(end)}` +
      (nextDays === 1 ? " (fin le lendemain)" : nextDays > 1 ? ` (fin ${nextDays} jours après)` : "") +
      (s.breakMinutes > 0 ? `, pause ${s.breakMinutes} min` : "");
    const weekday = (new Date(startDay).getUTCDay() + 6) % 7;
    const day = `${SHORT_WEEKDAYS[weekday]} ${String(start.day).padStart(2, "0")}/${String(start.month).padStart(2, "0")}`;
    rows.set(hours, [...(rows.get(hours) ?? []), day]);
  }
  return [...rows].map(([hours, days]) => ({ hours, days: days.join(", ") }));
}

// ---------------------------------------------------------------------------
// List parameters (all in the URL)
// ---------------------------------------------------------------------------

export const SORT_KEYS = ["reference", "qualification", "debut", "detail", "horaires", "entreprise", "creation", "etat"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const PAGE_SIZES = [15, 30, 50] as const;
export const STATE_FILTERS = {
  "a-signer": { label: "En attente de signature", states: TO_SIGN_STATES },
  valide: { label: "Valide (signé)", states: ["SIGNED"] as ContractState[] },
  incomplet: { label: "Incomplet", states: ["INCOMPLETE"] as ContractState[] },
  annule: { label: "Annulé", states: ["CANCELLED"] as ContractState[] },
} as const;
export type StateFilter = keyof typeof STATE_FILTERS;

export type ContractListParams = {
  sort: SortKey;
  dir: "asc" | "desc";
  current: boolean; // in force today
  date: string | null; // YYYY-MM-DD: in force on that day
  state: StateFilter | null;
  page: number;
  perPage: (typeof PAGE_SIZES)[number];
};

type Raw = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function validDay(value: string | undefined): string | null {
  return searchParamDate(value) ? value! : null;
}

/** Reads the list's parameters; anything invalid falls back to the default. */
export function parseListParams(raw: Raw): ContractListParams {
  const sort = one(raw.tri);
  const dir = one(raw.ordre);
  const state = one(raw.etat);
  const perPage = Number(one(raw.par));
  const page = Number(one(raw.page));
  return {
    sort: (SORT_KEYS as readonly string[]).includes(sort ?? "") ? (sort as SortKey) : "creation",
    dir: dir === "asc" || dir === "desc" ? dir : sort && (SORT_KEYS as readonly string[]).includes(sort) ? "asc" : "desc",
    current: one(raw["en-cours"]) === "1",
    date: validDay(one(raw.date)),
    state: state && state in STATE_FILTERS ? (state as StateFilter) : null,
    page: Number.isInteger(page) && page > 1 ? page : 1,
    perPage: (PAGE_SIZES as readonly number[]).includes(perPage) ? (perPage as ContractListParams["perPage"]) : 15,
  };
}

export function activeFilterCount(p: ContractListParams): number {
  return (p.current ? 1 : 0) + (p.date ? 1 : 0) + (p.state ? 1 : 0);
}

/** The URL query of a view; defaults are left out so links stay short. */
export function listQuery(p: ContractListParams, change: Partial<ContractListParams> = {}): string {
  const v = { ...p, ...change };
  const q = new URLSearchParams();
  if (v.sort !== "creation" || v.dir !== "desc") {
    q.set("tri", v.sort);
    q.set("ordre", v.dir);
  }
  if (v.current) q.set("en-cours", "1");
  if (v.date) q.set("date", v.date);
  if (v.state) q.set("etat", v.state);
  if (v.perPage !== 15) q.set("par", String(v.perPage));
  if (v.page > 1) q.set("page", String(v.page));
  const s = q.toString();
  return s ? `?${s}` : "";
}

// ---------------------------------------------------------------------------
// Signing codes
// ---------------------------------------------------------------------------

export const CODE_TTL_MINUTES = 10;
export const CODE_MAX_ATTEMPTS = 5;
export const RESEND_MIN_SECONDS = 60;
export const RESEND_MAX_PER_HOUR = 5;

/** Six digits from a secure random source. */
export function generateCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

export type CodeBinding = { contractId: string; userId: string; documentSha256: string };

function codeSecret(): string {
  return process.env.AUTH_SECRET ?? "dev-only-signature-code-secret";
}

/** Keyed hash of a code, bound to the contract, the user and the document hash. */
export function hashCode(code: string, b: CodeBinding, secret = codeSecret()): string {
  return createHmac("sha256", secret).update(`${b.contractId}\n${b.userId}\n${b.documentSha256}\n${code}`).digest("hex");
}

export function codeMatches(code: string, storedHash: string, b: CodeBinding, secret = codeSecret()): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const a = Buffer.from(hashCode(code, b, secret), "hex");
  const s = Buffer.from(storedHash, "hex");
  return a.length === s.length && timingSafeEqual(a, s);
}

export type CodeRow = {
  expiresAt: Date;
  usedAt: Date | null;
  invalidatedAt: Date | null;
  attempts: number;
  documentSha256: string;
  userId: string;
  contractId: string;
};
export type CodeState = "usable" | "expired" | "used" | "invalidated" | "locked" | "other-document";

/** Whether a stored code may still be tried for this binding at `now`. */
export function codeState(row: CodeRow, b: CodeBinding, now: Date): CodeState {
  if (row.usedAt) return "used";
  if (row.invalidatedAt) return "invalidated";
  if (row.contractId !== b.contractId || row.userId !== b.userId || row.documentSha256 !== b.documentSha256) return "other-document";
  if (row.attempts >= CODE_MAX_ATTEMPTS) return "locked";
  if (now.getTime() >= row.expiresAt.getTime()) return "expired";
  return "usable";
}

export function codeExpiry(now: Date): Date {
  return new Date(now.getTime() + CODE_TTL_MINUTES * 60_000);
}

/**
 * Whether a new code may be sent, from the creation times of the codes sent
 * for this contract and user: one a minute, five an hour.
 */
export function resendDecision(
  sentAt: Date[],
  now: Date,
): { allowed: true } | { allowed: false; retryAfterSeconds: number; reason: "minute" | "hour" } {
  const t = now.getTime();
  const lastHour = sentAt.filter((d) => t - d.getTime() < 3_600_000 && d.getTime() <= t).sort((a, b) => a.getTime() - b.getTime());
  const latest = lastHour[lastHour.length - 1];
  if (latest && t - latest.getTime() < RESEND_MIN_SECONDS * 1000) {
    return { allowed: false, reason: "minute", retryAfterSeconds: Math.ceil((RESEND_MIN_SECONDS * 1000 - (t - latest.getTime())) / 1000) };
  }
  if (lastHour.length >= RESEND_MAX_PER_HOUR) {
    return { allowed: false, reason: "hour", retryAfterSeconds: Math.ceil((3_600_000 - (t - lastHour[0].getTime())) / 1000) };
  }
  return { allowed: true };
}

/** "+33612345608" -> "06 •• •• •• 08". */
export function maskPhone(e164: string): string {
  const national = e164.startsWith("+33") ? `0${e164.slice(3)}` : e164;
  const digits = national.replace(/\D/g, "");
  if (digits.length < 4) return "••";
  return `${digits.slice(0, 2)} •• •• •• ${digits.slice(-2)}`;
}

/** "13:30-20:30 00:00-00:00" -> "13:30-20:30" (the empty second slot is noise). */
export function hoursText(label: string): string {
  return label.replace(/\s*00:00-00:00\s*/g, " ").trim();
}

// ---------------------------------------------------------------------------
// Results of the worker's signing steps
// ---------------------------------------------------------------------------

/**
 * A signing step's answer: the masked phone the code went to; a refusal may
 * still know it, and says when there is nothing left to sign (`finished`).
 */
export type SignResult = Success<{ maskedPhone: string }> | Failure<{ maskedPhone?: string; finished?: boolean }>;

export const SMS_FAILED_MESSAGE = "Le SMS n'a pas pu être envoyé. Réessayez dans quelques instants.";

// ---------------------------------------------------------------------------
// Working time (Code du travail L3121-18 and following)
// ---------------------------------------------------------------------------

/** At most 10 h of work a day... */
export const DAY_LIMIT_MINUTES = 10 * 60;
/** ...or 12 h where the agency records an agreement that allows it. */
export const LONG_DAY_LIMIT_MINUTES = 12 * 60;

/** The most minutes of work a day for an agency. */
export function dailyLimitMinutes(agency: { longDayAgreement: boolean }): number {
  return agency.longDayAgreement ? LONG_DAY_LIMIT_MINUTES : DAY_LIMIT_MINUTES;
}

/** At most 48 h of work in a civil week (L3121-20)... */
export const WEEK_LIMIT_MINUTES = 48 * 60;
/** ...and 44 h a week on average over any 12 consecutive civil weeks (L3121-22). */
export const AVERAGE_WEEK_LIMIT_MINUTES = 44 * 60;
export const AVERAGE_WEEKS = 12;
/** 11 consecutive hours of rest between two working days (L3131-1). */
export const DAILY_REST_MINUTES = 11 * 60;
/** One day of rest a week: 24 h plus the 11 h of daily rest, in a row (L3132-2). */
export const WEEKLY_REST_MINUTES = 35 * 60;
/** The part of the weekly rest that must fall inside the civil week (its "day"). */
export const WEEKLY_REST_IN_WEEK_MINUTES = 24 * 60;

/** A worked shift (UTC instants, break in minutes). Absences are not work and are left out by callers. */
export type WorkSpan = { startsAt: Date; endsAt: Date; breakMinutes: number };

export type WorkingTimeRule = "day" | "week" | "average" | "dailyRest" | "weeklyRest";
export type WorkingTimeViolation = { rule: WorkingTimeRule; message: string };

const MINUTE_MS = 60_000;

function netMinutes(s: WorkSpan): number {
  // Real elapsed minutes (a DST night lasts 9 or 11 hours), net of the break.
  return Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / MINUTE_MS) - s.breakMinutes;
}

/**
 * The working day of a shift. Choice: a shift counts whole for the Paris
 * civil day it starts on, a night shift crossing midnight included (the
 * "journée de travail" starts with the work; splitting at midnight would let
 * a 21:00-09:00 night pass as two short days). Weeks are Paris civil weeks,
 * Monday to Sunday, of that start day.
 */
export function workDayOf(s: { startsAt: Date }): Date {
  return parisCalendarDate(s.startsAt);
}

function dayKey(day: Date): number {
  return day.getTime();
}

function hours(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${String(m).padStart(2, "0")}` : `${h} h`;
}

function weekText(monday: Date): string {
  return `du ${formatCalendarDate(monday)} au ${formatCalendarDate(addDays(monday, 6))}`;
}

type Tagged = WorkSpan & { candidate: boolean };

/** Minutes of work per working day and per week (keyed by the Monday), for the given shifts. */
function totals(spans: Tagged[]) {
  const byDay = new Map<number, number>();
  const byWeek = new Map<number, number>();
  for (const s of spans) {
    const day = workDayOf(s);
    const minutes = netMinutes(s);
    byDay.set(dayKey(day), (byDay.get(dayKey(day)) ?? 0) + minutes);
    const week = dayKey(mondayOf(day));
    byWeek.set(week, (byWeek.get(week) ?? 0) + minutes);
  }
  return { byDay, byWeek };
}

/** The Paris instants a civil week starts and ends (Monday 00:00 to next Monday 00:00, DST-aware). */
function weekBounds(monday: Date): { start: number; end: number } {
  return { start: parisTimeOnDay(monday, 0).getTime(), end: parisTimeOnDay(monday, 0, 7).getTime() };
}

/** Whether a week holds a rest of 35 h in a row, at least 24 h of it inside the week. */
function hasWeeklyRest(monday: Date, spans: WorkSpan[]): boolean {
  const { start, end } = weekBounds(monday);
  // Busy time is the whole shift, break included (a break is not rest).
  const busy = spans
    .map((s) => ({ from: s.startsAt.getTime(), to: s.endsAt.getTime() }))
    .filter((b) => b.to > start - WEEKLY_REST_MINUTES * MINUTE_MS * 2 && b.from < end + WEEKLY_REST_MINUTES * MINUTE_MS * 2)
    .sort((a, b) => a.from - b.from);
  let freeFrom = Number.NEGATIVE_INFINITY;
  const gaps: { from: number; to: number }[] = [];
  for (const b of busy) {
    if (b.from > freeFrom) gaps.push({ from: freeFrom, to: b.from });
    freeFrom = Math.max(freeFrom, b.to);
  }
  gaps.push({ from: freeFrom, to: Number.POSITIVE_INFINITY });
  return gaps.some((g) => {
    const inWeek = Math.min(g.to, end) - Math.max(g.from, start);
    return g.to - g.from >= WEEKLY_REST_MINUTES * MINUTE_MS && inWeek >= WEEKLY_REST_IN_WEEK_MINUTES * MINUTE_MS;
  });
}

/**
 * The first working-time rule that the candidate shifts would break, counted
 * with the worker's other bookings (every live contract, any agency or
 * client), or null. Only what the candidates touch is judged: their days,
 * their weeks, the 12-week windows holding them, the rests before and after
 * them and the weekly rest of their weeks and the weeks next to them (a
 * neighbour week already without rest before the candidates is not blamed
 * on them). Minutes are real minutes net of breaks; see `workDayOf` for how
 * a shift is attributed to a day and a week.
 */
export function workingTimeViolation(
  candidates: WorkSpan[],
  booked: WorkSpan[],
  limits: { dailyLimitMinutes: number },
): WorkingTimeViolation | null {
  if (candidates.length === 0) return null;
  const all: Tagged[] = [...booked.map((s) => ({ ...s, candidate: false })), ...candidates.map((s) => ({ ...s, candidate: true }))].sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime(),
  );
  const { byDay, byWeek } = totals(all);
  const candidateDays = [...new Set(candidates.map((s) => dayKey(workDayOf(s))))].sort((a, b) => a - b);
  const candidateWeeks = [...new Set(candidateDays.map((d) => dayKey(mondayOf(new Date(d)))))].sort((a, b) => a - b);

  for (const d of candidateDays) {
    const total = byDay.get(d) ?? 0;
    if (total > limits.dailyLimitMinutes)
      return {
        rule: "day",
        message: `La journée du ${formatCalendarDate(new Date(d))} compterait ${hours(total)} de travail : au plus ${hours(limits.dailyLimitMinutes)} par jour${
          limits.dailyLimitMinutes > DAY_LIMIT_MINUTES ? " (accord de l'agence)" : ""
        }.`,
      };
  }
  for (const w of candidateWeeks) {
    const total = byWeek.get(w) ?? 0;
    if (total > WEEK_LIMIT_MINUTES)
      return {
        rule: "week",
        message: `La semaine ${weekText(new Date(w))} compterait ${hours(total)} de travail : au plus 48 h par semaine.`,
      };
  }
  for (const w of candidateWeeks) {
    for (let first = 1 - AVERAGE_WEEKS; first <= 0; first++) {
      const from = addDays(new Date(w), first * 7);
      let total = 0;
      for (let k = 0; k < AVERAGE_WEEKS; k++) total += byWeek.get(dayKey(addDays(from, k * 7))) ?? 0;
      if (total > AVERAGE_WEEK_LIMIT_MINUTES * AVERAGE_WEEKS)
        return {
          rule: "average",
          message: `Sur les 12 semaines du ${formatCalendarDate(from)} au ${formatCalendarDate(addDays(from, AVERAGE_WEEKS * 7 - 1))}, la durée moyenne serait de ${hours(
            Math.round(total / AVERAGE_WEEKS),
          )} par semaine : au plus 44 h en moyenne sur 12 semaines.`,
        };
    }
  }
  // Daily rest: from the latest end so far to the first shift of a later
  // working day. Shifts starting on the same day (a split shift) need none.
  let previous: Tagged | null = null;
  for (const s of all) {
    if (previous && dayKey(workDayOf(s)) !== dayKey(workDayOf(previous)) && (s.candidate || previous.candidate)) {
      const rest = Math.round((s.startsAt.getTime() - previous.endsAt.getTime()) / MINUTE_MS);
      if (rest < DAILY_REST_MINUTES)
        return {
          rule: "dailyRest",
          message: `Entre la fin de journée du ${formatCalendarDate(workDayOf(previous))} (${formatTime(previous.endsAt)}) et la reprise du ${formatCalendarDate(
            workDayOf(s),
          )} à ${formatTime(s.startsAt)}, le repos ne serait que de ${hours(Math.max(0, rest))} : au moins 11 h de repos entre deux journées.`,
        };
    }
    if (!previous || s.endsAt.getTime() >= previous.endsAt.getTime()) previous = s;
  }
  const neighbours = new Set<number>();
  for (const w of candidateWeeks) for (const n of [-7, 7]) neighbours.add(dayKey(addDays(new Date(w), n)));
  for (const w of candidateWeeks) neighbours.delete(w);
  const weeklyRestBroken = (w: number) => ({
    rule: "weeklyRest" as const,
    message: `La semaine ${weekText(new Date(w))} n'aurait pas de repos de 35 h d'affilée : un jour de repos par semaine (24 h, plus les 11 h de repos quotidien).`,
  });
  for (const w of candidateWeeks) if (!hasWeeklyRest(new Date(w), all)) return weeklyRestBroken(w);
  for (const w of [...neighbours].sort((a, b) => a - b)) {
    if (!byWeek.has(w)) continue;
    if (!hasWeeklyRest(new Date(w), all) && hasWeeklyRest(new Date(w), booked)) return weeklyRestBroken(w);
  }
  return null;
}

// ---------------------------------------------------------------------------
// Pay: the SMIC in force on each day of the mission, the agency's minimum
// ---------------------------------------------------------------------------

export type SmicRow = { effectiveFrom: Date; hourlyCents: number };

/** The SMIC row in force on a calendar day (the latest one that started on or before it), or null. */
export function smicOn(day: Date, table: SmicRow[]): SmicRow | null {
  let found: SmicRow | null = null;
  for (const row of table) {
    if (row.effectiveFrom.getTime() <= day.getTime() && (!found || row.effectiveFrom.getTime() > found.effectiveFrom.getTime()))
      found = row;
  }
  return found;
}

/**
 * The refusal of an hourly rate below the highest SMIC in force on a day of
 * the mission (from `startDate` to `endDate`, both included: a revaluation
 * mid-mission counts from its day) or below the agency's minimum for the
 * qualification, naming the minimum and the day; null when the rate is
 * enough. A rate of 0 is "not set yet" (a ciblage without a rate): issuing
 * asks for it (`missingForIssue`).
 */
export function hourlyRateViolation(
  rateCents: number,
  period: { startDate: Date; endDate: Date },
  table: SmicRow[],
  qualificationMinimum: { minHourlyCents: number; label: string } | null,
): string | null {
  if (rateCents <= 0) return null;
  let smic: { cents: number; day: Date } | null = null;
  const first = smicOn(period.startDate, table);
  if (first) smic = { cents: first.hourlyCents, day: period.startDate };
  for (const row of table) {
    const t = row.effectiveFrom.getTime();
    if (t > period.startDate.getTime() && t <= period.endDate.getTime() && (!smic || row.hourlyCents > smic.cents))
      smic = { cents: row.hourlyCents, day: row.effectiveFrom };
  }
  const qualification = qualificationMinimum && qualificationMinimum.minHourlyCents > (smic?.cents ?? 0) ? qualificationMinimum : null;
  if (qualification && rateCents < qualification.minHourlyCents)
    return `Le taux horaire doit être d'au moins ${formatEuros(qualification.minHourlyCents)} (minimum fixé par l'agence pour la qualification ${qualification.label}).`;
  if (smic && rateCents < smic.cents)
    return `Le taux horaire doit être d'au moins ${formatEuros(smic.cents)} (SMIC en vigueur le ${formatCalendarDate(smic.day)}).`;
  return null;
}

// ---------------------------------------------------------------------------
// Qualification: held only through a diploma validated by the agency
// ---------------------------------------------------------------------------

export type QualificationGrant = { qualificationId: string; diplomaStatus: "PENDING" | "APPROVED" | "REFUSED" | null };

/**
 * Whether the worker holds a qualification: granted through a diploma staff
 * validated. A grant without a validated diploma (none, pending, refused)
 * does not count: without a diploma, no qualification, no mission.
 */
export function holdsQualification(qualificationId: string, grants: QualificationGrant[]): boolean {
  return grants.some((g) => g.qualificationId === qualificationId && g.diplomaStatus === "APPROVED");
}

/**
 * The refusal of a new SMIC value, or null: the table is only extended, from
 * a day after its latest value (past values are never rewritten), and the
 * SMIC does not go down.
 */
export function smicExtensionError(
  next: { effectiveFrom: Date; hourlyCents: number },
  table: SmicRow[],
): { field: "effectiveFrom" | "hourlyRate"; message: string } | null {
  const latest = table.reduce<SmicRow | null>((a, r) => (!a || r.effectiveFrom.getTime() > a.effectiveFrom.getTime() ? r : a), null);
  if (latest && next.effectiveFrom.getTime() <= latest.effectiveFrom.getTime())
    return {
      field: "effectiveFrom",
      message: `La date d'effet doit suivre celle de la dernière valeur (${formatCalendarDate(latest.effectiveFrom)}) : les valeurs passées ne se modifient pas.`,
    };
  if (latest && next.hourlyCents < latest.hourlyCents)
    return {
      field: "hourlyRate",
      message: `Le SMIC ne baisse pas : indiquez au moins ${formatEuros(latest.hourlyCents)} (valeur du ${formatCalendarDate(latest.effectiveFrom)}).`,
    };
  return null;
}

// ---------------------------------------------------------------------------
// Dates and shifts agree: a contract runs from its first shift's Paris day to
// its last one's. A change of dates proposes the shifts to add (the days the
// new dates add, in the contract's own weekly rhythm) and to remove (those
// that fall outside); staff confirm it before anything is saved.
// ---------------------------------------------------------------------------

export type PlannedSlot = ShiftSlot & { kind?: "WORK" | "ABSENCE" };
export type ExistingShift = PlannedSlot & { id: string; validated: boolean };

/** The first and last Paris days of a list of shifts, or null when there is none. */
export function datesOfShifts(shifts: { startsAt: Date }[]): { startDate: Date; endDate: Date } | null {
  if (!shifts.length) return null;
  const days = shifts.map((s) => parisDayOf(s.startsAt).getTime());
  return { startDate: new Date(Math.min(...days)), endDate: new Date(Math.max(...days)) };
}

/**
 * The contract's usual shift (the most frequent start, end and break of its
 * worked shifts), or the first slot of its hours label when it has none.
 */
export function usualSlot(shifts: PlannedSlot[], label: string): { start: string; end: string; breakMinutes: number } | null {
  const counts = new Map<string, { start: string; end: string; breakMinutes: number; n: number }>();
  for (const s of shifts) {
    if (s.kind === "ABSENCE") continue;
    const start = parisHHMM(s.startsAt);
    const end = parisHHMM(s.endsAt);
    const key = `${start}-${end}-${s.breakMinutes}`;
    const c = counts.get(key) ?? { start, end, breakMinutes: s.breakMinutes, n: 0 };
    c.n++;
    counts.set(key, c);
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  if (best) return best;
  const m = /^(\d{2}:\d{2})-(\d{2}:\d{2})/.exec(label.trim());
  return m && m[1] !== m[2] ? { start: m[1], end: m[2], breakMinutes: 0 } : null;
}

export type DateChangePlan<S extends ExistingShift> = {
  added: ShiftSlot[];
  removed: S[];
  /** Shifts outside the new dates that were worked or validated: the change is refused. */
  blocked: S[];
  /** The dates the shifts would give once added and removed (null: no shift left). */
  result: { startDate: Date; endDate: Date } | null;
};

/**
 * What a change of dates does to the shifts. A day the new dates add gets
 * the usual shift unless its weekday is a rest day of the contract (a weekday
 * met within the old dates that never has a shift); shifts outside the new dates
 * go, except those already worked (ended before `now`) or validated.
 */
export function planDateChange<S extends ExistingShift>(args: {
  shifts: S[];
  from: { startDate: Date; endDate: Date };
  to: { startDate: Date; endDate: Date };
  hoursLabel: string;
  now: Date;
}): DateChangePlan<S> {
  const { shifts, from, to, now } = args;
  const inside = (day: Date, r: { startDate: Date; endDate: Date }) =>
    day.getTime() >= r.startDate.getTime() && day.getTime() <= r.endDate.getTime();
  const outside = shifts.filter((s) => !inside(parisDayOf(s.startsAt), to));
  const blocked = outside.filter((s) => s.validated || s.endsAt.getTime() <= now.getTime());
  const removed = outside.filter((s) => !blocked.includes(s));
  const shiftDays = new Set(shifts.map((s) => parisDayOf(s.startsAt).getTime()));
  const workedWeekdays = new Set([...shiftDays].map((t) => isoWeekday(new Date(t))));
  const restWeekdays = new Set<number>();
  for (let day = from.startDate; day.getTime() <= from.endDate.getTime(); day = addDays(day, 1))
    if (!workedWeekdays.has(isoWeekday(day))) restWeekdays.add(isoWeekday(day));
  const slot = usualSlot(shifts, args.hoursLabel);
  const added: ShiftSlot[] = [];
  if (slot) {
    for (let day = to.startDate; day.getTime() <= to.endDate.getTime(); day = addDays(day, 1)) {
      if (inside(day, from) || shiftDays.has(day.getTime()) || restWeekdays.has(isoWeekday(day))) continue;
      const s = shiftFromTimes(day, slot.start, slot.end, slot.breakMinutes);
      if (s) added.push(s);
    }
  }
  const kept = shifts.filter((s) => !removed.includes(s));
  return { added, removed, blocked, result: datesOfShifts([...kept, ...added]) };
}

/** The preview lines staff confirm: "le 19/12/2026 de 13:30 à 20:30". */
export function describeSlot(s: { startsAt: Date; endsAt: Date }, formatDay: (d: Date) => string): string {
  return `le ${formatDay(parisDayOf(s.startsAt))} de ${parisHHMM(s.startsAt)} à ${parisHHMM(s.endsAt)}`;
}

// Pure rules of contracts: states as the worker and as staff see them, the
// transitions staff drive, the list's URL parameters, and the one-time signing
// codes. No database, no "server-only": unit-tested directly.
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import type { ContractState } from "@/lib/generated/prisma/enums";
import { searchParamDate } from "@/lib/time/dates";
import type { Failure, Success } from "@/lib/result";
import { addDays, isoWeekday, parisDayOf, parisHHMM, shiftFromTimes, type ShiftSlot } from "./shifts";

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

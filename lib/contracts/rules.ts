// Pure rules of contracts: states as the worker and as staff see them, the
// transitions staff drive, the list's URL parameters, and the one-time signing
// codes. No database, no "server-only": unit-tested directly.
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import type { ContractState } from "@/lib/generated/prisma/enums";
import { searchParamDate } from "@/lib/time/dates";
import { parisParts, type ParisParts } from "@/lib/time/paris";
import type { Failure, Success } from "@/lib/result";

// ---------------------------------------------------------------------------
// States
// ---------------------------------------------------------------------------

/** The states a worker can see (drafts stay with the agency). */
export const WORKER_VISIBLE_STATES: ContractState[] = ["INCOMPLETE", "AWAITING_SIGNATURE", "SIGNED", "CANCELLED"];

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
export function missingForIssue(c: { workShiftCount: number; recourseReason: string | null; hourlyRateCents: number }): string[] {
  const missing: string[] = [];
  if (c.workShiftCount === 0) missing.push("au moins un créneau travaillé");
  if (!c.recourseReason?.trim()) missing.push("le motif de recours");
  if (c.hourlyRateCents <= 0) missing.push("le taux horaire");
  return missing;
}

// ---------------------------------------------------------------------------
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

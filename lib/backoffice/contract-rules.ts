// Contract state transitions driven by staff actions, in one place.
import type { ContractState } from "@/lib/generated/prisma/enums";

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

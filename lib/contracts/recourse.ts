// Motif de recours (Code du travail L1251-6, L1251-7 and L1251-16): the
// contract states the legal case with "justifications précises", and for a
// replacement the name and qualification of the person replaced. Pure, no
// node built-ins: the form schemas that reach the browser import it. Part of
// the interface of ./rules.ts, which re-exports it.
import type { RecourseCase } from "@/lib/generated/prisma/enums";

/** The legal cases, in the order of the select. */
export const RECOURSE_CASES: readonly RecourseCase[] = [
  "REPLACEMENT_ABSENT",
  "REPLACEMENT_DEPARTURE",
  "REPLACEMENT_PENDING_HIRE",
  "REPLACEMENT_HEAD",
  "ACTIVITY_INCREASE",
  "URGENT_WORK",
  "SEASONAL",
  "CUSTOMARY_USE",
  "INTEGRATION",
  "TRAINING",
];

export const RECOURSE_CASE_LABELS: Record<RecourseCase, string> = {
  REPLACEMENT_ABSENT: "Remplacement d'un salarié absent",
  REPLACEMENT_DEPARTURE: "Remplacement d'un salarié dont le départ définitif précède la suppression de son poste",
  REPLACEMENT_PENDING_HIRE: "Remplacement d'un salarié en attente de l'entrée en service d'un salarié recruté en CDI",
  REPLACEMENT_HEAD: "Remplacement d'un chef d'entreprise ou d'exploitation (ou de son conjoint)",
  ACTIVITY_INCREASE: "Accroissement temporaire d'activité",
  URGENT_WORK: "Travaux urgents nécessités par des mesures de sécurité",
  SEASONAL: "Emploi à caractère saisonnier",
  CUSTOMARY_USE: "Emploi pour lequel il est d'usage constant de ne pas recourir au CDI",
  INTEGRATION: "Mission d'insertion (personnes sans emploi rencontrant des difficultés)",
  TRAINING: "Complément de formation professionnelle",
};

/** The select's options, with what each case asks for (the form shows the matching fields). */
export function recourseOptions(): { value: RecourseCase; label: string; replaced: boolean; reason: boolean }[] {
  return RECOURSE_CASES.map((value) => ({ value, label: RECOURSE_CASE_LABELS[value], ...recourseNeeds(value) }));
}

export type RecourseFields = {
  recourseCase: RecourseCase | null;
  replacedName: string | null;
  replacedPosition: string | null;
  recourseReason: string | null;
};

/** What a case asks for besides itself: the person replaced, or a justification text. */
export function recourseNeeds(recourseCase: RecourseCase): { replaced: boolean; reason: boolean } {
  const replaced = recourseCase.startsWith("REPLACEMENT_");
  return { replaced, reason: !replaced };
}

export const RECOURSE_MESSAGES = {
  recourseCase: "Choisissez le motif de recours parmi les cas prévus par la loi.",
  replacedName: "Renseignez le nom de la personne remplacée.",
  replacedPosition: "Renseignez le poste (qualification) de la personne remplacée.",
  recourseReason: "Précisez la justification du motif de recours (par exemple la raison du surcroît d'activité).",
} as const;

/** The refusals of a motif, keyed by the form field they belong next to; empty when complete. */
export function recourseErrors(c: RecourseFields): Partial<Record<keyof RecourseFields, string>> {
  if (!c.recourseCase) return { recourseCase: RECOURSE_MESSAGES.recourseCase };
  const needs = recourseNeeds(c.recourseCase);
  const errors: Partial<Record<keyof RecourseFields, string>> = {};
  if (needs.replaced && !c.replacedName?.trim()) errors.replacedName = RECOURSE_MESSAGES.replacedName;
  if (needs.replaced && !c.replacedPosition?.trim()) errors.replacedPosition = RECOURSE_MESSAGES.replacedPosition;
  if (needs.reason && !c.recourseReason?.trim()) errors.recourseReason = RECOURSE_MESSAGES.recourseReason;
  return errors;
}

/** The motif's missing parts in the words of "À compléter avant l'envoi". */
export function recourseMissing(c: RecourseFields): string[] {
  const e = recourseErrors(c);
  const out: string[] = [];
  if (e.recourseCase) out.push("le motif de recours");
  if (e.replacedName) out.push("le nom de la personne remplacée");
  if (e.replacedPosition) out.push("le poste de la personne remplacée");
  if (e.recourseReason) out.push("la justification du motif de recours");
  return out;
}

/**
 * The fields a case keeps: the replaced person only for a replacement (a
 * name left over from another case would print on the contract).
 */
export function normalizeRecourse(c: RecourseFields): RecourseFields {
  const trim = (v: string | null) => (v && v.trim() ? v.trim() : null);
  const replaced = c.recourseCase ? recourseNeeds(c.recourseCase).replaced : false;
  return {
    recourseCase: c.recourseCase,
    replacedName: replaced ? trim(c.replacedName) : null,
    replacedPosition: replaced ? trim(c.replacedPosition) : null,
    recourseReason: trim(c.recourseReason),
  };
}

/** The motif as printed on the contract: the case, the person replaced, the justification. */
export function recourseLines(c: RecourseFields): { label: string; value: string }[] {
  if (!c.recourseCase) return [{ label: "Motif de recours", value: c.recourseReason?.trim() || "Non renseigné" }];
  const lines = [{ label: "Motif de recours", value: RECOURSE_CASE_LABELS[c.recourseCase] }];
  if (c.replacedName?.trim()) lines.push({ label: "Personne remplacée", value: c.replacedName.trim() });
  if (c.replacedPosition?.trim()) lines.push({ label: "Poste de la personne remplacée", value: c.replacedPosition.trim() });
  if (c.recourseReason?.trim()) lines.push({ label: "Justification", value: c.recourseReason.trim() });
  return lines;
}

/**
 * The case a free-text motif of older rows names, or null when it is not
 * recognisable (staff then choose it before the contract is sent again).
 * The data migration applies the same patterns in SQL.
 */
export function recourseCaseFromText(text: string | null): RecourseCase | null {
  const t = (text ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim();
  if (!t) return null;
  if (/^remplacement/.test(t)) return "REPLACEMENT_ABSENT";
  if (/accroissement|surcroit/.test(t)) return "ACTIVITY_INCREASE";
  if (/saisonni/.test(t)) return "SEASONAL";
  if (/usage constant|d'usage/.test(t)) return "CUSTOMARY_USE";
  if (/travaux urgents/.test(t)) return "URGENT_WORK";
  if (/insertion/.test(t)) return "INTEGRATION";
  if (/formation/.test(t)) return "TRAINING";
  return null;
}

/** "Remplacement de Mme B. Magalie, absente" -> "Mme B. Magalie" (as the data migration reads it). */
export function replacedNameFromText(text: string | null): string | null {
  const m = /^remplacement d[eu] (?:l'|la |le )?([^,(]+)/i.exec((text ?? "").trim());
  return m ? m[1].trim() || null : null;
}

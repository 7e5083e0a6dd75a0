import { formatDashedDate } from "../format";
import type { AdvanceStatus } from "../generated/prisma/enums";

/** The guide's wording of each state. */
export function advanceStateLabel(a: { status: AdvanceStatus; paidOn: Date | null; refusalReason: string | null }): string {
  switch (a.status) {
    case "PENDING":
      return "En attente";
    case "ACCEPTED":
      return "Acompte en cours de traitement";
    case "PAID":
      return `Acompte versé le ${a.paidOn ? formatDashedDate(a.paidOn) : ""}`.trim();
    case "REFUSED":
      return `Refusé - ${a.refusalReason ?? ""}`.trim();
    case "CANCELLED":
      return "Annulée";
  }
}

export const REFUSAL_REASONS = [
  "2 demandes regroupées en une",
  "Pas d'acomptes cette semaine",
  "Montant supérieur aux heures réalisées",
  "Heures du mois pas encore validées",
  "Demande arrivée après la date limite",
];

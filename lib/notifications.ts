import "server-only";
import { db } from "@/lib/db";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { MessageDeliveryError, sendEmail } from "@/lib/messaging";
import { notification, type NotificationInput } from "@/lib/messaging/templates";

/** The eight email notifications of Paramètres, in the guide's order and wording. */
export const NOTIFICATION_SETTINGS: { kind: NotificationKind; label: string; description: string }[] = [
  { kind: "ADVANCE_ACCEPTED", label: "Demande d'acompte acceptée", description: "Recevoir un mail lors de l'acceptation d'une demande d'acompte." },
  { kind: "ADVANCE_PAID", label: "Demande d'acompte versée", description: "Recevoir un mail lors du versement d'un acompte." },
  { kind: "TARGETING_CLOSED", label: "Fermeture d'un ciblage", description: "Recevoir un mail lors de la fermeture d'un ciblage" },
  { kind: "CONTRACT_DATE_CHANGED", label: "Modification d'une date sur un contrat", description: "Recevoir un mail lorsqu'une modification sur les dates de mes contrats est effectuée." },
  { kind: "NEW_PAYSLIP", label: "Nouveau bulletin de salaire", description: "Recevoir un mail lors de l'ajout d'un nouveau bulletin de salaire sur mon espace virtuel." },
  { kind: "NEW_WORK_CERTIFICATE", label: "Nouveau certificat de travail", description: "Recevoir un mail lors de l'ajout d'un nouveau certificat de travail sur mon espace virtuel." },
  { kind: "NEW_CONTRACT", label: "Nouveau contrat", description: "Recevoir un mail lors de l'ajout d'un nouveau contrat sur mon espace virtuel." },
  { kind: "NEW_ASSEDIC_CERTIFICATE", label: "Nouvelle attestation ASSEDIC", description: "Recevoir un mail lors de l'ajout d'une nouvelle attestation ASSEDIC sur mon espace virtuel." },
];

/** A notification is on unless the user turned it off (no row = on). */
export async function notificationEnabled(userId: string, kind: NotificationKind): Promise<boolean> {
  const row = await db.notificationPreference.findUnique({ where: { userId_kind: { userId, kind } } });
  return row?.enabled ?? true;
}

/**
 * Emails a user about an event. With a kind, the user's preference decides;
 * with kind null (e.g. a refused advance) the email always goes out.
 * Returns whether an email was sent.
 */
export async function notifyUser(userId: string, kind: NotificationKind | null, content: NotificationInput): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, firstName: true, active: true } });
  if (!user?.active) return false;
  if (kind && !(await notificationEnabled(userId, kind))) return false;
  await sendEmail({ to: user.email, userId, ...notification({ firstName: user.firstName, preferencesHint: kind !== null, ...content }) });
  return true;
}

/**
 * Emails a worker the agency's decision on something they asked for (a
 * profile change, a diploma). It answers their own request, so it always goes
 * out: to the account's address, or to `to` when given (an address the
 * decision just replaced). Sent after the decision is stored: a failing mail
 * provider does not undo the decision (the message stays in the outbox as
 * failed).
 */
export async function notifyDecision(userId: string, content: NotificationInput, to?: string): Promise<void> {
  try {
    if (to) await sendEmail({ to, ...notification(content) });
    else await notifyUser(userId, null, content);
  } catch (error) {
    if (!(error instanceof MessageDeliveryError)) throw error;
    console.warn(`Decision email not delivered: ${error.message}`);
  }
}

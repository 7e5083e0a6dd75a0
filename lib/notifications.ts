import "server-only";
import { db } from "@/lib/db";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { sendEmail } from "@/lib/messaging";
import { agencyIdForUser, type EnqueueOptions, type OutboxClient } from "@/lib/messaging/outbox";
import { notification, type NotificationInput } from "@/lib/messaging/templates";

/** The eight email notifications of Paramètres, in the guide's order and wording. */
export const NOTIFICATION_SETTINGS: { kind: NotificationKind; label: string; description: string }[] = [
  {
    kind: "ADVANCE_ACCEPTED",
    label: "Demande d'acompte acceptée",
    description: "Recevoir un mail lors de l'acceptation d'une demande d'acompte.",
  },
  { kind: "ADVANCE_PAID", label: "Demande d'acompte versée", description: "Recevoir un mail lors du versement d'un acompte." },
  { kind: "TARGETING_CLOSED", label: "Fermeture d'un ciblage", description: "Recevoir un mail lors de la fermeture d'un ciblage" },
  {
    kind: "CONTRACT_DATE_CHANGED",
    label: "Modification d'une date sur un contrat",
    description: "Recevoir un mail lorsqu'une modification sur les dates de mes contrats est effectuée.",
  },
  {
    kind: "NEW_PAYSLIP",
    label: "Nouveau bulletin de salaire",
    description: "Recevoir un mail lors de l'ajout d'un nouveau bulletin de salaire sur mon espace virtuel.",
  },
  {
    kind: "NEW_WORK_CERTIFICATE",
    label: "Nouveau certificat de travail",
    description: "Recevoir un mail lors de l'ajout d'un nouveau certificat de travail sur mon espace virtuel.",
  },
  {
    kind: "NEW_CONTRACT",
    label: "Nouveau contrat",
    description: "Recevoir un mail lors de l'ajout d'un nouveau contrat sur mon espace virtuel.",
  },
  {
    kind: "NEW_ASSEDIC_CERTIFICATE",
    label: "Nouvelle attestation ASSEDIC",
    description: "Recevoir un mail lors de l'ajout d'une nouvelle attestation ASSEDIC sur mon espace virtuel.",
  },
];

export type NotifyOptions = EnqueueOptions & {
  /** The transaction of the change being notified: the email commits (or not) with it. */
  tx?: OutboxClient & Pick<PrismaClient, "notificationPreference">;
};

/** A notification is on unless the user turned it off (no row = on). */
export async function notificationEnabled(
  userId: string,
  kind: NotificationKind,
  client: Pick<PrismaClient, "notificationPreference"> = db,
): Promise<boolean> {
  const row = await client.notificationPreference.findUnique({ where: { userId_kind: { userId, kind } } });
  return row?.enabled ?? true;
}

/**
 * Emails a user about an event. With a kind, the user's preference decides;
 * with kind null (e.g. a refused advance) the email always goes out.
 * The email is queued in `options.tx` when given (the delivery worker sends
 * it after the commit); a dedupe key makes it once per event.
 * Returns whether an email was queued (or had been for this event).
 */
export async function notifyUser(
  userId: string,
  kind: NotificationKind | null,
  content: NotificationInput,
  options: NotifyOptions = {},
): Promise<boolean> {
  const client = options.tx ?? db;
  const user = await client.user.findUnique({ where: { id: userId }, select: { email: true, firstName: true, active: true } });
  if (!user?.active) return false;
  if (kind && !(await notificationEnabled(userId, kind, client))) return false;
  const { tx, ...enqueue } = options;
  await sendEmail(
    { to: user.email, userId, ...notification({ firstName: user.firstName, preferencesHint: kind !== null, ...content }) },
    { ...enqueue, client: tx },
  );
  return true;
}

/**
 * Emails a worker the agency's decision on something they asked for (a
 * profile change, a diploma). It answers their own request, so it always goes
 * out: to the account's address, or to `to` when given (an address the
 * decision just replaced). Pass the decision's transaction so that the email
 * is queued with it; a provider outage only delays it (the worker retries).
 */
export async function notifyDecision(userId: string, content: NotificationInput, to?: string, options: NotifyOptions = {}): Promise<void> {
  if (to) {
    const agencyId = options.agencyId !== undefined ? options.agencyId : await agencyIdForUser(userId, options.tx ?? db);
    await sendEmail({ to, ...notification(content) }, { agencyId, dedupeKey: options.dedupeKey, client: options.tx });
  } else await notifyUser(userId, null, content, options);
}

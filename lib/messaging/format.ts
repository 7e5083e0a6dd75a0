// How the outbox is shown to staff: French labels, Paris time.
import type { MessageChannel, MessageStatus } from "@/lib/generated/prisma/enums";

export const STATUS_LABELS: Record<MessageStatus, string> = {
  OUTBOX: "Dans la boîte d'envoi",
  SENT: "Envoyé",
  FAILED: "Échec",
};

export const CHANNEL_LABELS: Record<MessageChannel, string> = {
  EMAIL: "E-mail",
  SMS: "SMS",
};

const parisDateTime = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "26/11/2026 à 14:05", in Paris time whatever the server's zone. */
export function formatParisDateTime(date: Date): string {
  const parts = Object.fromEntries(parisDateTime.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} à ${parts.hour}:${parts.minute}`;
}

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

/** "26/11/2026 à 14:05", in Paris time whatever the server's zone (lib/format). */
export { formatParisDateTime } from "@/lib/format";

// The shapes shared by the mail and SMS layer. No runtime code here besides
// the delivery error, so that templates and tests can import it freely.

/** An email as the rest of the app hands it over. */
export type EmailMessage = {
  to: string;
  /** The recipient's account; looked up from the address when not given. */
  userId?: string | null;
  subject: string;
  text: string;
  html: string;
};

/** An SMS as the rest of the app hands it over. `to` in E.164, e.g. +33612345678. */
export type SmsMessage = {
  to: string;
  /** The recipient's account; looked up from the worker's phone when not given. */
  userId?: string | null;
  text: string;
};

/** What an email template produces: spread it into an EmailMessage. */
export type EmailContent = { subject: string; text: string; html: string };

/** The email as a provider sends it, sender included. */
export type OutgoingEmail = { from: string; to: string; subject: string; text: string; html: string; idempotencyKey?: string };

/** The SMS as a provider sends it; `to` in E.164. */
export type OutgoingSms = { sender: string; to: string; text: string };

/** A real email service (Resend in production, a fake one in tests). */
export type EmailProvider = {
  name: string;
  send(message: OutgoingEmail): Promise<{ id: string }>;
};

/** A real SMS service (Brevo in production, a fake one in tests). */
export type SmsProvider = {
  name: string;
  send(message: OutgoingSms): Promise<{ id: string }>;
};

export type Channel = "email" | "sms";

/**
 * Thrown by sendSms (sent at once) when the provider refused or did not
 * answer. The message is already recorded as FAILED in the outbox; `userMessage` is
 * French text a page can show as it is.
 */
export class MessageDeliveryError extends Error {
  readonly channel: Channel;
  readonly outboxId: string;
  readonly userMessage: string;

  constructor(channel: Channel, outboxId: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`${channel === "email" ? "Email" : "SMS"} delivery failed (outbox ${outboxId}): ${reason}`, { cause });
    this.name = "MessageDeliveryError";
    this.channel = channel;
    this.outboxId = outboxId;
    this.userMessage =
      channel === "email"
        ? "L'envoi de l'e-mail est impossible pour le moment. Réessayez dans quelques minutes."
        : "L'envoi du SMS est impossible pour le moment. Réessayez dans quelques minutes.";
  }
}

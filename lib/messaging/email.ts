// Email: Resend when RESEND_API_KEY is set, otherwise the outbox only.
// Resend's REST API is called with fetch rather than through the `resend`
// package: the package imports an optional peer (@react-email/render) that
// Turbopack tries to resolve at build time (resend/resend-node#625).
import "server-only";
import type { EmailMessage, EmailProvider, OutgoingEmail } from "./types";
import { joinUrl, postJson, ProviderError } from "./http";
import { looksLikeEmail, normalizeEmailAddress } from "./phone";
import { enqueueMessage, userIdForEmail, type EnqueueOptions, type OutboxClient, type OutboxRecord } from "./outbox";
import { wakeOutboxWorker } from "./worker";

export const DEFAULT_MAIL_FROM = "Coop Emploi <no-reply@coop-emploi.fr>";
export const RESEND_DEFAULT_BASE_URL = "https://api.resend.com";

type Env = Record<string, string | undefined>;

export type ResendOptions = { apiKey: string; baseUrl?: string; timeoutMs?: number };

/** Resend's `POST /emails`; the base URL is overridable (RESEND_BASE_URL, as in Resend's own SDK). */
export function resendProvider(options: ResendOptions): EmailProvider {
  const url = joinUrl(options.baseUrl || RESEND_DEFAULT_BASE_URL, "/emails");
  return {
    name: "resend",
    async send(message: OutgoingEmail) {
      const answer = await postJson({
        provider: "Resend",
        url,
        // A retry of the same outbox row cannot send the email twice.
        headers: { authorization: `Bearer ${options.apiKey}`, ...(message.idempotencyKey ? { "idempotency-key": message.idempotencyKey } : {}) },
        body: { from: message.from, to: message.to, subject: message.subject, html: message.html, text: message.text },
        timeoutMs: options.timeoutMs,
      });
      if (typeof answer.id !== "string" || !answer.id) throw new ProviderError("Resend answered without an email id");
      return { id: answer.id };
    },
  };
}

/** The configured email provider, or null when mail stays in the outbox. */
export function emailProviderFromEnv(env: Env = process.env): EmailProvider | null {
  const apiKey = env.RESEND_API_KEY?.trim();
  if (!apiKey) return null;
  return resendProvider({ apiKey, baseUrl: env.RESEND_BASE_URL?.trim() || undefined });
}

export function mailFrom(env: Env = process.env): string {
  return env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM;
}

export type SendEmailOptions = EnqueueOptions & {
  /** The caller's transaction: the message commits with the change it reports. */
  client?: OutboxClient;
};

/**
 * Writes the email to the outbox (in `options.client`, the caller's
 * transaction when given). It never waits on a provider: the delivery worker
 * sends it after the commit when one is configured.
 */
export async function deliverEmail(message: EmailMessage, options: SendEmailOptions = {}): Promise<OutboxRecord> {
  const to = normalizeEmailAddress(message.to);
  if (!looksLikeEmail(to)) throw new Error(`Invalid email address: ${JSON.stringify(message.to)}`);
  // A subject is a header: no line breaks.
  const subject = message.subject.replace(/[\r\n]+/g, " ").trim();
  const userId = message.userId ?? (await userIdForEmail(to, options.client));
  return enqueueMessage({ channel: "EMAIL", to, userId, subject, text: message.text, html: message.html }, options, options.client);
}

/** Queues an email; outside a transaction the worker is woken at once. */
export async function sendEmail(message: EmailMessage, options?: SendEmailOptions): Promise<void> {
  await deliverEmail(message, options);
  if (!options?.client) wakeOutboxWorker();
}

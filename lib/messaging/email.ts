// Email: Resend when RESEND_API_KEY is set, otherwise the outbox only.
// Sent through Resend's SDK (`resend`), with its idempotency key. The SDK
// lazily imports an optional peer (@react-email/render, only for `react`
// emails, which are not used here): next.config.ts lists `resend` in
// serverExternalPackages so that Turbopack does not try to resolve it at
// build time (resend/resend-node#625).
import "server-only";
import { Resend, type ErrorResponse } from "resend";
import type { EmailMessage, EmailProvider, OutgoingEmail } from "./types";
import { joinUrl, ProviderError, requestJson, type ProviderRequest } from "./http";
import { looksLikeEmail, normalizeEmailAddress } from "./phone";
import { enqueueMessage, userIdForEmail, type EnqueueOptions, type OutboxClient, type OutboxRecord } from "./outbox";
import { wakeOutboxWorker } from "./worker";
import { isPreview } from "@/lib/preview/env";

export const DEFAULT_MAIL_FROM = "Coop Emploi <no-reply@coop-emploi.fr>";

type Env = Record<string, string | undefined>;

export type ResendOptions = { apiKey: string; baseUrl?: string; timeoutMs?: number };

/** The SDK's `Response<T>` (not exported). */
type SdkResponse<T> = ({ data: T; error: null } | { data: null; error: ErrorResponse }) & { headers: Record<string, string> | null };

/**
 * Resend's SDK with its transport replaced by requestJson: the SDK's own one
 * turns every failure into a value without the HTTP status (for a JSON body
 * that lacks `statusCode`) nor the body of a non-JSON answer (a gateway's
 * HTML page), and has no timeout. The SDK still builds the request: URL from
 * the base URL, `Authorization`, `User-Agent`, `Idempotency-Key`, and the
 * payload in the API's field names.
 */
class ResendClient extends Resend {
  readonly #timeoutMs: number | undefined;

  constructor(apiKey: string, baseUrl: string | undefined, timeoutMs: number | undefined) {
    // No base URL: the SDK takes RESEND_BASE_URL, or Resend's own.
    super(apiKey, baseUrl ? { baseUrl } : undefined);
    this.#timeoutMs = timeoutMs;
  }

  override async fetchRequest<T>(path: string, options: ProviderRequest["init"] = {}): Promise<SdkResponse<T>> {
    const data = await requestJson({ provider: "Resend", url: joinUrl(this.baseUrl, path), init: options, timeoutMs: this.#timeoutMs });
    return { data: data as T, error: null, headers: null };
  }
}

/** Resend's `POST /emails`; the base URL is overridable (RESEND_BASE_URL, as the SDK reads it). */
export function resendProvider(options: ResendOptions): EmailProvider {
  const client = new ResendClient(options.apiKey, options.baseUrl || undefined, options.timeoutMs);
  return {
    name: "resend",
    async send(message: OutgoingEmail) {
      const { data, error } = await client.emails.send(
        { from: message.from, to: message.to, subject: message.subject, html: message.html, text: message.text },
        {
          // The outbox row's id: a retry of the same row (after a timeout, a
          // crash, a lost answer) is recognised by Resend and not sent twice.
          idempotencyKey: message.idempotencyKey,
          headers: { accept: "application/json" },
        },
      );
      if (error) throw new ProviderError(`Resend answered an error: ${error.message}`, error.statusCode);
      if (typeof data?.id !== "string" || !data.id) throw new ProviderError("Resend answered without an email id");
      return { id: data.id };
    },
  };
}

/** The configured email provider, or null when mail stays in the outbox. */
export function emailProviderFromEnv(env: Env = process.env): EmailProvider | null {
  // A deploy preview never sends: its outbox is read on the preview's own page.
  if (isPreview(env)) return null;
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

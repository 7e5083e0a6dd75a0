// SMS: Brevo's transactional SMS API when BREVO_API_KEY is set, otherwise the outbox only.
import "server-only";
import type { OutgoingSms, SmsMessage, SmsProvider } from "./types";
import { joinUrl, postJson, ProviderError } from "./http";
import { normalizePhone } from "./phone";
import { enqueueMessage, userIdForPhone, type OutboxClient, type OutboxRecord } from "./outbox";
import { revealText } from "./secrets";
import { markSent } from "./worker";
import { MessageDeliveryError } from "./types";
import { db } from "@/lib/db";
import { isPreview } from "@/lib/preview/env";

export const DEFAULT_SMS_SENDER = "CoopEmploi";
const BREVO_DEFAULT_API_URL = "https://api.brevo.com/v3";

type Env = Record<string, string | undefined>;

export type BrevoOptions = { apiKey: string; baseUrl?: string; timeoutMs?: number };

/** Brevo's `POST {base}/transactionalSMS/sms`; the base (with /v3) is overridable (BREVO_API_URL). */
export function brevoProvider(options: BrevoOptions): SmsProvider {
  const url = joinUrl(options.baseUrl || BREVO_DEFAULT_API_URL, "/transactionalSMS/sms");
  return {
    name: "brevo",
    async send(message: OutgoingSms) {
      const answer = await postJson({
        provider: "Brevo",
        url,
        headers: { "api-key": options.apiKey },
        // Brevo wants the number with its country code but without the "+".
        body: { sender: message.sender, recipient: message.to.replace(/^\+/, ""), content: message.text, type: "transactional" },
        timeoutMs: options.timeoutMs,
      });
      const id = answer.messageId;
      if ((typeof id !== "number" && typeof id !== "string") || id === "") throw new ProviderError("Brevo answered without a messageId");
      return { id: String(id) };
    },
  };
}

/** The configured SMS provider, or null when SMS stay in the outbox. */
export function smsProviderFromEnv(env: Env = process.env): SmsProvider | null {
  // A deploy preview never sends: its outbox is read on the preview's own page.
  if (isPreview(env)) return null;
  const apiKey = env.BREVO_API_KEY?.trim();
  if (!apiKey) return null;
  return brevoProvider({ apiKey, baseUrl: env.BREVO_API_URL?.trim() || undefined });
}

/**
 * The sender name shown on the phone. Operators accept at most 11
 * alphanumeric characters (or 15 digits for a numeric sender).
 */
export function smsSender(env: Env = process.env): string {
  const value = env.SMS_SENDER?.trim();
  if (!value) return DEFAULT_SMS_SENDER;
  if (/^\d{1,15}$/.test(value)) return value;
  return (
    value
      .replace(/[^A-Za-z0-9 ]/g, "")
      .slice(0, 11)
      .trim() || DEFAULT_SMS_SENDER
  );
}

export type SendSmsOptions = {
  /** undefined: from the environment; null: keep in the outbox. */
  provider?: SmsProvider | null;
  sender?: string;
  client?: OutboxClient;
  agencyId?: string | null;
};

const SEND_LEASE_MS = 5 * 60_000;

/**
 * Records the SMS and sends it at once when a provider is configured: the
 * worker is waiting for the signature code. The row is leased while sending,
 * so the delivery worker never sends it too. A failure is recorded as FAILED
 * (a code is not retried later: the worker asks for a new one) and thrown as a
 * MessageDeliveryError.
 */
export async function deliverSms(message: SmsMessage, options: SendSmsOptions = {}): Promise<OutboxRecord> {
  const to = normalizePhone(message.to);
  if (!to) throw new Error(`Invalid phone number: ${JSON.stringify(message.to)}`);
  const client = options.client ?? db;
  const userId = message.userId ?? (await userIdForPhone(to, client));
  const provider = options.provider === undefined ? smsProviderFromEnv() : options.provider;
  const draft = { channel: "SMS" as const, to, userId, subject: null, text: message.text, html: null };
  const record = await enqueueMessage(
    draft,
    { agencyId: options.agencyId },
    client,
    provider ? { lockedUntil: new Date(Date.now() + SEND_LEASE_MS), attempts: 1 } : {},
  );
  if (!provider) return record;
  const row = await client.outboxMessage.findUniqueOrThrow({ where: { id: record.id }, select: { text: true, secrets: true } });
  try {
    const { id: providerId } = await provider.send({ sender: options.sender ?? smsSender(), to, text: revealText(row.text, row.secrets) });
    await markSent(client, record.id, providerId);
    return { ...record, status: "SENT", providerId };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`[messaging] outbox ${record.id} failed: ${reason}`);
    await client.outboxMessage.update({
      where: { id: record.id },
      data: { status: "FAILED", error: reason.slice(0, 1000), lockedUntil: null },
    });
    throw new MessageDeliveryError("sms", record.id, error);
  }
}

/**
 * Sends an SMS now (or keeps it in the outbox when no provider is configured).
 * Throws a MessageDeliveryError when the provider fails.
 */
export async function sendSms(message: SmsMessage, options?: SendSmsOptions): Promise<void> {
  await deliverSms(message, options);
}

// SMS: Brevo's transactional SMS API when BREVO_API_KEY is set, otherwise the outbox only.
import "server-only";
import type { OutgoingSms, SmsMessage, SmsProvider } from "./types";
import { joinUrl, postJson, ProviderError } from "./http";
import { normalizePhone } from "./phone";
import { recordAndSend, userIdForPhone, type OutboxClient, type OutboxRecord } from "./outbox";

export const DEFAULT_SMS_SENDER = "CoopEmploi";
export const BREVO_DEFAULT_API_URL = "https://api.brevo.com/v3";

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
  return value.replace(/[^A-Za-z0-9 ]/g, "").slice(0, 11).trim() || DEFAULT_SMS_SENDER;
}

export type SendSmsOptions = {
  /** undefined: from the environment; null: keep in the outbox. */
  provider?: SmsProvider | null;
  sender?: string;
  client?: OutboxClient;
};

/** Records the SMS in the outbox and sends it when a provider is configured. */
export async function deliverSms(message: SmsMessage, options: SendSmsOptions = {}): Promise<OutboxRecord> {
  const to = normalizePhone(message.to);
  if (!to) throw new Error(`Invalid phone number: ${JSON.stringify(message.to)}`);
  const userId = message.userId ?? (await userIdForPhone(to, options.client));
  const provider = options.provider === undefined ? smsProviderFromEnv() : options.provider;
  const outgoing: OutgoingSms = { sender: options.sender ?? smsSender(), to, text: message.text };
  const send = provider ? () => provider.send(outgoing) : null;
  return recordAndSend({ channel: "SMS", to, userId, subject: null, text: message.text, html: null }, send, options.client);
}

/**
 * Sends an SMS (or keeps it in the outbox when no provider is configured).
 * Throws a MessageDeliveryError when the provider fails.
 */
export async function sendSms(message: SmsMessage, options?: SendSmsOptions): Promise<void> {
  await deliverSms(message, options);
}

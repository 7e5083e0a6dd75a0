// The mail and SMS providers against a local fake of Resend and Brevo, the
// templates, phone numbers and dates. No database here: see messaging-outbox.test.ts.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { brevoProvider, smsProviderFromEnv, smsSender, DEFAULT_SMS_SENDER } from "@/lib/messaging/sms";
import { resendProvider, emailProviderFromEnv, mailFrom, DEFAULT_MAIL_FROM } from "@/lib/messaging/email";
import { ProviderError } from "@/lib/messaging/http";
import { normalizePhone } from "@/lib/messaging/phone";
import { formatParisDateTime } from "@/lib/messaging/format";
import {
  emailConfirmation,
  escapeHtml,
  formatDuration,
  invitation,
  notification,
  passwordReset,
  signatureCode,
  signupAttemptOnExistingAccount,
} from "@/lib/messaging/templates";
import { startFakeProviders, type FakeProviders } from "./messaging-fake-providers";

let fake: FakeProviders;

beforeAll(async () => {
  fake = await startFakeProviders();
});
afterEach(() => fake.reset());
afterAll(async () => {
  await fake.close();
});

const email = {
  from: "Coop Emploi <no-reply@coop-emploi.fr>",
  to: "marie.dupont@example.fr",
  subject: "Réinitialisation de votre mot de passe",
  text: "Bonjour Marie,\n\nLien : https://espace.example/r?t=abc",
  html: "<p>Bonjour Marie,</p>",
};

/** A template's text with its secret marks removed, as the provider gets it. */
function unmarked(text: string): string {
  return text.replace(/\[\[secret:([^\]\s]*)\]\]/g, "$1");
}

describe("Resend provider", () => {
  it("posts the email to {base}/emails with the bearer key and answers the Resend id", async () => {
    const provider = resendProvider({ apiKey: "re_test_123", baseUrl: fake.baseUrl });
    const result = await provider.send(email);

    expect(result).toEqual({ id: "re_fake_1" });
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/emails");
    expect(request.headers.authorization).toBe("Bearer re_test_123");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers.accept).toBe("application/json");
    expect(request.json).toEqual({ from: email.from, to: email.to, subject: email.subject, html: email.html, text: email.text });
  });

  it("goes through Resend's SDK: its User-Agent, and the Idempotency-Key header when the message has one", async () => {
    const provider = resendProvider({ apiKey: "re_test_123", baseUrl: fake.baseUrl });
    await provider.send({ ...email, idempotencyKey: "outbox-row-1" });
    await provider.send({ ...email, idempotencyKey: "outbox-row-1" });
    await provider.send(email);
    expect(fake.requests).toHaveLength(3);
    expect(fake.requests[0].headers["user-agent"]).toMatch(/^resend-node:\d+\.\d+\.\d+/);
    expect(fake.requests.map((r) => r.headers["idempotency-key"])).toEqual(["outbox-row-1", "outbox-row-1", undefined]);
  });

  it("the SDK reads RESEND_BASE_URL when no base URL is given", async () => {
    vi.stubEnv("RESEND_BASE_URL", fake.baseUrl);
    try {
      const provider = resendProvider({ apiKey: "re_test_123" });
      expect(await provider.send(email)).toEqual({ id: "re_fake_1" });
      expect(fake.requests[0].path).toBe("/emails");
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("turns a 4xx answer into an error with the status and the body", async () => {
    fake.failNext({ status: 422, body: JSON.stringify({ statusCode: 422, name: "validation_error", message: "Invalid `to` field." }) });
    const provider = resendProvider({ apiKey: "re_test_123", baseUrl: fake.baseUrl });
    const error = await provider.send(email).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).status).toBe(422);
    expect((error as Error).message).toContain("Resend answered 422");
    expect((error as Error).message).toContain("Invalid `to` field.");
    expect((error as Error).message).not.toContain("re_test_123");
  });

  it("turns a 5xx answer with an HTML body into an error", async () => {
    fake.failNext({ status: 502, body: "<html>\n<h1>502 Bad Gateway</h1>\n</html>", contentType: "text/html" });
    const provider = resendProvider({ apiKey: "re_test_123", baseUrl: fake.baseUrl });
    await expect(provider.send(email)).rejects.toThrow("Resend answered 502: <html> <h1>502 Bad Gateway</h1> </html>");
  });

  it("fails when a 2xx answer carries no id", async () => {
    fake.failNext({ status: 200, body: "{}" });
    const provider = resendProvider({ apiKey: "k", baseUrl: fake.baseUrl });
    await expect(provider.send(email)).rejects.toThrow("without an email id");
  });

  it("gives up after the timeout", async () => {
    fake.failNext("hang");
    const provider = resendProvider({ apiKey: "k", baseUrl: fake.baseUrl, timeoutMs: 200 });
    await expect(provider.send(email)).rejects.toThrow("Resend: no answer within 200 ms");
  });

  it("reports a refused connection", async () => {
    const provider = resendProvider({ apiKey: "k", baseUrl: "http://127.0.0.1:1", timeoutMs: 2000 });
    await expect(provider.send(email)).rejects.toThrow(/Resend: request failed/);
  });

  it("is configured from RESEND_API_KEY, RESEND_BASE_URL and MAIL_FROM", async () => {
    expect(emailProviderFromEnv({})).toBeNull();
    expect(emailProviderFromEnv({ RESEND_API_KEY: "  " })).toBeNull();
    expect(mailFrom({})).toBe(DEFAULT_MAIL_FROM);
    expect(mailFrom({ MAIL_FROM: "Agence <agence@example.fr>" })).toBe("Agence <agence@example.fr>");

    const provider = emailProviderFromEnv({ RESEND_API_KEY: "re_env", RESEND_BASE_URL: `${fake.baseUrl}/` });
    expect(provider?.name).toBe("resend");
    await provider!.send(email);
    expect(fake.requests[0].path).toBe("/emails");
    expect(fake.requests[0].headers.authorization).toBe("Bearer re_env");
  });
});

describe("Brevo SMS provider", () => {
  // Providers receive the text with its secrets filled back (the outbox does it).
  const sms = { sender: "CoopEmploi", to: "+33612345678", text: unmarked(signatureCode({ code: "123456" })) };

  it("posts to {base}/transactionalSMS/sms with the api-key header and a recipient without +", async () => {
    const provider = brevoProvider({ apiKey: "xkeysib-test", baseUrl: `${fake.baseUrl}/v3` });
    const result = await provider.send(sms);

    expect(result).toEqual({ id: "1001" });
    const [request] = fake.requests;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/v3/transactionalSMS/sms");
    expect(request.headers["api-key"]).toBe("xkeysib-test");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers.authorization).toBeUndefined();
    expect(request.json).toEqual({
      sender: "CoopEmploi",
      recipient: "33612345678",
      content: "Coop Emploi : votre code de signature est 123456. Il expire dans 10 minutes. Ne le communiquez à personne.",
      type: "transactional",
    });
  });

  it("turns a 4xx answer into an error with the status and the body", async () => {
    fake.failNext({ status: 400, body: JSON.stringify({ code: "invalid_parameter", message: "Invalid phone number" }) });
    const provider = brevoProvider({ apiKey: "xkeysib-test", baseUrl: `${fake.baseUrl}/v3` });
    const error = await provider.send(sms).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).status).toBe(400);
    expect((error as Error).message).toBe('Brevo answered 400: {"code":"invalid_parameter","message":"Invalid phone number"}');
  });

  it("turns a 5xx answer into an error and cuts a long body", async () => {
    fake.failNext({ status: 503, body: "x".repeat(2000), contentType: "text/plain" });
    const provider = brevoProvider({ apiKey: "k", baseUrl: `${fake.baseUrl}/v3` });
    const error = (await provider.send(sms).catch((e: unknown) => e)) as Error;
    expect(error.message.startsWith("Brevo answered 503: xxx")).toBe(true);
    expect(error.message.length).toBeLessThan(400);
  });

  it("gives up after the timeout", async () => {
    fake.failNext("hang");
    const provider = brevoProvider({ apiKey: "k", baseUrl: `${fake.baseUrl}/v3`, timeoutMs: 200 });
    await expect(provider.send(sms)).rejects.toThrow("Brevo: no answer within 200 ms");
  });

  it("is configured from BREVO_API_KEY and BREVO_API_URL; the sender from SMS_SENDER", async () => {
    expect(smsProviderFromEnv({})).toBeNull();
    const provider = smsProviderFromEnv({ BREVO_API_KEY: "xkeysib-env", BREVO_API_URL: `${fake.baseUrl}/v3` });
    await provider!.send(sms);
    expect(fake.requests[0].path).toBe("/v3/transactionalSMS/sms");
    expect(fake.requests[0].headers["api-key"]).toBe("xkeysib-env");

    expect(smsSender({})).toBe(DEFAULT_SMS_SENDER);
    expect(smsSender({ SMS_SENDER: "Coop Emploi Toulouse" })).toBe("Coop Emploi");
    expect(smsSender({ SMS_SENDER: "Coop-Emploi!" })).toBe("CoopEmploi");
    expect(smsSender({ SMS_SENDER: "33612345678" })).toBe("33612345678");
  });
});

describe("email templates", () => {
  const hostile = `<script>alert("x")</script> & 'Zoé'`;

  it("escape the first name in the HTML and keep it as typed in the text", () => {
    const mail = emailConfirmation({ firstName: hostile, url: "https://espace.example/confirmer?t=a&b=c" });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("Bonjour &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Zoé&#39;,");
    expect(mail.text).toContain(`Bonjour ${hostile},`);
    // The link is escaped in the attribute and shown in full in the text.
    expect(mail.html).toContain('href="https://espace.example/confirmer?t=a&amp;b=c"');
    expect(mail.text).toContain("Confirmer mon adresse e-mail :\nhttps://espace.example/confirmer?t=a&b=c");
  });

  it("share one layout: agency name, footer, French, in HTML and text", () => {
    const mail = passwordReset({ firstName: "Marie", url: "https://espace.example/r?t=1", validMinutes: 60 });
    expect(mail.subject).toBe("Réinitialisation de votre mot de passe");
    expect(mail.html).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
    expect(mail.html).toContain('<meta charset="utf-8">');
    expect(mail.html).toContain("Coop Emploi");
    expect(mail.html).toContain("merci de ne pas y répondre");
    expect(mail.text).toContain("Ce lien est valable 1 heure et ne peut servir qu'une seule fois.");
    expect(mail.text).toContain("-- \nCoop Emploi – votre espace intérimaire\n");
    expect(mail.text.startsWith("Bonjour Marie,\n\n")).toBe(true);
  });

  it("cover invitation and sign-up on an existing account", () => {
    const invite = invitation({ firstName: "Paul", url: "https://espace.example/i?t=2", validMinutes: 7 * 24 * 60 });
    expect(invite.text).toContain("Activer mon espace :\nhttps://espace.example/i?t=2");
    expect(invite.text).toContain("Ce lien est valable 7 jours.");

    const again = signupAttemptOnExistingAccount({
      firstName: "Paul",
      loginUrl: "https://e.example/connexion",
      resetUrl: "https://e.example/mot-de-passe-oublie",
    });
    expect(again.text).toContain("Me connecter :\nhttps://e.example/connexion");
    expect(again.html).toContain('href="https://e.example/mot-de-passe-oublie"');
  });

  it("build a generic notification with an optional button", () => {
    const withCta = notification({
      title: "Votre acompte a été refusé",
      firstName: "Marie",
      paragraphs: ["Motif : <b>heures non validées</b>", "Ligne 1\nLigne 2"],
      ctaLabel: "Voir mes demandes d'acompte",
      ctaUrl: "https://espace.example/acomptes",
      preferencesHint: true,
    });
    expect(withCta.subject).toBe("Votre acompte a été refusé");
    expect(withCta.html).toContain("Motif : &lt;b&gt;heures non validées&lt;/b&gt;");
    expect(withCta.html).toContain("Ligne 1<br>Ligne 2");
    expect(withCta.html).toContain("Voir mes demandes d&#39;acompte");
    expect(withCta.text).toContain("Motif : <b>heures non validées</b>");
    expect(withCta.text).toContain("Paramètres");

    const plain = notification({ title: "Nouveau bulletin", subject: "Votre bulletin de salaire est disponible", paragraphs: ["Texte."] });
    expect(plain.subject).toBe("Votre bulletin de salaire est disponible");
    expect(plain.html).not.toContain("<a ");
    expect(plain.text).not.toContain("Bonjour");
  });

  it("refuse links that are not http(s)", () => {
    expect(() => notification({ title: "t", paragraphs: [], ctaLabel: "x", ctaUrl: "javascript:alert(1)" })).toThrow();
    expect(() => emailConfirmation({ firstName: "a", url: "/relative" })).toThrow();
  });

  it("escape all five HTML characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  it("say durations in French", () => {
    expect(formatDuration(10)).toBe("10 minutes");
    expect(formatDuration(1)).toBe("1 minute");
    expect(formatDuration(60)).toBe("1 heure");
    expect(formatDuration(90)).toBe("90 minutes");
    expect(formatDuration(48 * 60)).toBe("2 jours");
  });
});

describe("signature code SMS", () => {
  it("is the agreed text", () => {
    expect(unmarked(signatureCode({ code: "123456" }))).toBe(
      "Coop Emploi : votre code de signature est 123456. Il expire dans 10 minutes. Ne le communiquez à personne.",
    );
    // The code itself is marked as the message's secret.
    expect(signatureCode({ code: "123456" })).toContain("[[secret:123456]]");
    expect(signatureCode({ code: "654321", validMinutes: 5 })).toContain("Il expire dans 5 minutes.");
  });
});

describe("normalizePhone", () => {
  it.each([
    ["+33612345678", "+33612345678"],
    ["0612345678", "+33612345678"],
    ["06 12 34 56 78", "+33612345678"],
    ["06.12.34.56.78", "+33612345678"],
    ["06-12-34-56-78", "+33612345678"],
    ["0033 6 12 34 56 78", "+33612345678"],
    ["+33 (0)6 12 34 56 78", "+33612345678"],
    ["+33 06 12 34 56 78", "+33612345678"],
    ["33612345678", "+33612345678"],
    ["05 61 00 00 00", "+33561000000"],
    ["+44 7911 123456", "+447911123456"],
  ])("%s -> %s", (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each(["", "abc", "061234567", "06123456789", "+33 6 12", "marie@example.fr", "+0612345678"])("rejects %j", (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});

describe("formatParisDateTime", () => {
  it("shows Paris time in winter and summer", () => {
    expect(formatParisDateTime(new Date("2026-11-26T13:05:00Z"))).toBe("26/11/2026 à 14:05");
    expect(formatParisDateTime(new Date("2026-07-01T22:30:00Z"))).toBe("02/07/2026 à 00:30");
  });
});

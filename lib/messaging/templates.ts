// French email and SMS texts. Each email comes as HTML (inline styles, for
// mail clients) and plain text, in one shared layout. Everything that comes
// from outside (names, titles, paragraphs, URLs) is escaped in the HTML.
import type { EmailContent } from "./types";
import { markSecret, markUrlToken } from "./secrets";

const AGENCY_NAME = "Coop Emploi";

const BRAND = "#18736b";
const BRAND_DARK = "#135c56";
const FONT = "Arial, Helvetica, sans-serif";

export function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** Only http(s) links go into emails: never javascript: or data: URLs. */
function assertHttpUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`Not an absolute URL: ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw new Error(`Not an http(s) URL: ${JSON.stringify(url)}`);
  return url;
}

/** "10 minutes", "1 heure", "2 jours". */
export function formatDuration(minutes: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? "s" : ""}`;
  if (minutes >= 1440 && minutes % 1440 === 0) return plural(minutes / 1440, "jour");
  if (minutes >= 60 && minutes % 60 === 0) return plural(minutes / 60, "heure");
  return plural(minutes, "minute");
}

type Cta = { label: string; url: string };

/** The content of one email, before the shared layout is applied. */
type EmailLayoutInput = {
  subject: string;
  /** Shown as the heading and in the inbox preview. */
  title: string;
  /** "Bonjour Marie," when given; "Bonjour," when empty; no greeting when undefined. */
  firstName?: string | null;
  paragraphs: string[];
  cta?: Cta;
  /** Other links, after the button: "label : url". */
  links?: Cta[];
  /** Smaller text after the button: validity, "ignore this message if...". */
  notes?: string[];
};

function greeting(firstName: string | null | undefined): string | null {
  if (firstName === undefined) return null;
  const name = (firstName ?? "").trim();
  return name ? `Bonjour ${name},` : "Bonjour,";
}

const FOOTER_LINES = [`${AGENCY_NAME} – votre espace intérimaire`, "Ce message a été envoyé automatiquement, merci de ne pas y répondre."];

function paragraphHtml(text: string, style: string): string {
  return `<p style="${style}">${escapeHtml(text).replace(/\r?\n/g, "<br>")}</p>`;
}

function ctaHtml(cta: Cta): string {
  const href = escapeHtml(cta.url);
  return [
    `<p style="margin:24px 0;"><a href="${href}" style="display:inline-block;background:${BRAND};color:#ffffff;text-decoration:none;font-weight:bold;padding:12px 20px;border-radius:6px;">${escapeHtml(cta.label)}</a></p>`,
    `<p style="margin:0 0 16px;font-size:13px;line-height:1.5;color:#475569;">Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :<br><a href="${href}" style="color:${BRAND_DARK};word-break:break-all;">${href}</a></p>`,
  ].join("\n");
}

function linkHtml(link: Cta): string {
  const href = escapeHtml(link.url);
  return `<p style="margin:0 0 16px;">${escapeHtml(link.label)} : <a href="${href}" style="color:${BRAND_DARK};word-break:break-all;">${href}</a></p>`;
}

type Links = { cta: Cta | undefined; links: Cta[] };

function checkedLinks(input: EmailLayoutInput): Links {
  const check = (link: Cta) => ({ label: link.label, url: assertHttpUrl(link.url) });
  return { cta: input.cta ? check(input.cta) : undefined, links: (input.links ?? []).map(check) };
}

function renderHtml(input: EmailLayoutInput, { cta, links }: Links): string {
  const hello = greeting(input.firstName);
  const body = [
    `<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3;color:#0f172a;">${escapeHtml(input.title)}</h1>`,
    hello ? paragraphHtml(hello, "margin:0 0 16px;") : "",
    ...input.paragraphs.map((p) => paragraphHtml(p, "margin:0 0 16px;")),
    cta ? ctaHtml(cta) : "",
    ...links.map(linkHtml),
    ...(input.notes ?? []).map((n) => paragraphHtml(n, "margin:0 0 12px;font-size:14px;color:#475569;")),
  ]
    .filter(Boolean)
    .join("\n");
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f1f5f9;">
<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(input.title)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f1f5f9;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;">
<tr><td style="background:${BRAND};color:#ffffff;padding:16px 24px;font-family:${FONT};font-size:18px;font-weight:bold;border-radius:8px 8px 0 0;">${AGENCY_NAME}</td></tr>
<tr><td style="padding:24px;font-family:${FONT};font-size:16px;line-height:1.5;color:#0f172a;">
${body}
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #e2e8f0;font-family:${FONT};font-size:12px;line-height:1.5;color:#64748b;">${FOOTER_LINES.map(escapeHtml).join("<br>")}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

function renderText(input: EmailLayoutInput, { cta, links }: Links): string {
  const hello = greeting(input.firstName);
  const blocks = [
    hello,
    ...input.paragraphs,
    cta ? `${cta.label} :\n${cta.url}` : null,
    ...links.map((link) => `${link.label} :\n${link.url}`),
    ...(input.notes ?? []),
    `-- \n${FOOTER_LINES.join("\n")}`,
  ];
  return `${blocks.filter((b): b is string => Boolean(b)).join("\n\n")}\n`;
}

/** Applies the shared layout: the subject, the HTML and the plain text of one email. */
function renderEmail(input: EmailLayoutInput): EmailContent {
  const links = checkedLinks(input);
  return { subject: input.subject, html: renderHtml(input, links), text: renderText(input, links) };
}

// ---------------------------------------------------------------------------
// Account emails
// ---------------------------------------------------------------------------

export function emailConfirmation(input: { firstName: string; url: string; validMinutes?: number }): EmailContent {
  return renderEmail({
    subject: "Confirmez votre adresse e-mail",
    title: "Bienvenue dans votre espace intérimaire",
    firstName: input.firstName,
    paragraphs: [
      `Votre compte ${AGENCY_NAME} est presque prêt. Pour l'activer, confirmez votre adresse e-mail : vous pourrez ensuite vous connecter.`,
    ],
    cta: { label: "Confirmer mon adresse e-mail", url: markUrlToken(input.url) },
    notes: [
      input.validMinutes ? `Ce lien est valable ${formatDuration(input.validMinutes)}.` : "",
      `Si vous n'avez pas créé de compte sur l'espace intérimaire ${AGENCY_NAME}, ignorez simplement ce message.`,
    ].filter(Boolean),
  });
}

export function passwordReset(input: { firstName: string; url: string; validMinutes: number }): EmailContent {
  return renderEmail({
    subject: "Réinitialisation de votre mot de passe",
    title: "Choisissez un nouveau mot de passe",
    firstName: input.firstName,
    paragraphs: [`Vous avez demandé à réinitialiser le mot de passe de votre espace ${AGENCY_NAME}.`],
    cta: { label: "Choisir un nouveau mot de passe", url: markUrlToken(input.url) },
    notes: [
      `Ce lien est valable ${formatDuration(input.validMinutes)} et ne peut servir qu'une seule fois.`,
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.",
    ],
  });
}

export function invitation(input: { firstName: string; url: string; validMinutes?: number }): EmailContent {
  return renderEmail({
    subject: `Votre accès à l'espace en ligne ${AGENCY_NAME}`,
    title: "Votre espace en ligne vous attend",
    firstName: input.firstName,
    paragraphs: [
      `Votre agence ${AGENCY_NAME} vous a ouvert un accès à son espace en ligne.`,
      "Pour l'activer, choisissez votre mot de passe : votre identifiant est l'adresse e-mail à laquelle vous recevez ce message.",
    ],
    cta: { label: "Activer mon espace", url: markUrlToken(input.url) },
    notes: [
      input.validMinutes ? `Ce lien est valable ${formatDuration(input.validMinutes)}.` : "",
      "Si vous ne vous attendiez pas à cette invitation, ignorez ce message.",
    ].filter(Boolean),
  });
}

/**
 * Someone tried to sign up with an address that already has an account: its
 * owner is told by email, so the sign-up form never reveals who is registered.
 */
export function signupAttemptOnExistingAccount(input: { firstName: string; loginUrl: string; resetUrl: string }): EmailContent {
  return renderEmail({
    subject: "Vous avez déjà un compte",
    title: "Vous avez déjà un compte",
    firstName: input.firstName,
    paragraphs: [
      `Quelqu'un (sans doute vous) a demandé à créer un compte sur l'espace intérimaire ${AGENCY_NAME} avec cette adresse e-mail. Un compte existe déjà pour cette adresse : il suffit de vous connecter.`,
    ],
    cta: { label: "Me connecter", url: input.loginUrl },
    links: [{ label: "Mot de passe oublié ? Choisissez-en un nouveau", url: input.resetUrl }],
    notes: ["Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre compte n'a pas été modifié."],
  });
}

// ---------------------------------------------------------------------------
// Notifications (new contract, advance accepted / paid / refused, payslip, ...)
// ---------------------------------------------------------------------------

export type NotificationInput = {
  title: string;
  paragraphs: string[];
  ctaLabel?: string;
  ctaUrl?: string;
  /** Defaults to the title. */
  subject?: string;
  firstName?: string | null;
  /** Adds a line saying the email can be turned off in Paramètres (for the optional notifications). */
  preferencesHint?: boolean;
};

export function notification(input: NotificationInput): EmailContent {
  const cta = input.ctaLabel && input.ctaUrl ? { label: input.ctaLabel, url: input.ctaUrl } : undefined;
  return renderEmail({
    subject: input.subject ?? input.title,
    title: input.title,
    firstName: input.firstName,
    paragraphs: input.paragraphs,
    cta,
    notes: input.preferencesHint
      ? ["Vous recevez cet e-mail car cette notification est activée dans Mon espace > Paramètres, où vous pouvez la désactiver."]
      : [],
  });
}

// ---------------------------------------------------------------------------
// SMS
// ---------------------------------------------------------------------------

/** The one-time code sent to sign a contract. */
export function signatureCode(input: { code: string; validMinutes?: number }): string {
  const validity = formatDuration(input.validMinutes ?? 10);
  return `${AGENCY_NAME} : votre code de signature est ${markSecret(input.code)}. Il expire dans ${validity}. Ne le communiquez à personne.`;
}

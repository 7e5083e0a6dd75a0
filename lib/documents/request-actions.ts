"use server";
// A worker asks the agency for a new ASSEDIC attestation or work certificate:
// a DocumentRequest row for staff and an email to the agency's front desk,
// replacing the email the guide asks the worker to write.
import { db } from "@/lib/db";
import { requireWorker } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit";
import { hitRateLimit } from "@/lib/rate-limit";
import { sendEmail, notification } from "@/lib/messaging";
import { wakeOutboxWorker } from "@/lib/messaging/worker";
import { absoluteUrl } from "@/lib/url";
import { formatDate } from "@/lib/format";
import { CONTROL_CHAR_MESSAGE, hasControlChars, type FormState } from "@/lib/forms";
import { now } from "@/lib/clock";
import { KIND_LABELS } from "./rules";

const REQUESTABLE = ["ASSEDIC_CERTIFICATE", "WORK_CERTIFICATE"] as const;
type RequestableKind = (typeof REQUESTABLE)[number];

export async function requestNewDocument(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireWorker();
  const kind = String(formData.get("kind") ?? "") as RequestableKind;
  if (!REQUESTABLE.includes(kind)) return { error: "Type de document inconnu." };
  const rawMessage = String(formData.get("message") ?? "");
  if (hasControlChars(rawMessage, true)) return { error: "Veuillez corriger les champs signalés.", fieldErrors: { message: CONTROL_CHAR_MESSAGE } };
  const message = rawMessage.trim().slice(0, 1000) || null;
  const label = KIND_LABELS[kind];

  const open = await db.documentRequest.findFirst({ where: { workerId: user.workerId, kind, status: "OPEN" }, orderBy: { createdAt: "desc" } });
  if (open) return { ok: true, message: `Votre demande du ${formatDate(open.createdAt)} est en cours de traitement par l'agence : inutile de la renouveler.` };

  // Two tabs or a double click: only one request per kind and minute; at most 5 a day.
  const burst = await hitRateLimit(`document-request:${user.workerId}:${kind}`, 1, 60);
  const daily = await hitRateLimit(`document-request-day:${user.workerId}`, 5, 86_400);
  if (!burst.allowed) return { ok: true, message: "Votre demande a bien été envoyée à l'agence." };
  if (!daily.allowed) return { error: "Vous avez fait trop de demandes aujourd'hui. Réessayez demain ou contactez votre agence." };

  const worker = await db.workerProfile.findUniqueOrThrow({
    where: { id: user.workerId },
    select: { agencies: { select: { workerNumber: true, agency: { select: { id: true, name: true, frontDeskEmail: true, email: true } } } } },
  });
  const numbers = worker.agencies.map((a) => `n° ${a.workerNumber} (${a.agency.name})`).join(", ");
  const link = await absoluteUrl("/admin/documents");
  // One message per agency's front desk, readable by that agency's staff only.
  const recipients = new Map<string, string>();
  for (const a of worker.agencies) {
    const address = a.agency.frontDeskEmail ?? a.agency.email;
    if (address && !recipients.has(address)) recipients.set(address, a.agency.id);
  }
  const createdAt = await now();
  // The request, its audit entry and the front desks' emails in one transaction.
  await db.$transaction(async (tx) => {
    const created = await tx.documentRequest.create({ data: { workerId: user.workerId, kind, message, createdAt } });
    await recordAudit({ action: "document.requested", actorId: user.id, subjectUserId: user.id, entityType: "DocumentRequest", entityId: created.id, details: { kind } }, tx);
    for (const [to, agencyId] of recipients) {
      await sendEmail(
        {
          to,
          ...notification({
            subject: `Demande ${kind === "ASSEDIC_CERTIFICATE" ? "d'attestation Assedic" : "de certificat de travail"} – ${user.firstName} ${user.lastName}`,
            title: `Nouvelle demande : ${label.title}`,
            paragraphs: [
              `${user.firstName} ${user.lastName} (${user.email}, ${numbers}) demande ${label.newOne} depuis son espace en ligne.`,
              ...(message ? [`Son message : « ${message} »`] : []),
              "Publiez le document depuis l'espace agence, rubrique Documents : l'intérimaire en sera prévenu par email.",
            ],
            ctaLabel: "Ouvrir les documents",
            ctaUrl: link,
          }),
        },
        { client: tx, agencyId, dedupeKey: `document-request:${created.id}:${agencyId}` },
      );
    }
  });
  if (recipients.size) wakeOutboxWorker();
  return { ok: true, message: "Votre demande a bien été envoyée à l'agence. Vous serez prévenu par email dès que le document sera disponible." };
}

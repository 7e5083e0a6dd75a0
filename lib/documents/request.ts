// A worker asks the agency for a new ASSEDIC attestation or work certificate:
// a DocumentRequest row for staff and an email to the agency's front desk,
// replacing the email the guide asks the worker to write.
import "server-only";
import { db } from "@/lib/db";
import type { WorkerUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit";
import { sendEmail, notification } from "@/lib/messaging";
import { wakeOutboxWorker } from "@/lib/messaging/worker";
import { absoluteUrl } from "@/lib/url";
import { formatDate } from "@/lib/format";
import { CONTROL_CHAR_MESSAGE, FIX_FIELDS, hasControlChars } from "@/lib/forms";
import { claimSubmission, firstSubmission, isUniqueViolation, recordSubmission } from "@/lib/submissions";
import { KIND_LABELS } from "./rules";
import { fail, ok, type Result } from "@/lib/result";

export const REQUESTABLE = ["ASSEDIC_CERTIFICATE", "WORK_CERTIFICATE"] as const;
export type RequestableKind = (typeof REQUESTABLE)[number];

const SENT = "Votre demande a bien été envoyée à l'agence. Vous serez prévenu par e-mail dès que le document sera disponible.";
const DAILY_LIMIT = 5;

class TooMany extends Error {}

const openKeyOf = (workerId: string, kind: RequestableKind) => `${workerId}:${kind}`;

function answerForOpen(open: { createdAt: Date }): Result {
  return ok(`Votre demande du ${formatDate(open.createdAt)} est en cours de traitement par l'agence : inutile de la renouveler.`);
}

/**
 * One open request per worker and kind, held by a unique key: parallel or
 * repeated posts make one row, one audit entry and one email per agency. The
 * same form posted again (`submission`, lib/submissions.ts: a double click)
 * gets the same answer as the first; a new click while the request is open is
 * told it is in progress. At most 5 requests in 24 hours, counted in the
 * creating transaction so that twins waiting on the keys are not counted.
 */
export async function requestDocument(
  user: Pick<WorkerUser, "id" | "workerId" | "firstName" | "lastName" | "email">,
  input: { kind: string; message: string },
  at: Date,
  submission: string | null = null,
): Promise<Result> {
  const kind = input.kind as RequestableKind;
  if (!REQUESTABLE.includes(kind)) return fail("Type de document inconnu.");
  if (hasControlChars(input.message, true)) return fail(FIX_FIELDS, { message: CONTROL_CHAR_MESSAGE });
  const message = input.message.trim().slice(0, 1000) || null;
  const openKey = openKeyOf(user.workerId, kind);
  const findOpen = () =>
    db.documentRequest.findFirst({ where: { workerId: user.workerId, kind, status: "OPEN" }, orderBy: { createdAt: "desc" } });

  if (await firstSubmission(submission)) return ok(SENT);
  const open = await findOpen();
  if (open) return answerForOpen(open);

  const worker = await db.workerProfile.findUniqueOrThrow({
    where: { id: user.workerId },
    select: {
      agencies: { select: { workerNumber: true, agency: { select: { id: true, name: true, frontDeskEmail: true, email: true } } } },
    },
  });
  const label = KIND_LABELS[kind];
  const numbers = worker.agencies.map((a) => `n° ${a.workerNumber} (${a.agency.name})`).join(", ");
  const link = await absoluteUrl("/admin/documents");
  // One message per agency's front desk, readable by that agency's staff only.
  const recipients = new Map<string, string>();
  for (const a of worker.agencies) {
    const address = a.agency.frontDeskEmail ?? a.agency.email;
    if (address && !recipients.has(address)) recipients.set(address, a.agency.id);
  }
  try {
    await db.$transaction(async (tx) => {
      await claimSubmission(tx, submission);
      const row = await tx.documentRequest.create({ data: { workerId: user.workerId, kind, message, openKey, createdAt: at } });
      const recent = await tx.documentRequest.count({
        where: { workerId: user.workerId, createdAt: { gt: new Date(at.getTime() - 86_400_000) } },
      });
      if (recent > DAILY_LIMIT) throw new TooMany();
      await recordAudit(
        tx,
        { type: "document.requested", data: { kind } },
        { actorId: user.id, subjectUserId: user.id, entityType: "DocumentRequest", entityId: row.id },
      );
      await recordSubmission(tx, submission, row.id);
      // The front desks' emails commit with the request and its audit entry.
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
                "Publiez le document depuis l'espace agence, rubrique Documents : l'intérimaire en sera prévenu par e-mail.",
              ],
              ctaLabel: "Ouvrir les documents",
              ctaUrl: link,
            }),
          },
          { client: tx, agencyId, dedupeKey: `document-request:${row.id}:${agencyId}` },
        );
      }
      return row;
    });
  } catch (error) {
    if (error instanceof TooMany) return fail("Vous avez fait trop de demandes aujourd'hui. Réessayez demain ou contactez votre agence.");
    if (!isUniqueViolation(error)) throw error;
    // The same form posted twice (double click), or another tab, created it a moment before.
    if (await firstSubmission(submission)) return ok(SENT);
    const twin = await findOpen();
    if (twin) return answerForOpen(twin);
    throw error;
  }

  if (recipients.size) wakeOutboxWorker();
  return ok(SENT);
}

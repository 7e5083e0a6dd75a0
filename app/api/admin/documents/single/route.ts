// Publish one document for a worker (kind, period, file), then email them if
// their preference allows. Answers field errors in French.
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { isWorkerDocumentKind, MAX_DOCUMENT_BYTES } from "@/lib/documents/rules";
import { publishDocument, workersByNumber } from "@/lib/documents/publish";
import { guardStaff, json } from "@/lib/auth/route";
import { submissionKey } from "@/lib/submissions";
import { parseIsoDate, parseIsoMonth } from "@/lib/time/dates";

const pad = (n: number) => String(n).padStart(2, "0");

const parseDay = (value: string): Date | null => parseIsoDate(value);

export async function POST(request: Request) {
  const staff = await guardStaff(request);
  if (staff instanceof Response) return staff;
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_DOCUMENT_BYTES + 64 * 1024) return json({ fieldErrors: { file: "Fichier trop volumineux (10 Mo au plus)." } }, 413);
  const form = await request.formData().catch(() => null);
  if (!form) return json({ error: "Requête invalide." }, 400);
  const field = (name: string) => String(form.get(name) ?? "").trim();
  const errors: Record<string, string> = {};

  const agencyId = field("agencyId");
  if (!staff.agencyIds.includes(agencyId)) errors.agencyId = "Choisissez une de vos agences.";
  const kind = field("kind");
  if (!isWorkerDocumentKind(kind)) errors.kind = "Choisissez le type de document.";
  const workerNumber = field("workerNumber");
  if (!workerNumber) errors.workerNumber = "Indiquez le n° de l'intérimaire.";

  let periodStart: Date | null = null;
  let periodEnd: Date | null = null;
  let number: string | null = null;
  if (kind === "PAYSLIP") {
    const m = parseIsoMonth(field("month")) && /^(\d{4})-(\d{2})$/.exec(field("month"));
    if (!m) errors.month = "Indiquez le mois du bulletin.";
    else {
      periodStart = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
      periodEnd = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0));
      number = `${workerNumber}_${periodEnd.getUTCFullYear()}${pad(periodEnd.getUTCMonth() + 1)}${pad(periodEnd.getUTCDate())}`;
    }
  } else if (kind) {
    periodStart = parseDay(field("periodStart"));
    periodEnd = parseDay(field("periodEnd"));
    if (!periodStart) errors.periodStart = "Indiquez la date de début de la période.";
    if (!periodEnd) errors.periodEnd = "Indiquez la date de fin de la période.";
    if (periodStart && periodEnd && periodEnd < periodStart) errors.periodEnd = "La fin de la période doit suivre son début.";
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) errors.file = "Choisissez le fichier PDF.";
  else if (file.size > MAX_DOCUMENT_BYTES) errors.file = "Fichier trop volumineux (10 Mo au plus).";

  let worker;
  if (!errors.agencyId && workerNumber) {
    worker = (await workersByNumber(agencyId, [workerNumber])).get(workerNumber);
    if (!worker) errors.workerNumber = `Aucun intérimaire n° ${workerNumber} dans cette agence.`;
  }
  if (Object.keys(errors).length || !worker || !isWorkerDocumentKind(kind) || !(file instanceof File)) {
    return json({ error: "Veuillez corriger les champs signalés.", fieldErrors: errors }, 422);
  }

  const result = await publishDocument({
    staff,
    agencyId,
    workerId: worker.workerId,
    kind,
    number,
    periodStart,
    periodEnd,
    source: Readable.fromWeb(file.stream() as unknown as WebReadableStream),
    submission: submissionKey(staff.userId, form),
  });
  if (!result.ok) {
    // Storage down: nothing was published, the form keeps what was typed.
    const code = result.data?.code;
    if (code === "storage_unavailable")
      return json({ error: "Le document n'a pas été publié.", code, fieldErrors: { file: result.message } }, 503);
    const fieldName = code === "duplicate" ? "month" : "file";
    return json({ error: "Veuillez corriger les champs signalés.", fieldErrors: { [fieldName]: result.message } }, 422);
  }
  // The email was queued with the document (one transaction): a provider
  // outage delays it, it never fails the publish.
  return json({
    ok: true,
    message: `Document publié pour ${worker.name} (n° ${worker.workerNumber}).${result.data.emailed ? " Un e-mail l'en a informé." : " Pas d'e-mail : l'intérimaire a désactivé cette notification."}`,
  });
}

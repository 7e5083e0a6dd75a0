// Staff publishing documents for workers: one at a time or a month of
// payslips in bulk. Files are streamed into storage (checked as PDFs on their
// first bytes, size-limited), rows are created with a unique number per
// worker so that a re-run adds no duplicate; each row commits with its audit
// entry and the email about it (one transaction), so workers are emailed once.
import "server-only";
import type { Readable } from "node:stream";
import { db } from "@/lib/db";
import { agencyScope } from "@/lib/auth/scope";
import { recordAudit } from "@/lib/audit";
import { notifyUser, type NotifyOptions } from "@/lib/notifications";
import { wakeOutboxWorker } from "@/lib/messaging/worker";
import { absoluteUrl } from "@/lib/url";
import { getStorage, StorageUnavailableError } from "@/lib/storage";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { formatMonthYear } from "@/lib/format";
import { KIND_LABELS, MAX_DOCUMENT_BYTES, downloadName, parsePayslipFileName, type WorkerDocumentKind } from "./rules";
import { guardedPdf, UploadRejected } from "./streams";
import { claimSubmission, firstSubmission, recordSubmission } from "@/lib/submissions";
import { okWith, type Failure, type Success } from "@/lib/result";

export type StaffContext = { userId: string; agencyIds: string[] };

export type MatchedWorker = { workerId: string; userId: string; name: string; workerNumber: string };

/** Workers of one agency by their numbers in it. */
export async function workersByNumber(agencyId: string, numbers: string[]): Promise<Map<string, MatchedWorker>> {
  const rows = await db.workerAgency.findMany({
    where: { agencyId, workerNumber: { in: [...new Set(numbers)] } },
    select: { workerNumber: true, worker: { select: { id: true, userId: true, user: { select: { firstName: true, lastName: true } } } } },
  });
  return new Map(
    rows.map((r) => [
      r.workerNumber,
      {
        workerId: r.worker.id,
        userId: r.worker.userId,
        name: `${r.worker.user.firstName} ${r.worker.user.lastName}`,
        workerNumber: r.workerNumber,
      },
    ]),
  );
}

export type PreviewItem = { name: string; size?: number; isPdf?: boolean };
export type PreviewRow = {
  name: string;
  ok: boolean;
  reason?: string;
  workerNumber?: string;
  workerName?: string;
  period?: string;
  number?: string;
};

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** What each file of a bulk upload would become, and why not, before anything is published. */
export async function previewPayslips(agencyId: string, items: PreviewItem[]): Promise<PreviewRow[]> {
  const parsed = items.map((item) => ({ item, parsed: parsePayslipFileName(item.name) }));
  const numbers = parsed.flatMap((p) => (p.parsed.ok ? [p.parsed.workerNumber] : []));
  const workers = await workersByNumber(agencyId, numbers);
  const candidates = parsed.flatMap((p) => {
    if (!p.parsed.ok) return [];
    const w = workers.get(p.parsed.workerNumber);
    return w ? [{ workerId: w.workerId, number: p.parsed.number }] : [];
  });
  const existing = candidates.length
    ? await db.document.findMany({
        where: { kind: "PAYSLIP", OR: candidates.map((c) => ({ workerId: c.workerId, number: c.number })) },
        select: { workerId: true, number: true },
      })
    : [];
  const published = new Set(existing.map((e) => `${e.workerId}:${e.number}`));
  const seen = new Set<string>();

  return parsed.map(({ item, parsed: p }): PreviewRow => {
    if (!p.ok) return { name: item.name, ok: false, reason: p.reason };
    const base = { name: item.name, workerNumber: p.workerNumber, period: capitalize(formatMonthYear(p.periodStart)), number: p.number };
    const w = workers.get(p.workerNumber);
    if (!w) return { ...base, ok: false, reason: `Aucun intérimaire n° ${p.workerNumber} dans cette agence` };
    const withName = { ...base, workerName: w.name };
    if (item.isPdf === false) return { ...withName, ok: false, reason: "Ce fichier n'est pas un PDF" };
    if (item.size !== undefined && item.size > MAX_DOCUMENT_BYTES)
      return { ...withName, ok: false, reason: "Fichier trop volumineux (10 Mo au plus)" };
    if (item.size === 0) return { ...withName, ok: false, reason: "Fichier vide" };
    const key = `${w.workerId}:${p.number}`;
    if (published.has(key)) return { ...withName, ok: false, reason: `Bulletin ${p.number} déjà publié` };
    if (seen.has(key)) return { ...withName, ok: false, reason: "Fichier en double dans cet envoi" };
    seen.add(key);
    return { ...withName, ok: true };
  });
}

export type PublishInput = {
  staff: StaffContext;
  agencyId: string;
  workerId: string;
  kind: WorkerDocumentKind;
  number: string | null;
  periodStart: Date | null;
  periodEnd: Date | null;
  source: Readable;
  batch?: string;
  /** The single-publish form's key (lib/submissions.ts): posted twice, it publishes once. */
  submission?: string | null;
};

export type PublishRefusalCode = "duplicate" | "not_pdf" | "too_large" | "empty" | "forbidden" | "storage_unavailable";

/** A publication's answer: the document made, or the French reason with its code (the field and the HTTP status follow from it). */
export type PublishResult = Success<{ documentId: string; workerId: string; emailed: boolean }> | Refusal;

type Refusal = Failure<{ code: PublishRefusalCode }>;

const refusal = (message: string, code: PublishRefusalCode): Refusal => ({ ok: false, message, data: { code } });
type StoredObject = { key: string; size: number; sha256: string };

/** One stored file waiting for its row: what commitPublished writes. */
export type StoredDocument = { stored: StoredObject; number: string | null; periodStart: Date | null; periodEnd: Date | null };

const duplicate = (kind: WorkerDocumentKind, number: string | null): Refusal =>
  refusal(`${KIND_LABELS[kind].title} ${number} déjà publié`, "duplicate");

/** The checks and the upload of one PDF into storage (no row yet). */
export async function storeDocumentFile(input: PublishInput): Promise<Success<{ file: StoredDocument }> | Refusal> {
  if (!input.staff.agencyIds.includes(input.agencyId)) return refusal("Agence hors de votre périmètre", "forbidden");
  const member = await db.workerAgency.findUnique({
    where: { workerId_agencyId: { workerId: input.workerId, agencyId: input.agencyId } },
    select: { id: true },
  });
  if (!member) return refusal("Intérimaire inconnu dans cette agence", "forbidden");
  if (input.number) {
    const taken = await db.document.findFirst({
      where: { workerId: input.workerId, kind: input.kind, number: input.number },
      select: { id: true },
    });
    if (taken) {
      input.source.resume(); // drain what the client sends
      return duplicate(input.kind, input.number);
    }
  }
  try {
    const stored = await getStorage().putObject(guardedPdf(input.source, MAX_DOCUMENT_BYTES), { contentType: "application/pdf" });
    return okWith({ file: { stored, number: input.number, periodStart: input.periodStart, periodEnd: input.periodEnd } });
  } catch (error) {
    if (error instanceof UploadRejected) return refusal(error.message, error.code);
    // The file was not written (lib/storage removed any part of it): no row, no email.
    if (error instanceof StorageUnavailableError) {
      input.source.unpipe();
      input.source.resume(); // drain what the client still sends
      return refusal(error.message, "storage_unavailable");
    }
    throw error;
  }
}

export type CommitInput = {
  staff: StaffContext;
  agencyId: string;
  workerId: string;
  kind: WorkerDocumentKind;
  files: StoredDocument[];
  batch?: string;
  submission?: string | null;
};

/**
 * One transaction for one worker: the rows of the stored files, an audit
 * entry each, and the one email that tells the worker about them (queued in
 * the outbox, keyed by the documents). A crash leaves all of it or none, so a
 * re-run publishes and emails exactly what is missing. A number taken
 * meanwhile (a parallel publish) raises P2002: nothing of this call is kept.
 */
export async function commitPublished(input: CommitInput): Promise<{ documentIds: string[]; emailed: boolean }> {
  return db.$transaction(
    async (tx) => {
      await claimSubmission(tx, input.submission ?? null);
      const docs = [];
      for (const f of input.files) {
        const created = await tx.document.create({
          data: {
            kind: input.kind,
            workerId: input.workerId,
            agencyId: input.agencyId,
            storageKey: f.stored.key,
            fileName: downloadName({
              kind: input.kind,
              periodStart: f.periodStart,
              periodEnd: f.periodEnd,
              createdAt: new Date(),
              number: f.number,
            }),
            mimeType: "application/pdf",
            sizeBytes: f.stored.size,
            sha256: f.stored.sha256,
            number: f.number,
            periodStart: f.periodStart,
            periodEnd: f.periodEnd,
            uploadedById: input.staff.userId,
          },
          select: { id: true, periodStart: true, worker: { select: { userId: true } } },
        });
        await recordAudit(
          tx,
          {
            type: "document.published",
            data: {
              kind: input.kind,
              number: f.number,
              sizeBytes: f.stored.size,
              sha256: f.stored.sha256,
              ...(input.batch ? { batch: input.batch } : {}),
            },
          },
          {
            actorId: input.staff.userId,
            subjectUserId: created.worker?.userId ?? null,
            agencyId: input.agencyId,
            entityType: "Document",
            entityId: created.id,
          },
        );
        docs.push(created);
      }
      if (input.kind !== "PAYSLIP") {
        await tx.documentRequest.updateMany({
          where: { workerId: input.workerId, kind: input.kind, status: "OPEN" },
          data: { status: "DONE", closedAt: new Date(), openKey: null },
        });
      }
      if (docs[0]) await recordSubmission(tx, input.submission ?? null, docs[0].id);
      const userId = docs[0]?.worker?.userId;
      const emailed = userId ? await notifyPublishedIn(tx, userId, input.agencyId, input.kind, docs) : false;
      return { documentIds: docs.map((d) => d.id), emailed };
    },
    { timeout: 30_000, maxWait: 15_000 },
  );
}

/** Stores one PDF, then its row, audit entry and email in one transaction. */
export async function publishDocument(input: PublishInput): Promise<PublishResult> {
  const submission = input.submission ?? null;
  // The same form posted again (a certificate has no number to be unique on): the first one's document.
  const repeated = async (): Promise<PublishResult | null> => {
    const id = await firstSubmission(submission);
    if (!id) return null;
    const emailed = (await db.outboxMessage.count({ where: { dedupeKey: publishedKey([id]) } })) > 0;
    return okWith({ documentId: id, workerId: input.workerId, emailed });
  };
  const earlier = await repeated();
  if (earlier) {
    input.source.resume();
    return earlier;
  }
  const stored = await storeDocumentFile(input);
  if (!stored.ok) return stored;
  try {
    const { documentIds, emailed } = await commitPublished({ ...input, files: [stored.data.file] });
    wakeOutboxWorker();
    return okWith({ documentId: documentIds[0], workerId: input.workerId, emailed });
  } catch (error) {
    await getStorage()
      .deleteObject(stored.data.file.stored.key)
      .catch(() => undefined);
    if (isUniqueViolation(error)) return (await repeated()) ?? duplicate(input.kind, input.number);
    throw error;
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "P2002";
}

const NOTIFICATION_OF: Record<WorkerDocumentKind, NotificationKind> = {
  PAYSLIP: "NEW_PAYSLIP",
  ASSEDIC_CERTIFICATE: "NEW_ASSEDIC_CERTIFICATE",
  WORK_CERTIFICATE: "NEW_WORK_CERTIFICATE",
};

const PUBLISHED_KEY = "document-published:";

const PAGE_OF: Record<WorkerDocumentKind, string> = {
  PAYSLIP: "/bulletins-de-salaire",
  ASSEDIC_CERTIFICATE: "/attestations-assedic",
  WORK_CERTIFICATE: "/certificats-de-travail",
};

/** The dedupe key of the email about these documents. */
export function publishedKey(documentIds: string[]): string {
  return PUBLISHED_KEY + [...documentIds].sort().join(",");
}

/**
 * Queues, in the publishing transaction, one email to the worker about the
 * documents just published (their preference decides). Returns whether it
 * was queued.
 */
async function notifyPublishedIn(
  tx: NonNullable<NotifyOptions["tx"]>,
  userId: string,
  agencyId: string,
  kind: WorkerDocumentKind,
  group: { id: string; periodStart: Date | null }[],
): Promise<boolean> {
  const label = KIND_LABELS[kind];
  const url = await absoluteUrl(PAGE_OF[kind]);
  const months = [...group]
    .sort((a, b) => (a.periodStart?.getTime() ?? 0) - (b.periodStart?.getTime() ?? 0))
    .filter((d) => d.periodStart)
    .map((d) => formatMonthYear(d.periodStart!));
  const title =
    kind === "PAYSLIP"
      ? group.length > 1
        ? "Nouveaux bulletins de salaire"
        : "Nouveau bulletin de salaire"
      : kind === "ASSEDIC_CERTIFICATE"
        ? "Nouvelle attestation ASSEDIC"
        : "Nouveau certificat de travail";
  const what =
    kind === "PAYSLIP"
      ? group.length > 1
        ? `${group.length} nouveaux bulletins de salaire (${months.join(", ")}) sont disponibles`
        : `Votre bulletin de salaire${months[0] ? ` de ${months[0]}` : ""} est disponible`
      : kind === "ASSEDIC_CERTIFICATE"
        ? "Votre nouvelle attestation ASSEDIC est disponible"
        : "Votre nouveau certificat de travail est disponible";
  return notifyUser(
    userId,
    NOTIFICATION_OF[kind],
    {
      title,
      paragraphs: [`${what} sur votre espace en ligne.`, `Retrouvez-le dans la rubrique Documents > ${label.title}.`],
      ctaLabel: "Voir mes documents",
      ctaUrl: url,
    },
    { tx, agencyId, dedupeKey: publishedKey(group.map((d) => d.id)) },
  );
}

/**
 * How many of these documents (of this staff member's agencies) had their
 * email queued when they were published: one email per document or group.
 */
export async function countPublishedEmails(staff: StaffContext, documentIds: string[]): Promise<number> {
  if (documentIds.length === 0) return 0;
  const docs = await db.document.findMany({
    where: { id: { in: documentIds }, ...agencyScope(staff) },
    select: { id: true, worker: { select: { userId: true } } },
  });
  const userIds = [...new Set(docs.flatMap((d) => (d.worker ? [d.worker.userId] : [])))];
  if (!userIds.length) return 0;
  const ids = new Set(docs.map((d) => d.id));
  const rows = await db.outboxMessage.findMany({
    where: { userId: { in: userIds }, dedupeKey: { startsWith: PUBLISHED_KEY } },
    select: { dedupeKey: true },
  });
  return rows.filter((r) =>
    r
      .dedupeKey!.slice(PUBLISHED_KEY.length)
      .split(",")
      .some((id) => ids.has(id)),
  ).length;
}

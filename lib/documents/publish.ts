// Staff publishing documents for workers: one at a time or a month of
// payslips in bulk. Files are streamed into storage (checked as PDFs on their
// first bytes, size-limited), rows are created with a unique number per
// worker so that a re-run adds no duplicate, and workers are emailed once.
import "server-only";
import type { Readable } from "node:stream";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { notifyUser } from "@/lib/notifications";
import { absoluteUrl } from "@/lib/url";
import { getStorage } from "@/lib/storage";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { formatMonthYear } from "@/lib/format";
import { KIND_LABELS, MAX_DOCUMENT_BYTES, downloadName, parsePayslipFileName, type WorkerDocumentKind } from "./rules";
import { guardedPdf, UploadRejected } from "./streams";
import { claimSubmission, firstSubmission, isUniqueViolation, recordSubmission } from "@/lib/submissions";

export type StaffContext = { userId: string; agencyIds: string[] };

export type MatchedWorker = { workerId: string; userId: string; name: string; workerNumber: string };

/** Workers of one agency by their numbers in it. */
export async function workersByNumber(agencyId: string, numbers: string[]): Promise<Map<string, MatchedWorker>> {
  const rows = await db.workerAgency.findMany({
    where: { agencyId, workerNumber: { in: [...new Set(numbers)] } },
    select: { workerNumber: true, worker: { select: { id: true, userId: true, user: { select: { firstName: true, lastName: true } } } } },
  });
  return new Map(
    rows.map((r) => [r.workerNumber, { workerId: r.worker.id, userId: r.worker.userId, name: `${r.worker.user.firstName} ${r.worker.user.lastName}`, workerNumber: r.workerNumber }]),
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
    if (item.size !== undefined && item.size > MAX_DOCUMENT_BYTES) return { ...withName, ok: false, reason: "Fichier trop volumineux (10 Mo au plus)" };
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

export type PublishResult = { ok: true; documentId: string; workerId: string } | { ok: false; reason: string; code: "duplicate" | "not_pdf" | "too_large" | "empty" | "forbidden" };

/** Stores one PDF and creates its row; the caller notifies the worker. */
export async function publishDocument(input: PublishInput): Promise<PublishResult> {
  if (!input.staff.agencyIds.includes(input.agencyId)) return { ok: false, reason: "Agence hors de votre périmètre", code: "forbidden" };
  const member = await db.workerAgency.findUnique({ where: { workerId_agencyId: { workerId: input.workerId, agencyId: input.agencyId } }, select: { id: true } });
  if (!member) return { ok: false, reason: "Intérimaire inconnu dans cette agence", code: "forbidden" };
  const submission = input.submission ?? null;
  // The same form posted again (a certificate has no number to be unique on): the first one's document.
  const repeated = async (): Promise<PublishResult | null> => {
    const id = await firstSubmission(submission);
    return id ? { ok: true, documentId: id, workerId: input.workerId } : null;
  };
  const earlier = await repeated();
  if (earlier) {
    input.source.resume();
    return earlier;
  }
  if (input.number) {
    const taken = await db.document.findFirst({ where: { workerId: input.workerId, kind: input.kind, number: input.number }, select: { id: true } });
    if (taken) {
      input.source.resume(); // drain what the client sends
      return { ok: false, reason: `${KIND_LABELS[input.kind].title} ${input.number} déjà publié`, code: "duplicate" };
    }
  }

  const storage = getStorage();
  let stored;
  try {
    stored = await storage.putObject(guardedPdf(input.source, MAX_DOCUMENT_BYTES), { contentType: "application/pdf" });
  } catch (error) {
    if (error instanceof UploadRejected) return { ok: false, reason: error.message, code: error.code };
    throw error;
  }

  const fileName = downloadName({ kind: input.kind, periodStart: input.periodStart, periodEnd: input.periodEnd, createdAt: new Date(), number: input.number });
  try {
    const doc = await db.$transaction(async (tx) => {
      await claimSubmission(tx, submission);
      const created = await tx.document.create({
        data: {
          kind: input.kind,
          workerId: input.workerId,
          agencyId: input.agencyId,
          storageKey: stored.key,
          fileName,
          mimeType: "application/pdf",
          sizeBytes: stored.size,
          sha256: stored.sha256,
          number: input.number,
          periodStart: input.periodStart,
          periodEnd: input.periodEnd,
          uploadedById: input.staff.userId,
        },
        select: { id: true, worker: { select: { userId: true } } },
      });
      if (input.kind !== "PAYSLIP") {
        await tx.documentRequest.updateMany({ where: { workerId: input.workerId, kind: input.kind, status: "OPEN" }, data: { status: "DONE", closedAt: new Date(), openKey: null } });
      }
      await recordAudit(
        {
          action: "document.published",
          actorId: input.staff.userId,
          subjectUserId: created.worker?.userId ?? null,
          agencyId: input.agencyId,
          entityType: "Document",
          entityId: created.id,
          details: { kind: input.kind, number: input.number, sizeBytes: stored.size, sha256: stored.sha256, ...(input.batch ? { batch: input.batch } : {}) },
        },
        tx,
      );
      await recordSubmission(tx, submission, created.id);
      return created;
    });
    return { ok: true, documentId: doc.id, workerId: input.workerId };
  } catch (error) {
    await storage.deleteObject(stored.key).catch(() => undefined);
    if (isUniqueViolation(error)) {
      const first = await repeated();
      if (first) return first;
    }
    if ((error as { code?: string }).code === "P2002") return { ok: false, reason: `${KIND_LABELS[input.kind].title} ${input.number} déjà publié`, code: "duplicate" };
    throw error;
  }
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

/**
 * One email per worker for the given newly published documents (their
 * preference decides), only for documents this staff member may see.
 * Returns how many emails went out.
 */
export async function notifyPublished(staff: StaffContext, documentIds: string[]): Promise<number> {
  if (documentIds.length === 0) return 0;
  const docs = await db.document.findMany({
    where: { id: { in: documentIds }, agencyId: { in: staff.agencyIds }, kind: { in: ["PAYSLIP", "ASSEDIC_CERTIFICATE", "WORK_CERTIFICATE"] } },
    select: { id: true, agencyId: true, kind: true, periodStart: true, number: true, worker: { select: { userId: true } } },
    orderBy: { periodStart: "asc" },
  });
  // Exactly once per document: skip those an earlier (or parallel) run already
  // emailed about. A group's key lists its documents, so parallel runs over
  // the same documents collide on it (ON CONFLICT DO NOTHING).
  const userIds = [...new Set(docs.flatMap((d) => (d.worker ? [d.worker.userId] : [])))];
  const earlier = await db.outboxMessage.findMany({
    where: { userId: { in: userIds }, dedupeKey: { startsWith: PUBLISHED_KEY } },
    select: { dedupeKey: true },
  });
  const notified = new Set(earlier.flatMap((m) => m.dedupeKey!.slice(PUBLISHED_KEY.length).split(",")));
  const byWorkerAndKind = new Map<string, typeof docs>();
  for (const d of docs) {
    if (!d.worker || notified.has(d.id)) continue;
    const key = `${d.worker.userId}|${d.kind}`;
    byWorkerAndKind.set(key, [...(byWorkerAndKind.get(key) ?? []), d]);
  }
  let sent = 0;
  for (const [key, group] of byWorkerAndKind) {
    const [userId, kindRaw] = key.split("|");
    const kind = kindRaw as WorkerDocumentKind;
    const label = KIND_LABELS[kind];
    const url = await absoluteUrl(PAGE_OF[kind]);
    const months = group.filter((d) => d.periodStart).map((d) => formatMonthYear(d.periodStart!));
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
    const ok = await notifyUser(userId, NOTIFICATION_OF[kind], {
      title,
      paragraphs: [`${what} sur votre espace en ligne.`, `Retrouvez-le dans la rubrique Documents > ${label.title}.`],
      ctaLabel: "Voir mes documents",
      ctaUrl: url,
    }, { agencyId: group[0].agencyId, dedupeKey: PUBLISHED_KEY + group.map((d) => d.id).sort().join(",") });
    if (ok) sent++;
  }
  return sent;
}

// The documents a caller downloads: a worker their own, staff those of their
// agencies (documentScope). Used by the download route handlers, which answer
// 404 otherwise.
import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { documentScope, type DocumentCaller } from "@/lib/auth/scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DocumentKind } from "@/lib/generated/prisma/enums";

const downloadSelect = {
  id: true,
  kind: true,
  storageKey: true,
  fileName: true,
  sizeBytes: true,
  periodStart: true,
  periodEnd: true,
  createdAt: true,
  number: true,
} as const;

export type DownloadableDocument = Prisma.DocumentGetPayload<{ select: typeof downloadSelect }>;

/**
 * All the asked documents, in the asked order, or null when any of them is
 * missing or not the reader's: a request mixing in someone else's id gets
 * nothing (404), never a partial archive.
 */
export async function documentsForDownload(reader: DocumentCaller, ids: string[]): Promise<DownloadableDocument[] | null> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return null;
  const rows = await db.document.findMany({ where: { AND: [{ id: { in: unique } }, documentScope(reader)] }, select: downloadSelect });
  if (rows.length !== unique.length) return null;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return unique.map((id) => byId.get(id)!);
}

const PERSONAL_KINDS = ["DIPLOMA", "SOCIAL_SECURITY_CARD", "ID_CARD", "PROOF_OF_ADDRESS", "RIB"] as const;

/** One of a worker's own documents (diploma, ID, RIB...) if the reader may read it, else null. */
export function personalDocumentForDownload(reader: DocumentCaller, id: string) {
  return db.document.findFirst({
    where: { AND: [{ id, kind: { in: [...PERSONAL_KINDS] } }, documentScope(reader)] },
    include: { worker: { select: { userId: true } } },
  });
}

/** Of these documents, the ids this staff member uploaded. */
export async function documentsUploadedBy(userId: string, documentIds: string[]): Promise<string[]> {
  const mine = await db.document.findMany({ where: { id: { in: documentIds }, uploadedById: userId }, select: { id: true } });
  return mine.map((d) => d.id);
}

/** A staff member read a worker's own document: audited. */
export function recordDocumentDownload(
  staff: { userId: string },
  doc: { id: string; kind: DocumentKind; worker: { userId: string } | null },
) {
  return recordAudit(
    db,
    { type: "document.downloaded", data: { kind: doc.kind } },
    { actorId: staff.userId, subjectUserId: doc.worker?.userId, entityType: "Document", entityId: doc.id },
  );
}

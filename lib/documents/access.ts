// Who may read which document: a worker their own, staff those of their
// agencies. Used by the download route handlers, which answer 404 otherwise.
import "server-only";
import { db } from "@/lib/db";
import { getSessionUser } from "@/lib/auth/session";
import type { Prisma } from "@/lib/generated/prisma/client";

export type DocumentReader = { userId: string; role: "WORKER"; workerId: string } | { userId: string; role: "STAFF"; agencyIds: string[] };

export async function currentDocumentReader(): Promise<DocumentReader | null> {
  const user = await getSessionUser();
  if (!user) return null;
  if (user.role === "WORKER") {
    const profile = await db.workerProfile.findUnique({ where: { userId: user.id }, select: { id: true } });
    return profile ? { userId: user.id, role: "WORKER", workerId: profile.id } : null;
  }
  if (user.role === "STAFF") {
    const memberships = await db.staffMembership.findMany({ where: { userId: user.id }, select: { agencyId: true } });
    return { userId: user.id, role: "STAFF", agencyIds: memberships.map((m) => m.agencyId) };
  }
  return null;
}

/**
 * The documents staff of these agencies may read. A document issued by an
 * agency (payslip, contract, certificate) is scoped by its own agency: a
 * worker registered in two agencies must not let staff of one read what the
 * other issued. A worker's own document (diploma, ID, RIB: no agency) is
 * readable by staff of any agency the worker belongs to.
 */
export function staffDocumentScope(agencyIds: string[]): Prisma.DocumentWhereInput {
  return {
    OR: [
      { agencyId: { in: agencyIds } },
      { agencyId: null, worker: { agencies: { some: { agencyId: { in: agencyIds } } } } },
    ],
  };
}

/** The documents a reader may download, as a WHERE clause. */
export function readableBy(reader: DocumentReader): Prisma.DocumentWhereInput {
  if (reader.role === "WORKER") return { workerId: reader.workerId };
  return staffDocumentScope(reader.agencyIds);
}

const downloadSelect = { id: true, kind: true, storageKey: true, fileName: true, sizeBytes: true, periodStart: true, periodEnd: true, createdAt: true, number: true } as const;

export type DownloadableDocument = Prisma.DocumentGetPayload<{ select: typeof downloadSelect }>;

/**
 * All the asked documents, in the asked order, or null when any of them is
 * missing or not the reader's: a request mixing in someone else's id gets
 * nothing (404), never a partial archive.
 */
export async function documentsForDownload(reader: DocumentReader, ids: string[]): Promise<DownloadableDocument[] | null> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return null;
  const rows = await db.document.findMany({ where: { AND: [{ id: { in: unique } }, readableBy(reader)] }, select: downloadSelect });
  if (rows.length !== unique.length) return null;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return unique.map((id) => byId.get(id)!);
}

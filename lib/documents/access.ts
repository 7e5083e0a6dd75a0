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

/** The documents a reader may download, as a WHERE clause. */
export function readableBy(reader: DocumentReader): Prisma.DocumentWhereInput {
  if (reader.role === "WORKER") return { workerId: reader.workerId };
  return { worker: { agencies: { some: { agencyId: { in: reader.agencyIds } } } } };
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

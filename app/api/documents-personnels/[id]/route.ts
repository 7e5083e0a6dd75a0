// Download of a worker's own documents (diplomas, ID, RIB...): the owner, or
// staff of one of the worker's agencies. Anyone else gets 404.
import { cleanId } from "@/lib/forms";
import { Readable } from "node:stream";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { getStorage } from "@/lib/storage";
import { currentDocumentReader, readableBy } from "@/lib/documents/access";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const KINDS = ["DIPLOMA", "SOCIAL_SECURITY_CARD", "ID_CARD", "PROOF_OF_ADDRESS", "RIB"] as const;
const notFound = () => new Response("Not Found", { status: 404 });

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const id = cleanId((await params).id);
  if (!id) return notFound();
  const reader = await currentDocumentReader();
  if (!reader) return notFound();
  const doc = await db.document.findFirst({ where: { AND: [{ id, kind: { in: [...KINDS] } }, readableBy(reader)] }, include: { worker: { select: { userId: true } } } });
  if (!doc) return notFound();
  let stream: Readable;
  try {
    stream = await getStorage().openObjectStream(doc.storageKey);
  } catch {
    return notFound();
  }
  if (reader.role === "STAFF") {
    await recordAudit(
      db,
      { type: "document.downloaded", data: { kind: doc.kind } },
      { actorId: reader.userId, subjectUserId: doc.worker?.userId, entityType: "Document", entityId: doc.id },
    );
  }
  const inline = doc.mimeType !== "application/pdf" ? "inline" : "attachment";
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      "Content-Type": doc.mimeType,
      "Content-Length": String(doc.sizeBytes),
      "Content-Disposition": `${inline}; filename="${doc.fileName.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

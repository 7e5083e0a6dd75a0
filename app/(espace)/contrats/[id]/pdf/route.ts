// Contract PDF download: the worker who owns it, or staff of its agency.
// Anyone else gets a 404, as if the contract did not exist.
import { cleanId } from "@/lib/forms";
import { Readable } from "node:stream";
import { getSessionUser, requireStaff, requireWorker } from "@/lib/auth/session";
import { contractScope } from "@/lib/backoffice/scope";
import { db } from "@/lib/db";
import { ensureIssuedDocument } from "@/lib/contracts/issue";
import { getStorage } from "@/lib/storage";
import { staffDocumentScope } from "@/lib/documents/access";

const notFound = () => new Response("Introuvable", { status: 404 });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = cleanId((await params).id);
  if (!id) return notFound();
  const session = await getSessionUser();
  if (!session) return notFound();
  let where;
  let documentScope;
  if (session.role === "WORKER") {
    const w = await requireWorker();
    where = { id, workerId: w.workerId, state: { not: "DRAFT" as const } };
    documentScope = { workerId: w.workerId };
  } else if (session.role === "STAFF") {
    const s = await requireStaff();
    where = { id, ...contractScope(s) };
    documentScope = staffDocumentScope(s.agencyIds);
  } else return notFound();
  const c = await db.contract.findFirst({ where, select: { id: true, number: true, state: true, signedDocumentId: true, issuedDocumentId: true } });
  if (!c) return notFound();
  const signed = new URL(request.url).searchParams.get("signe") === "1";
  const documentId = signed ? c.signedDocumentId : (c.issuedDocumentId ?? (await ensureIssuedDocument(c.id)));
  if (!documentId) return notFound();
  // The file itself is checked too: a contract pointing at a document of another agency serves nothing.
  const doc = await db.document.findFirst({ where: { AND: [{ id: documentId }, documentScope] } });
  if (!doc) return notFound();
  const stream = await getStorage().openObjectStream(doc.storageKey);
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(doc.sizeBytes),
      "Content-Disposition": `attachment; filename="${doc.fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

// Download of a worker's own documents (diplomas, ID, RIB...): the owner, or
// staff of one of the worker's agencies. Anyone else gets 404.
import { cleanId } from "@/lib/forms";
import { Readable } from "node:stream";
import { getStorage } from "@/lib/storage";
import { personalDocumentForDownload, recordDocumentDownload } from "@/lib/documents/access";
import { routeCaller } from "@/lib/auth/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const notFound = () => new Response("Not Found", { status: 404 });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const id = cleanId((await params).id);
  if (!id) return notFound();
  const reader = await routeCaller(request, ["WORKER", "STAFF"], { denied: notFound });
  if (reader instanceof Response) return reader;
  const doc = await personalDocumentForDownload(reader, id);
  if (!doc) return notFound();
  let stream: Readable;
  try {
    stream = await getStorage().openObjectStream(doc.storageKey);
  } catch {
    return notFound();
  }
  if (reader.role === "STAFF") {
    await recordDocumentDownload(reader, doc);
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

// One document, streamed from storage with a clean file name. Someone else's
// document answers 404, exactly like a missing one.
import { cleanId } from "@/lib/forms";
import type { Readable } from "node:stream";
import { webStreamOf } from "@/lib/documents/streams";
import { contentDisposition, downloadName } from "@/lib/documents/rules";
import { documentsForDownload } from "@/lib/documents/access";
import { routeCaller } from "@/lib/auth/route";
import { getStorage } from "@/lib/storage";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Document introuvable", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const reader = await routeCaller(request, ["WORKER", "STAFF"], {
    denied: () => new Response("Connexion requise", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } }),
  });
  if (reader instanceof Response) return reader;
  const id = cleanId((await params).id);
  if (!id) return notFound();
  const docs = await documentsForDownload(reader, [id]);
  if (!docs) return notFound();
  const doc = docs[0];
  let stream: Readable;
  try {
    stream = await getStorage().openObjectStream(doc.storageKey);
  } catch {
    return notFound();
  }
  return new Response(webStreamOf(stream), {
    headers: {
      "content-type": "application/pdf",
      "content-length": String(doc.sizeBytes),
      "content-disposition": contentDisposition(downloadName(doc)),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

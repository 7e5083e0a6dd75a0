// Contract PDF download: the worker who owns it, or staff of its agency.
// Anyone else gets a 404, as if the contract did not exist. It only reads the
// stored file: issuing the contract stored it.
import { cleanId } from "@/lib/forms";
import { Readable } from "node:stream";
import { routeCaller } from "@/lib/auth/route";
import { findContractPdf } from "@/lib/contracts/queries";
import { getStorage } from "@/lib/storage";

const notFound = () => new Response("Introuvable", { status: 404 });
const unavailable = () =>
  new Response("Le document de ce contrat n'est pas disponible pour le moment. Contactez votre agence.", {
    status: 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = cleanId((await params).id);
  if (!id) return notFound();
  const caller = await routeCaller(request, ["WORKER", "STAFF"], { denied: notFound });
  if (caller instanceof Response) return caller;
  const signed = new URL(request.url).searchParams.get("signe") === "1";
  const found = await findContractPdf(caller, id, signed);
  if (found.found === "no-contract") return notFound();
  if (found.found === "no-document") {
    console.error("[contracts] issued contract without its stored document", found.contractId);
    return unavailable();
  }
  const doc = found.document;
  let stream: Readable;
  try {
    stream = await getStorage().openObjectStream(doc.storageKey);
  } catch (error) {
    console.error("[contracts] stored contract PDF missing", doc.id, error);
    return unavailable();
  }
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

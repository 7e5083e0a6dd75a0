// Several documents as one zip, streamed while it is produced. Every id must
// be the caller's: one foreign or unknown id gives 404 and no archive at all.
import { contentDisposition, downloadName } from "@/lib/documents/rules";
import { documentsForDownload } from "@/lib/documents/access";
import { routeCaller } from "@/lib/auth/route";
import { zipStream } from "@/lib/documents/archive";
import { getStorage } from "@/lib/storage";

export const dynamic = "force-dynamic";

const MAX_DOCUMENTS = 500;
const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

function idsFrom(values: string[]): string[] {
  return values
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => /^[a-z0-9]{10,40}$/i.test(v));
}

async function archive(request: Request, rawIds: string[], rawCount: number) {
  const reader = await routeCaller(request, ["WORKER", "STAFF"], { denied: () => text("Connexion requise", 401) });
  if (reader instanceof Response) return reader;
  const ids = idsFrom(rawIds);
  if (ids.length === 0 || ids.length !== rawCount) return text("Document introuvable", 404);
  if (ids.length > MAX_DOCUMENTS) return text(`${MAX_DOCUMENTS} documents au plus par archive`, 400);
  const docs = await documentsForDownload(reader, ids);
  if (!docs) return text("Document introuvable", 404);
  const storage = getStorage();
  const zip = zipStream(
    docs.map((d) => ({ name: downloadName(d), date: d.createdAt, open: () => storage.openObjectStream(d.storageKey) })),
  );
  const kinds = new Set(docs.map((d) => d.kind));
  const base = kinds.size === 1 && kinds.has("PAYSLIP") ? "bulletins_de_salaire" : "documents";
  return new Response(zip, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": contentDisposition(`${base}.zip`),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      // The size is unknown until the last byte; the browser shows bytes received against this estimate.
      "x-estimated-size": String(docs.reduce((sum, d) => sum + d.sizeBytes + 2 * downloadName(d).length + 110, 22)),
    },
  });
}

export async function GET(request: Request) {
  const values = new URL(request.url).searchParams.getAll("ids");
  return archive(request, values, idsCount(values));
}

export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  const values = (form?.getAll("ids") ?? []).filter((v): v is string => typeof v === "string");
  return archive(request, values, idsCount(values));
}

/** How many ids were asked, valid or not: a malformed one must not be silently dropped. */
function idsCount(values: string[]): number {
  return values
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean).length;
}

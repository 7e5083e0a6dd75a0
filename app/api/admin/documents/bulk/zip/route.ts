// Bulk publish from one zip: the archive is streamed to disk, checked (zip
// bombs, non-PDF entries), and kept for the publish step; answers the preview.
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { previewZip } from "@/lib/documents/bulk";
import { ZipRejected } from "@/lib/documents/zip-reader";
import { guardStaff, json } from "@/lib/auth/route";
import { StorageUnavailableError } from "@/lib/storage";

export async function POST(request: Request) {
  const staff = await guardStaff(request);
  if (staff instanceof Response) return staff;
  const agencyId = new URL(request.url).searchParams.get("agency") ?? "";
  if (!staff.agencyIds.includes(agencyId)) return json({ error: "Agence introuvable." }, 404);
  if (!request.body) return json({ error: "Archive vide." }, 400);
  try {
    return json(await previewZip(staff, agencyId, Readable.fromWeb(request.body as unknown as WebReadableStream)));
  } catch (error) {
    if (error instanceof ZipRejected) return json({ error: error.message }, 422);
    // Never an empty 500: the page shows the message next to the file field.
    if (error instanceof StorageUnavailableError) return json({ error: error.message, code: error.code }, 503); // logged by lib/storage
    console.error(error);
    return json({ error: "La vérification de l'archive a échoué : réessayez dans quelques minutes." }, 500);
  }
}

// Bulk publish from a previewed zip: one JSON line per entry as it is stored
// (the page shows the progress), then a summary line.
import { z } from "zod";
import { publishZip } from "@/lib/documents/bulk";
import { guardStaff, json } from "@/lib/auth/route";
import { StorageUnavailableError } from "@/lib/storage";

const Body = z.object({ agencyId: z.string().min(1), uploadKey: z.string().min(1).max(100), batch: z.string().min(8).max(64) });

export async function POST(request: Request) {
  const staff = await guardStaff(request);
  if (staff instanceof Response) return staff;
  const parsed = Body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return json({ error: "Requête invalide." }, 400);
  const { agencyId, uploadKey, batch } = parsed.data;
  const encoder = new TextEncoder();
  const events = publishZip(staff, agencyId, uploadKey, batch);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await events.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
      } catch (error) {
        // A storage failure was logged where it was classified (lib/storage).
        if (!(error instanceof StorageUnavailableError)) console.error(error);
        const message =
          error instanceof StorageUnavailableError
            ? `${error.message} Les bulletins déjà publiés ne seront pas dupliqués.`
            : "La publication s'est interrompue : relancez-la, les bulletins déjà publiés ne seront pas dupliqués.";
        controller.enqueue(encoder.encode(`${JSON.stringify({ type: "error", message })}\n`));
        controller.close();
      }
    },
    async cancel() {
      await events.return(undefined);
    },
  });
  return new Response(body, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
}

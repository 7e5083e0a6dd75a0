// Bulk publish, many PDFs: one payslip per request, its body streamed into
// storage (never held whole in memory), matched again on the server.
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { parsePayslipFileName } from "@/lib/documents/rules";
import { publishDocument, workersByNumber } from "@/lib/documents/publish";
import { guardStaff, json } from "@/lib/auth/route";

export async function PUT(request: Request) {
  const staff = await guardStaff(request);
  if (staff instanceof Response) return staff;
  const url = new URL(request.url);
  const agencyId = url.searchParams.get("agency") ?? "";
  const name = url.searchParams.get("name") ?? "";
  const batch = (url.searchParams.get("batch") ?? "").slice(0, 64);
  if (!staff.agencyIds.includes(agencyId)) return json({ error: "Agence introuvable." }, 404);
  const parsed = parsePayslipFileName(name);
  if (!parsed.ok) return json({ ok: false, reason: parsed.reason });
  const worker = (await workersByNumber(agencyId, [parsed.workerNumber])).get(parsed.workerNumber);
  if (!worker) return json({ ok: false, reason: `Aucun intérimaire n° ${parsed.workerNumber} dans cette agence` });
  if (!request.body) return json({ ok: false, reason: "Fichier vide" });
  const result = await publishDocument({
    staff,
    agencyId,
    workerId: worker.workerId,
    kind: "PAYSLIP",
    number: parsed.number,
    periodStart: parsed.periodStart,
    periodEnd: parsed.periodEnd,
    source: Readable.fromWeb(request.body as unknown as WebReadableStream),
    batch,
  });
  if (!result.ok && result.data?.code === "storage_unavailable")
    return json({ ok: false, reason: result.message, code: result.data.code }, 503);
  return json(result.ok ? { ok: true, documentId: result.data.documentId } : { ok: false, reason: result.message });
}

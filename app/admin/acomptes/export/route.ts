// CSV of the accepted advances of a payment day, for the bank transfer.
// Staff only, within their agencies; IBANs are decrypted here, so every export is audited.
import { db } from "@/lib/db";
import { getSessionUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit";
import { tryDecryptSecret } from "@/lib/crypto/secrets";
import { toCsv } from "@/lib/csv";
import { searchParamDate } from "@/lib/time/dates";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const user = await getSessionUser();
  if (!user || user.role !== "STAFF") return new Response("Not Found", { status: 404 });
  const agencyIds = (await db.staffMembership.findMany({ where: { userId: user.id }, select: { agencyId: true } })).map((m) => m.agencyId);
  const date = new URL(request.url).searchParams.get("date") ?? "";
  const payDate = searchParamDate(date);
  if (!payDate) return new Response("Date invalide", { status: 400 });
  const rows = await db.advanceRequest.findMany({
    where: { agencyId: { in: agencyIds }, payDate, status: "ACCEPTED" },
    orderBy: { createdAt: "asc" },
    include: { agency: { select: { code: true } }, worker: { select: { ibanEncrypted: true, bic: true, user: { select: { firstName: true, lastName: true } }, agencies: { select: { agencyId: true, workerNumber: true } } } } },
  });
  const lines: string[][] = [["Agence", "Numéro", "Nom", "Prénom", "IBAN", "BIC", "Montant (EUR)", "Date de versement"]];
  for (const r of rows) {
    lines.push(
      [
        r.agency.code,
        r.worker.agencies.find((a) => a.agencyId === r.agencyId)?.workerNumber ?? "",
        r.worker.user.lastName.toUpperCase(),
        r.worker.user.firstName,
        tryDecryptSecret(r.worker.ibanEncrypted) ?? "IBAN MANQUANT",
        r.worker.bic ?? "",
        (r.amountCents / 100).toFixed(2).replace(".", ","),
        date.split("-").reverse().join("/"),
      ],
    );
  }
  await recordAudit(
    db,
    { type: "advance.exported", data: { payDate: date, count: rows.length, totalCents: rows.reduce((s, r) => s + r.amountCents, 0) } },
    { actorId: user.id },
  );
  return new Response(toCsv(lines), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="acomptes-${date}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}

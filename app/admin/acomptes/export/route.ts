// CSV of the accepted advances of a payment day, for the bank transfer.
// Staff only, within their agencies; IBANs are decrypted here, so every export is audited.
import { routeCaller } from "@/lib/auth/route";
import { acceptedAdvancesForTransfer, recordAdvancesExport } from "@/lib/advances/staff-queries";
import { tryDecryptSecret } from "@/lib/crypto/secrets";
import { toCsv } from "@/lib/csv";
import { searchParamDate } from "@/lib/time/dates";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const staff = await routeCaller(request, ["STAFF"], { denied: () => new Response("Not Found", { status: 404 }) });
  if (staff instanceof Response) return staff;
  const date = new URL(request.url).searchParams.get("date") ?? "";
  const payDate = searchParamDate(date);
  if (!payDate) return new Response("Date invalide", { status: 400 });
  const rows = await acceptedAdvancesForTransfer(staff, payDate);
  const lines: string[][] = [["Agence", "Numéro", "Nom", "Prénom", "IBAN", "BIC", "Montant (EUR)", "Date de versement"]];
  for (const r of rows) {
    lines.push([
      r.agency.code,
      r.worker.agencies.find((a) => a.agencyId === r.agencyId)?.workerNumber ?? "",
      r.worker.user.lastName.toUpperCase(),
      r.worker.user.firstName,
      tryDecryptSecret(r.worker.ibanEncrypted) ?? "IBAN MANQUANT",
      r.worker.bic ?? "",
      (r.amountCents / 100).toFixed(2).replace(".", ","),
      date.split("-").reverse().join("/"),
    ]);
  }
  await recordAdvancesExport(staff, date, rows);
  return new Response(toCsv(lines), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="acomptes-${date}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}

// CSV for payroll: an agency's validated hours and accessoires per worker and
// contract for a period, with the advances accepted or paid in it. Staff of
// that agency only (another agency answers 404); each export is audited.
import { routeCaller } from "@/lib/auth/route";
import { cleanId } from "@/lib/forms";
import { parseIsoDate } from "@/lib/time/dates";
import { checkPayrollPeriod } from "@/lib/timesheets/payroll";
import { payrollExport } from "@/lib/timesheets/payroll-export";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const notFound = () => new Response("Not Found", { status: 404 });

export async function GET(request: Request): Promise<Response> {
  const staff = await routeCaller(request, ["STAFF"], { denied: notFound });
  if (staff instanceof Response) return staff;
  const params = new URL(request.url).searchParams;
  const agencyId = cleanId(params.get("agence") ?? "");
  const du = params.get("du") ?? "";
  const au = params.get("au") ?? "";
  const period = checkPayrollPeriod(du, au, parseIsoDate);
  if (!period.ok || !agencyId) {
    // Back to the form, which shows the refusal next to the field with what was typed.
    const back = new URLSearchParams({ paie: "1", agence: agencyId ?? "", du, au });
    return new Response(null, { status: 303, headers: { Location: `/admin/heures?${back}#export-paie` } });
  }
  const file = await payrollExport(staff, agencyId, period.from, period.to);
  if (!file) return notFound();
  return new Response(file.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="paie-${file.agencyCode}-${du}-${au}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}

import type { Metadata } from "next";
import Link from "next/link";
import { adminPages } from "@/components/shell/nav";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { requireStaff } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { formatDateTime } from "@/lib/format";
import { staffSubmittedWeek } from "@/lib/timesheets/queries";
import { staffAgencies } from "@/lib/backoffice/agencies";
import { Card, CardHeader } from "@/components/ui/card";
import { InputField, SelectField } from "@/components/ui/field";
import { parisCalendarDate } from "@/lib/time/paris";
import { checkPayrollPeriod, previousMonth } from "@/lib/timesheets/payroll";
import { addDays, formatHours, isoDate, parseIsoDate, periodLabel, weekAt, weekOf } from "@/lib/timesheets/rules";

const page = adminPages.heures;
export const metadata: Metadata = { title: page.title };

export default async function StaffTimesheetsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaff();
  const params = await searchParams;
  const chosen = parseIsoDate(typeof params.semaine === "string" ? params.semaine : null);
  const week = chosen ? weekOf(chosen) : weekAt(addDays(await now(), -7));
  const [sheets, agencies] = await Promise.all([staffSubmittedWeek(staff, week), staffAgencies(staff)]);
  // The payroll export form: the previous month by default; after a refused period, what was typed and why.
  const last = previousMonth(parisCalendarDate(await now()));
  const sent = params.paie === "1";
  const typed = (name: string, fallback: string) => (sent && typeof params[name] === "string" ? (params[name] as string) : fallback);
  const du = typed("du", isoDate(last.from));
  const au = typed("au", isoDate(last.to));
  const chosenAgency = typed("agence", agencies[0]?.id ?? "");
  const period = sent ? checkPayrollPeriod(du, au, parseIsoDate) : null;
  const periodErrors = period && !period.ok ? period.errors : {};
  return (
    <div className="space-y-6">
      <PageHeader
        title={page.title}
        breadcrumbs={page.breadcrumbs}
        description={
          <p>
            Les relevés d&apos;heures saisis par les entreprises clientes, semaine par semaine. Les heures transmises peuvent être corrigées
            ; chaque correction est journalisée.
          </p>
        }
      />
      <Card as="section" aria-labelledby="export-paie-titre" id="export-paie">
        <CardHeader
          id="export-paie-titre"
          title="Export pour la paie"
          description="Les heures validées (après corrections de l'agence) et les accessoires de salaire par intérimaire et par contrat, avec les acomptes acceptés ou versés de la période : un fichier CSV à importer dans le logiciel de paie avant les bulletins du 8 au 10."
        />
        <form method="get" action="/admin/heures/export" className="flex flex-wrap items-start gap-3">
          <SelectField label="Agence" name="agence" id="paie-agence" defaultValue={chosenAgency} className="min-w-56">
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.code} – {a.name}
              </option>
            ))}
          </SelectField>
          <InputField label="Du" name="du" id="paie-du" type="date" defaultValue={du} error={periodErrors.du} />
          <InputField label="Au" name="au" id="paie-au" type="date" defaultValue={au} error={periodErrors.au} />
          <button type="submit" className={`${buttonClasses({ size: "md" })} mt-6`}>
            Télécharger le CSV de paie
          </button>
        </form>
      </Card>
      <nav aria-label="Changer de semaine" className="flex flex-wrap items-center gap-2">
        <Link
          href={`/admin/heures?semaine=${isoDate(addDays(week.monday, -7))}`}
          className={buttonClasses({ variant: "secondary", size: "sm" })}
        >
          ‹ Semaine précédente
        </Link>
        <span className="px-2 font-semibold tabular-nums">
          Semaine {week.number} : {periodLabel(week)}
        </span>
        <Link
          href={`/admin/heures?semaine=${isoDate(addDays(week.monday, 7))}`}
          className={buttonClasses({ variant: "secondary", size: "sm" })}
        >
          Semaine suivante ›
        </Link>
      </nav>
      {sheets.length === 0 ? (
        <EmptyState title="Aucun relevé d'heures pour cette semaine" />
      ) : (
        <Table caption="Relevés d'heures">
          <THead>
            <tr>
              <Th>Intérimaire</Th>
              <Th>Client</Th>
              <Th>Contrat</Th>
              <Th>Heures</Th>
              <Th>État</Th>
              <Th>Saisi par</Th>
            </tr>
          </THead>
          <TBody>
            {sheets.map((s) => (
              <Tr key={s.id}>
                <Td label="Intérimaire">
                  <Link href={`/admin/heures/${s.id}`} className="text-brand-700 font-semibold hover:underline">
                    {s.contract.worker.user.firstName} {s.contract.worker.user.lastName.toUpperCase()}
                  </Link>
                </Td>
                <Td label="Client">{s.contract.client.name}</Td>
                <Td label="Contrat">
                  {s.contract.number} <span className="text-xs text-slate-500">{s.contract.reference}</span>
                </Td>
                <Td label="Heures" className="tabular-nums">
                  {formatHours(s.entries.reduce((sum, e) => sum + e.minutes, 0))}
                </Td>
                <Td label="État">
                  <Badge tone={s.status === "SUBMITTED" ? "success" : "warning"}>
                    {s.status === "SUBMITTED"
                      ? `Transmis${s.submittedAt ? ` le ${formatDateTime(s.submittedAt)}` : ""}`
                      : "Brouillon du client"}
                  </Badge>
                </Td>
                <Td label="Saisi par">{s.enteredBy ? `${s.enteredBy.firstName} ${s.enteredBy.lastName}` : "–"}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}

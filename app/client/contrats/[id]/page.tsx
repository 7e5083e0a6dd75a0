import type { Metadata } from "next";
import { idParam } from "@/lib/http/params";
import Link from "next/link";
import { notFound } from "next/navigation";
import { clientPages } from "@/components/shell/nav";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireClient } from "@/lib/auth/session";
import { clientContract } from "@/lib/timesheets/client-queries";
import { formatDateTime } from "@/lib/format";
import { formatHours, frenchDate, isoDate, isoWeekNumber, periodLabel, weekOf } from "@/lib/timesheets/rules";

export const metadata: Metadata = { title: "Contrat" };

export default async function ClientContractPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireClient();
  const id = await idParam(params);
  const c = await clientContract(user, id);
  if (!c) notFound();
  const title = `Contrat ${c.number}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={title}
        breadcrumbs={[
          ...clientPages.contrats.breadcrumbs.slice(0, -1),
          { label: clientPages.contrats.title, href: clientPages.contrats.href },
          { label: title },
        ]}
      />
      <Card>
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">Intérimaire</dt>
            <dd className="font-semibold">
              {c.worker.user.firstName} {c.worker.user.lastName.toUpperCase()}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Référence</dt>
            <dd>{c.reference}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Qualification</dt>
            <dd>
              {c.qualification.label} ({c.qualification.code})
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Dates de mission</dt>
            <dd>
              du {frenchDate(c.startDate)} au {frenchDate(c.endDate)}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Horaires</dt>
            <dd>{c.hoursLabel.replace(/\s*00:00-00:00/, "")}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Site</dt>
            <dd>
              {c.site.name}, {c.site.address}, {c.site.postalCode} {c.site.city}
            </dd>
          </div>
        </dl>
      </Card>
      <section aria-labelledby="releves" className="space-y-3">
        <h2 id="releves" className="text-lg font-semibold">
          Relevés d&apos;heures
        </h2>
        {c.timesheets.length === 0 ? (
          <p className="text-sm text-slate-600">Aucune heure saisie pour ce contrat.</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
            {c.timesheets.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3 text-sm">
                <Link
                  href={`/client?semaine=${isoDate(t.weekStart)}&ref=${encodeURIComponent(c.number)}`}
                  className="text-brand-700 hover:underline"
                >
                  Semaine {isoWeekNumber(t.weekStart)} : {periodLabel(weekOf(t.weekStart))}
                </Link>
                <span className="tabular-nums">{formatHours(t.entries.reduce((s, e) => s + e.minutes, 0))}</span>
                <Badge tone={t.status === "SUBMITTED" ? "success" : "warning"}>
                  {t.status === "SUBMITTED" ? `Transmis${t.submittedAt ? ` le ${formatDateTime(t.submittedAt)}` : ""}` : "Brouillon"}
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

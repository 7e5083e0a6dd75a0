import type { Metadata } from "next";
import Link from "next/link";
import { workerPages } from "@/components/shell/nav";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { cx } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorker } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { formatCalendarDayMonth, formatCalendarMonth, parisCalendarDate } from "@/lib/format";
import { addDays, endOfMonth, keyOf, mondayOf, parseDayKey, shiftAnchor, startOfMonth } from "@/lib/missions/calendar";
import { formatHours, WEEKDAYS_SHORT } from "@/lib/timesheets/rules";
import { workerStatement } from "@/lib/timesheets/worker-queries";

const page = workerPages.releve;
export const metadata: Metadata = { title: page.title };

type Vue = "semaine" | "mois";
const href = (vue: Vue, day: Date) => `/plannings/releve?vue=${vue}&date=${keyOf(day)}`;
const hours = (m: number | null) => (m === null ? "–" : formatHours(m));
const signed = (m: number | null) => (m === null ? "–" : m > 0 ? `+${formatHours(m)}` : m < 0 ? `−${formatHours(-m)}` : "0h00");

/** The worker's relevé d'heures: per week or month and per contract, planned hours against those validated and corrected. */
export default async function StatementPage({ searchParams }: { searchParams: Promise<{ vue?: string; date?: string }> }) {
  const worker = await requireWorker();
  const sp = await searchParams;
  const vue: Vue = sp.vue === "semaine" ? "semaine" : "mois";
  const today = parisCalendarDate(await now());
  const anchor = parseDayKey(sp.date) ?? today;
  const start = vue === "mois" ? startOfMonth(anchor) : mondayOf(anchor);
  const end = vue === "mois" ? endOfMonth(anchor) : addDays(start, 6);
  const lines = await workerStatement(worker, start, end);
  const title =
    vue === "mois" ? formatCalendarMonth(anchor) : `Semaine du ${formatCalendarDayMonth(start)} au ${formatCalendarDayMonth(end)}`;
  const retained = lines.reduce((a, l) => a + l.totals.retained, 0);
  const pending = lines.reduce((a, l) => a + l.totals.pending, 0);

  return (
    <>
      <PageHeader
        title={page.title}
        breadcrumbs={page.breadcrumbs}
        description="Pour chaque contrat : les heures prévues au planning, celles validées par l'entreprise cliente et, le cas échéant, corrigées par l'agence. Les heures retenues sont celles qui seront payées : comparez-les à votre bulletin de paie et à vos acomptes."
      />
      <Card className="mb-4" padded={false}>
        <div className="flex flex-wrap items-center justify-between gap-3 p-4">
          <div>
            <p className="text-sm text-slate-600">Heures retenues ({title})</p>
            <p className="text-xl font-bold text-slate-900" data-testid="releve-total">
              {formatHours(retained)} retenues{pending ? `, ${formatHours(pending)} en attente de validation` : ""}
            </p>
          </div>
          <nav aria-label="Période du relevé" className="flex gap-1 rounded-lg bg-slate-100 p-1">
            {(["mois", "semaine"] as Vue[]).map((v) => (
              <Link
                key={v}
                href={href(v, anchor)}
                aria-current={v === vue ? "page" : undefined}
                className={cx(
                  "min-h-9 rounded-md px-3 py-1.5 text-sm font-medium",
                  v === vue ? "text-brand-800 bg-white shadow-sm" : "text-slate-600 hover:text-slate-900",
                )}
              >
                {v === "mois" ? "Mois" : "Semaine"}
              </Link>
            ))}
          </nav>
        </div>
      </Card>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold text-slate-900 first-letter:uppercase" data-testid="releve-title">
          {title}
        </h2>
        <div className="flex gap-2">
          <ButtonLink href={href(vue, shiftAnchor(vue, anchor, -1))} variant="secondary" size="sm" rel="prev">
            <span aria-hidden="true">‹</span> Précédent
          </ButtonLink>
          <ButtonLink href={href(vue, today)} variant="secondary" size="sm">
            Aujourd&apos;hui
          </ButtonLink>
          <ButtonLink href={href(vue, shiftAnchor(vue, anchor, 1))} variant="secondary" size="sm" rel="next">
            Suivant <span aria-hidden="true">›</span>
          </ButtonLink>
        </div>
      </div>
      {lines.length === 0 ? (
        <EmptyState title="Aucune heure sur cette période" description="Choisissez une autre semaine ou un autre mois." />
      ) : (
        <div className="space-y-4">
          {lines.map(({ contract, days, totals }) => (
            <Card as="section" key={contract.id} aria-labelledby={`releve-${contract.id}`} padded={false} data-testid="releve-contrat">
              <div className="p-4 pb-0">
                <CardHeader
                  id={`releve-${contract.id}`}
                  title={`Contrat ${contract.number} · ${contract.client.name}`}
                  description={`${contract.qualification.label} · réf. ${contract.reference}`}
                  className="mb-2"
                />
              </div>
              <table className="w-full border-collapse text-left text-xs tabular-nums sm:text-sm">
                <caption className="sr-only">Heures du contrat {contract.number}</caption>
                <thead className="bg-slate-50 text-slate-600">
                  <tr>
                    <th scope="col" className="px-2 py-2 font-semibold sm:px-4">
                      Jour
                    </th>
                    <th scope="col" className="px-1 py-2 text-right font-semibold">
                      Prévu
                    </th>
                    <th scope="col" className="px-1 py-2 text-right font-semibold">
                      Client
                    </th>
                    <th scope="col" className="px-1 py-2 text-right font-semibold">
                      Agence
                    </th>
                    <th scope="col" className="px-2 py-2 text-right font-semibold sm:px-4">
                      Écart
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {days.map((d) => {
                    const date = parseDayKey(d.iso)!;
                    return (
                      <tr key={d.iso} data-testid="releve-jour" data-day={d.iso}>
                        <th scope="row" className="px-2 py-1.5 font-normal whitespace-nowrap sm:px-4">
                          {WEEKDAYS_SHORT[(date.getUTCDay() + 6) % 7]} {formatCalendarDayMonth(date)}
                        </th>
                        <td className="px-1 py-1.5 text-right">{hours(d.planned)}</td>
                        <td className="px-1 py-1.5 text-right">{hours(d.client)}</td>
                        <td className={cx("px-1 py-1.5 text-right", d.agency !== null && "font-semibold")}>{hours(d.agency)}</td>
                        <td
                          className={cx(
                            "px-2 py-1.5 text-right sm:px-4",
                            d.difference === null ? "text-slate-500" : d.difference ? "font-semibold text-amber-800" : "text-slate-600",
                          )}
                        >
                          {d.retained === null ? "en attente" : signed(d.difference)}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
                <tfoot className="border-t border-slate-200 bg-slate-50 font-semibold">
                  <tr data-testid="releve-totaux">
                    <th scope="row" className="px-2 py-2 sm:px-4">
                      Total
                    </th>
                    <td className="px-1 py-2 text-right">{formatHours(totals.planned)}</td>
                    <td className="px-1 py-2 text-right">{formatHours(totals.client)}</td>
                    <td className="px-1 py-2 text-right">{totals.agency ? formatHours(totals.agency) : "–"}</td>
                    <td className="px-2 py-2 text-right sm:px-4">{signed(totals.difference)}</td>
                  </tr>
                </tfoot>
              </table>
              <p className="px-4 py-3 text-sm text-slate-700" data-testid="releve-retenu">
                Heures retenues : {formatHours(totals.retained)}
                {totals.pending ? ` · en attente de validation : ${formatHours(totals.pending)}` : ""}
              </p>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}

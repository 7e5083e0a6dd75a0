import type { Metadata } from "next";
import Link from "next/link";
import { clientPages } from "@/components/shell/nav";
import { WEEKDAYS, gridRow } from "@/components/timesheets/grid-row";
import { WeekGrid } from "@/components/timesheets/week-grid";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireClient } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { CLIENT_WEEK_PAGE_SIZE, clientWeekRows } from "@/lib/timesheets/queries";
import { addDays, frenchDayMonth, isoDate, parseIsoDate, periodLabel, weekAt, weekOf } from "@/lib/timesheets/rules";
import { saveWeekAction } from "./actions";

const page = clientPages.heures;
export const metadata: Metadata = { title: page.title };

export default async function TimesheetEntryPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireClient();
  const params = await searchParams;
  const today = await now();
  const chosen = parseIsoDate(typeof params.semaine === "string" ? params.semaine : null);
  const week = chosen ? weekOf(chosen) : weekAt(today);
  const current = weekAt(today);
  const ref = typeof params.ref === "string" ? params.ref.slice(0, 40) : "";
  const asked = typeof params.page === "string" ? Number.parseInt(params.page, 10) || 1 : 1;
  const { rows, count, page: shown, pageCount } = await clientWeekRows(user, week, today, ref, asked);

  const link = (monday: Date) => {
    const q = new URLSearchParams({ semaine: isoDate(monday) });
    if (ref) q.set("ref", ref);
    return `/client?${q}`;
  };
  const days = week.days.map((d, i) => ({ iso: isoDate(d), label: frenchDayMonth(d), weekday: WEEKDAYS[i] }));
  // A submitted week stays open for its days not yet worked when it was submitted.
  const gridRows = rows.map((r) =>
    gridRow(r, r.status === "SUBMITTED" && !r.days.some((d) => d.inContract && !d.future && !d.submitted), true),
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title={page.title}
        description={
          <p>
            Saisissez chaque semaine les heures travaillées par les intérimaires en mission chez vous, enregistrez un brouillon si besoin,
            puis transmettez-les à l&apos;agence. Les heures transmises sont validées sur le planning de l&apos;intérimaire.
          </p>
        }
      />

      <section aria-labelledby="periode" className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <h2 id="periode" className="sr-only">
          Période et contrat
        </h2>
        <div className="flex flex-wrap items-end gap-3">
          <div>
            <p className="text-sm font-medium text-slate-800">Choisir une période</p>
            <p className="mt-1 text-lg font-semibold text-slate-900 tabular-nums" data-testid="periode">
              {periodLabel(week)}
            </p>
            <p className="text-sm text-slate-500">Semaine {week.number}</p>
          </div>
          <nav aria-label="Changer de semaine" className="flex flex-wrap gap-2">
            <Link href={link(addDays(week.monday, -7))} className={buttonClasses({ variant: "secondary", size: "sm" })}>
              ‹ Semaine précédente
            </Link>
            <Link href={link(addDays(week.monday, 7))} className={buttonClasses({ variant: "secondary", size: "sm" })}>
              Semaine suivante ›
            </Link>
            <Link
              href={ref ? `/client?ref=${encodeURIComponent(ref)}` : "/client"}
              aria-current={isoDate(week.monday) === isoDate(current.monday) ? "page" : undefined}
              className={buttonClasses({ variant: "ghost", size: "sm" })}
            >
              Semaine actuelle
            </Link>
          </nav>
        </div>
        <form key={`${isoDate(week.monday)}-${ref}`} method="get" action="/client" className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="semaine" className="block text-sm font-medium text-slate-800">
              Semaine du
            </label>
            <input
              id="semaine"
              name="semaine"
              type="date"
              defaultValue={isoDate(week.monday)}
              className="mt-1 rounded-lg border border-slate-300 px-3 py-2"
            />
          </div>
          <div>
            <label htmlFor="ref" className="block text-sm font-medium text-slate-800">
              Références ou contrat
            </label>
            <input
              id="ref"
              name="ref"
              defaultValue={ref}
              placeholder="N° de contrat ou référence"
              className="mt-1 rounded-lg border border-slate-300 px-3 py-2"
            />
          </div>
          <button type="submit" className={buttonClasses({ size: "md" })}>
            Afficher
          </button>
          {ref ? (
            <Link href={`/client?semaine=${isoDate(week.monday)}`} className={buttonClasses({ variant: "ghost", size: "md" })}>
              Effacer le filtre
            </Link>
          ) : null}
        </form>
      </section>

      {rows.length === 0 ? (
        <EmptyState
          title={ref ? `Aucun contrat « ${ref} » sur cette semaine` : "Aucun intérimaire en mission chez vous cette semaine"}
          description="Choisissez une autre période ou un autre contrat."
        />
      ) : (
        <section aria-labelledby="heures" className="space-y-2">
          <h2 id="heures" className="text-lg font-semibold text-slate-900">
            Heures travaillées du {periodLabel(week)}
          </h2>
          {pageCount > 1 ? (
            <p className="text-sm font-medium text-slate-800" data-testid="lignes">
              Intérimaires {(shown - 1) * CLIENT_WEEK_PAGE_SIZE + 1} à {(shown - 1) * CLIENT_WEEK_PAGE_SIZE + rows.length} sur {count} :
              enregistrez ou transmettez chaque page.
            </p>
          ) : null}
          <p className="text-sm text-slate-600">
            Les heures sont pré-remplies d&apos;après le planning prévu, jusqu&apos;à l&apos;heure actuelle : un jour pas encore travaillé
            ne se saisit pas. Saisissez une durée par jour (7, 7,5 ou 7h30) : 10 heures au plus par jour (12 heures avec un accord collectif
            enregistré par l&apos;agence) et 48 heures par semaine. Le détail de chaque jour (heures de nuit, dimanche, férié, paniers,
            déplacements, absence) s&apos;ouvre sous chaque intérimaire.
          </p>
          <WeekGrid
            key={`${isoDate(week.monday)}-${ref}-${shown}`}
            weekNumber={week.number}
            days={days}
            rows={gridRows}
            action={saveWeekAction}
            hidden={{ semaine: isoDate(week.monday) }}
            mode="client"
          />
          <Pagination
            page={shown}
            pageCount={pageCount}
            pathname="/client"
            searchParams={{ semaine: isoDate(week.monday), ref: ref || undefined }}
          />
        </section>
      )}
    </div>
  );
}

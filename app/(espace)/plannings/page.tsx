import type { Metadata } from "next";
import Link from "next/link";
import { DayList, MonthView } from "@/components/missions/planning-views";
import { workerPages } from "@/components/shell/nav";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { cx } from "@/components/ui/cx";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorker } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { parisCalendarDate } from "@/lib/format";
import {
  addDays,
  endOfMonth,
  keyOf,
  parseDayKey,
  parseView,
  shiftAnchor,
  startOfMonth,
  viewRange,
  type View,
} from "@/lib/missions/calendar";
import { monthHoursSplit, monthSplitLabel, monthTotalLabel } from "@/lib/missions/hours";
import { planningSlots, validatedDays } from "@/lib/missions/planning";
import { calendarTokenOf } from "@/lib/missions/calendar-feed";
import { absoluteUrl } from "@/lib/url";
import { renewCalendarToken } from "./actions";
import { formatCalendarDayMonth, formatCalendarLongDate, formatCalendarMonth } from "@/lib/format";

const page = workerPages.plannings;
export const metadata: Metadata = { title: page.title };

const href = (view: View, day: Date) => `/plannings?vue=${view}&date=${keyOf(day)}`;

export default async function PlanningPage({ searchParams }: { searchParams: Promise<{ vue?: string; date?: string }> }) {
  const user = await requireWorker();
  const sp = await searchParams;
  const view = parseView(sp.vue);
  const today = parisCalendarDate(await now());
  const anchor = parseDayKey(sp.date) ?? today;
  const range = viewRange(view, anchor);
  const monthStart = startOfMonth(anchor);
  const monthEnd = endOfMonth(anchor);
  const queryStart = range.start < monthStart ? range.start : monthStart;
  const queryEnd = range.end > monthEnd ? range.end : monthEnd;
  const days = await validatedDays(user.workerId, queryStart, queryEnd);
  const [slots, profile] = await Promise.all([planningSlots(user.workerId, queryStart, queryEnd, days), calendarTokenOf(user)]);
  const month = anchor.getUTCMonth() + 1;
  // The hours that will be paid (validated, as corrected) and those only planned.
  const split = monthHoursSplit(slots, days, anchor.getUTCFullYear(), month);
  const total = split.validated + split.planned;
  const inRange = slots.filter((s) => s.dayKey >= keyOf(range.start) && s.dayKey <= keyOf(range.end));
  const title =
    view === "mois"
      ? formatCalendarMonth(anchor)
      : view === "semaine"
        ? `Semaine du ${formatCalendarDayMonth(range.start)} au ${formatCalendarDayMonth(range.end)}`
        : formatCalendarLongDate(anchor);
  const feedUrl = profile.calendarToken ? await absoluteUrl(`/calendrier/${profile.calendarToken}.ics`) : null;

  return (
    <>
      <PageHeader
        title={page.title}
        breadcrumbs={page.breadcrumbs}
        description="Il s'affiche par défaut le planning du mois en cours. Vous pouvez cliquer sur les créneaux de couleur : cela ouvre la page du contrat correspondant. Les créneaux gris clair correspondent aux dates en attente de validation."
      />

      <Card className="mb-4" padded={false}>
        <div className="flex flex-wrap items-center justify-between gap-3 p-4">
          <div>
            <p className="text-sm text-slate-600">Total de vos heures du mois ({formatCalendarMonth(anchor)})</p>
            <p className="text-xl font-bold text-slate-900" data-testid="month-total">
              {monthTotalLabel(total)}
            </p>
            <p className="text-sm text-slate-700" data-testid="month-split">
              {monthSplitLabel(split)} ·{" "}
              <Link href={`/plannings/releve?vue=mois&date=${keyOf(anchor)}`} className="text-brand-700 font-medium underline">
                Relevé d&apos;heures
              </Link>
            </p>
          </div>
          <nav aria-label="Affichage du planning" className="flex gap-1 rounded-lg bg-slate-100 p-1">
            {(["mois", "semaine", "jour"] as View[]).map((v) => (
              <Link
                key={v}
                href={href(v, anchor)}
                aria-current={v === view ? "page" : undefined}
                className={cx(
                  "min-h-9 rounded-md px-3 py-1.5 text-sm font-medium",
                  v === view ? "text-brand-800 bg-white shadow-sm" : "text-slate-600 hover:text-slate-900",
                )}
              >
                {v === "mois" ? "Mois" : v === "semaine" ? "Semaine" : "Jour"}
              </Link>
            ))}
          </nav>
        </div>
      </Card>

      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-semibold text-slate-900 first-letter:uppercase" data-testid="planning-title">
          {title}
        </h2>
        <div className="flex gap-2">
          <ButtonLink href={href(view, shiftAnchor(view, anchor, -1))} variant="secondary" size="sm" rel="prev">
            <span aria-hidden="true">‹</span> Précédent
          </ButtonLink>
          <ButtonLink href={href(view, today)} variant="secondary" size="sm">
            Aujourd&apos;hui
          </ButtonLink>
          <ButtonLink href={href(view, shiftAnchor(view, anchor, 1))} variant="secondary" size="sm" rel="next">
            Suivant <span aria-hidden="true">›</span>
          </ButtonLink>
        </div>
      </div>

      {view === "mois" ? (
        <MonthView start={range.start} end={range.end} month={month} todayKey={keyOf(today)} slots={inRange} />
      ) : (
        <DayList
          slots={inRange}
          todayKey={keyOf(today)}
          empty="Aucun créneau."
          days={view === "semaine" ? Array.from({ length: 7 }, (_, i) => addDays(range.start, i)) : [anchor]}
        />
      )}

      <ul className="mt-3 flex flex-wrap gap-4 text-xs text-slate-600" aria-label="Légende">
        <li className="flex items-center gap-1.5">
          <span className="bg-brand-600 inline-block size-3 rounded" /> Créneau validé
        </li>
        <li className="flex items-center gap-1.5">
          <span className="inline-block size-3 rounded bg-slate-200" /> En attente de validation
        </li>
        <li className="flex items-center gap-1.5">
          <span className="inline-block size-3 rounded bg-amber-100" /> Absence
        </li>
      </ul>

      <Card as="section" className="mt-6" aria-labelledby="agenda-titre">
        <CardHeader
          id="agenda-titre"
          title="Mon planning dans l'agenda de mon téléphone"
          description="Abonnez votre agenda (Google Agenda, Calendrier d'iPhone, Outlook…) à cette adresse privée : vos créneaux s'y afficheront et se mettront à jour. Ne la partagez pas ; si elle a circulé, renouvelez-la."
        />
        {feedUrl ? (
          <p className="mb-3 rounded-lg bg-slate-50 p-3 font-mono text-sm break-all text-slate-800" data-testid="feed-url">
            {feedUrl}
          </p>
        ) : null}
        <form action={renewCalendarToken}>
          <Button type="submit" variant="secondary">
            {feedUrl ? "Renouveler l'adresse" : "Créer mon adresse d'agenda"}
          </Button>
        </form>
      </Card>
    </>
  );
}

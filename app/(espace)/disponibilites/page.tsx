import type { Metadata } from "next";
import { REFUSAL_SIGNED_MISSION, SIGNED_MISSION_MESSAGE } from "@/lib/missions/rules";
import { Alert } from "@/components/ui/alert";
import { parseIsoMonth } from "@/lib/time/dates";
import { AvailabilityCalendar } from "@/components/missions/availability-calendar";
import { AvailabilityForm } from "@/components/missions/availability-form";
import { workerPages } from "@/components/shell/nav";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorker } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { workerAvailabilities } from "@/lib/missions/availability-queries";
import { parisCalendarDate } from "@/lib/format";
import { DAY_PARTS } from "@/lib/missions/availability";
import { addDays, addMonths, endOfMonth, keyOf, mondayOf, startOfMonth } from "@/lib/missions/calendar";
import { removeAvailability, toggleAvailability } from "./actions";
import { formatCalendarLongDate, formatCalendarMonth } from "@/lib/format";

const page = workerPages.disponibilites;
export const metadata: Metadata = { title: page.title };

function parseMonth(v: string | undefined, fallback: Date): Date {
  return parseIsoMonth(v) ?? startOfMonth(fallback);
}

export default async function AvailabilityPage({ searchParams }: { searchParams: Promise<{ mois?: string; refus?: string }> }) {
  const user = await requireWorker();
  const today = parisCalendarDate(await now());
  const params = await searchParams;
  const month = parseMonth(params.mois, today);
  const gridStart = mondayOf(month);
  const gridEnd = addDays(mondayOf(endOfMonth(month)), 6);
  const { entries, upcoming, missions } = await workerAvailabilities(user, gridStart, gridEnd, today);
  const monthKey = (d: Date) => keyOf(d).slice(0, 7);

  return (
    <>
      <PageHeader
        title={page.title}
        breadcrumbs={page.breadcrumbs}
        description="Indiquez à votre agence les jours, ou moments de la journée, où vous êtes disponible ou indisponible. Les dates passées ne peuvent plus être modifiées."
      />
      {params.refus === REFUSAL_SIGNED_MISSION ? (
        <div className="mb-4">
          <Alert variant="error">{SIGNED_MISSION_MESSAGE}</Alert>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[2fr_3fr]">
        <Card as="section" aria-labelledby="ajout-titre">
          <CardHeader id="ajout-titre" title="Renseigner mes disponibilités" />
          <AvailabilityForm minDay={keyOf(today)} />
        </Card>
        <section aria-labelledby="calendrier-titre">
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
            <h2 id="calendrier-titre" className="text-lg font-semibold text-slate-900 first-letter:uppercase">
              {formatCalendarMonth(month)}
            </h2>
            <div className="flex gap-2">
              <ButtonLink href={`/disponibilites?mois=${monthKey(addMonths(month, -1))}`} variant="secondary" size="sm">
                Précédent
              </ButtonLink>
              <ButtonLink href="/disponibilites" variant="secondary" size="sm">
                Aujourd&apos;hui
              </ButtonLink>
              <ButtonLink href={`/disponibilites?mois=${monthKey(addMonths(month, 1))}`} variant="secondary" size="sm">
                Suivant
              </ButtonLink>
            </div>
          </div>
          <AvailabilityCalendar month={month} entries={entries} missions={missions} todayKey={keyOf(today)} />
        </section>
      </div>

      <Card as="section" className="mt-6" aria-labelledby="liste-titre">
        <CardHeader id="liste-titre" title="Mes prochaines disponibilités" description="Modifiez ou supprimez un créneau à venir." />
        {upcoming.length === 0 ? (
          <p className="text-slate-600">Aucune disponibilité renseignée à venir.</p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="availability-list">
            {upcoming.map((a) => {
              const part = DAY_PARTS.find((p) => p.part === a.part)!.label;
              const label = `${formatCalendarLongDate(a.date)} – ${part}`;
              return (
                <li
                  key={a.id}
                  className="flex flex-wrap items-center justify-between gap-2 py-2"
                  data-testid="availability-item"
                  data-day={keyOf(a.date)}
                >
                  <span className="first-letter:uppercase">
                    {label} <Badge tone={a.available ? "success" : "danger"}>{a.available ? "Disponible" : "Indisponible"}</Badge>
                  </span>
                  <span className="flex gap-1">
                    <form action={toggleAvailability}>
                      <input type="hidden" name="id" value={a.id} />
                      <Button
                        type="submit"
                        size="sm"
                        variant="ghost"
                        aria-label={`Passer en ${a.available ? "indisponible" : "disponible"} : ${label}`}
                      >
                        {a.available ? "Passer en indisponible" : "Passer en disponible"}
                      </Button>
                    </form>
                    <form action={removeAvailability}>
                      <input type="hidden" name="id" value={a.id} />
                      <Button type="submit" size="sm" variant="ghost" aria-label={`Supprimer : ${label}`}>
                        Supprimer
                      </Button>
                    </form>
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </>
  );
}

import type { Metadata } from "next";
import { idParam } from "@/lib/http/params";
import { notFound } from "next/navigation";
import { WEEKDAYS, gridRow } from "@/components/timesheets/grid-row";
import { WeekGrid } from "@/components/timesheets/week-grid";
import { adminPages } from "@/components/shell/nav";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { auditLabel } from "@/lib/audit/events";
import { formatDate, formatDateTime, formatTime } from "@/lib/format";
import { rowsForContract, staffTimesheet, staffTimesheetDetails } from "@/lib/timesheets/queries";
import { formatHours, frenchDate, frenchDayMonth, isoDate, periodLabel, shiftMinutes, weekOf } from "@/lib/timesheets/rules";
import { correctTimesheetAction } from "../actions";

export const metadata: Metadata = { title: "Relevé d'heures" };

type Change = { date: string; old: number; new: number };

export default async function StaffTimesheetPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff();
  const id = await idParam(params);
  const sheet = await staffTimesheet(staff, id);
  if (!sheet) notFound();
  const week = weekOf(sheet.weekStart);
  const [row] = await rowsForContract(sheet.contract, week, await now());
  const { shifts, history } = await staffTimesheetDetails(staff, sheet, week);
  const days = week.days.map((d, i) => ({ iso: isoDate(d), label: frenchDayMonth(d), weekday: WEEKDAYS[i] }));
  const title = `Relevé d'heures – ${row.workerName}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={title}
        breadcrumbs={[
          { label: "Accueil", href: "/admin" },
          { label: adminPages.heures.title, href: `/admin/heures?semaine=${isoDate(week.monday)}` },
          { label: row.workerName },
        ]}
        description={
          <p>
            Semaine {week.number} : {periodLabel(week)} · contrat {row.contractNumber} ({row.reference}) ·{" "}
            {sheet.status === "SUBMITTED" ? "heures transmises" : "brouillon du client, pas encore transmis"}
          </p>
        }
      />
      <WeekGrid
        weekNumber={week.number}
        days={days}
        rows={[gridRow(row, sheet.status !== "SUBMITTED")]}
        action={correctTimesheetAction}
        hidden={{ timesheetId: sheet.id, version: row.updatedAt?.toISOString() ?? "" }}
        mode="staff"
      />
      <Card as="section" aria-labelledby="creneaux">
        <h2 id="creneaux" className="mb-3 text-lg font-semibold">
          Créneaux du planning
        </h2>
        {shifts.length === 0 ? (
          <p className="text-sm text-slate-600">Aucun créneau prévu cette semaine.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {shifts.map((s) => (
              <li key={s.id} className="flex flex-wrap justify-between gap-2 py-2" data-testid="creneau">
                <span>
                  {formatDate(s.startsAt)} {formatTime(s.startsAt)}–{formatTime(s.endsAt)} ({formatHours(shiftMinutes(s))})
                  {s.kind === "ABSENCE" ? ` · absent : ${s.absenceCode ?? ""}` : ""}
                </span>
                <span className={s.validated ? "font-medium text-green-700" : "text-slate-500"}>
                  {s.validated ? `Validé${s.validatedAt ? ` le ${formatDateTime(s.validatedAt)}` : ""}` : "En attente de validation"}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card as="section" aria-labelledby="historique">
        <h2 id="historique" className="mb-3 text-lg font-semibold">
          Historique
        </h2>
        <ul className="space-y-2 text-sm">
          {history.map((h) => {
            const changes = ((h.details as { changes?: Change[] } | null)?.changes ?? []) as Change[];
            return (
              <li key={h.id} data-testid="historique">
                <span className="font-medium">{auditLabel(h.action)}</span> le {formatDateTime(h.createdAt)}
                {h.actor ? ` par ${h.actor.firstName} ${h.actor.lastName}` : ""}
                {changes.length ? (
                  <ul className="ml-4 list-disc text-slate-700">
                    {changes.map((c) => (
                      <li key={c.date}>
                        {frenchDate(new Date(`${c.date}T00:00:00Z`))} : {formatHours(c.old)} → {formatHours(c.new)}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ul>
      </Card>
    </div>
  );
}

// A month of a worker's availabilities (used by the worker and by staff), with
// the worker's own missions on their days when given, so nobody marks a
// booked day "disponible" without seeing it.
import Link from "next/link";
import { cx } from "@/components/ui/cx";
import type { DayPart } from "@/lib/generated/prisma/enums";
import type { MissionDay } from "@/lib/missions/availability-queries";
import { dayFromKey, isoWeek, keyOf, startOfMonth } from "@/lib/missions/calendar";
import { monthGrid } from "@/lib/missions/month-grid";
import { DAY_PARTS } from "@/lib/missions/availability";
import { formatCalendarLongDate, formatCalendarMonth, formatTime } from "@/lib/format";

export type AvailabilityEntry = { date: Date; part: DayPart; available: boolean };

const WEEKDAYS = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."];

// Labels wrap inside their day, never cut: short forms keep them on one line where there is room.
// relative: the screen-reader words (position: absolute) stay inside the mark, never past the screen.
const LABEL = "relative block rounded px-0.5 text-[10px] leading-tight break-words sm:px-1 sm:text-[11px] sm:leading-4";

function partOf(part: DayPart) {
  return DAY_PARTS.find((p) => p.part === part)!;
}

function MissionLink({ mission }: { mission: MissionDay }) {
  const hours = mission.shifts.map((s) => `${formatTime(s.startsAt)}-${formatTime(s.endsAt)}`).join(", ");
  return (
    <Link
      href={`/contrats/${mission.contractId}`}
      // A month of links in view: no prefetch of each contract.
      prefetch={false}
      data-testid="mission-mark"
      title={`${mission.client} – ${mission.site}, ${hours}`}
      className={cx(LABEL, "hover:ring-brand-500 bg-sky-100 text-sky-900 underline-offset-2 hover:underline hover:ring-2")}
    >
      <span className="sm:font-semibold">Mission</span>
      <span className="sr-only">
        {" "}
        le {formatCalendarLongDate(dayFromKey(mission.dayKey))}, {hours},
      </span>{" "}
      {/* On phones the day is too narrow for the client's name: it is read, not shown. */}
      <span className="sr-only sm:not-sr-only sm:block sm:text-[10px]">{mission.client}</span>
      <span className="sr-only">
        {" "}
        – {mission.site}, contrat n° {mission.contractNumber}
        {mission.toSign ? ", à signer" : ""}
      </span>
    </Link>
  );
}

export function AvailabilityCalendar({
  month,
  entries,
  todayKey,
  missions,
}: {
  month: Date;
  entries: AvailabilityEntry[];
  todayKey: string;
  /** The worker's own missions of the grid; the legend names them only when given. */
  missions?: MissionDay[];
}) {
  const first = startOfMonth(month);
  const byDay = new Map<string, AvailabilityEntry[]>();
  for (const e of entries) byDay.set(keyOf(e.date), [...(byDay.get(keyOf(e.date)) ?? []), e]);
  const missionsByDay = new Map<string, MissionDay[]>();
  for (const m of missions ?? []) missionsByDay.set(m.dayKey, [...(missionsByDay.get(m.dayKey) ?? []), m]);
  const weeks = monthGrid(month);
  const order = (p: DayPart) => DAY_PARTS.findIndex((x) => x.part === p);
  return (
    <div>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
        <table
          className="w-full min-w-[320px] table-fixed border-collapse text-xs"
          aria-label={`Disponibilités de ${formatCalendarMonth(first)}`}
        >
          <thead className="bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="w-5 px-0 py-2 font-semibold sm:w-9 sm:px-1">
                <span aria-hidden="true" className="sm:hidden">
                  S.
                </span>
                <span aria-hidden="true" className="hidden sm:inline">
                  Sem.
                </span>
                <span className="sr-only">Semaine</span>
              </th>
              {WEEKDAYS.map((d) => (
                <th key={d} scope="col" className="px-0 py-2 font-semibold sm:px-1">
                  {d}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={keyOf(week[0])} className="border-t border-slate-200 align-top">
                <th scope="row" className="px-0 py-1 text-[10px] font-medium text-slate-500 sm:px-1 sm:text-xs">
                  {isoWeek(week[0])}
                </th>
                {week.map((day) => {
                  const key = keyOf(day);
                  const inMonth = day.getUTCMonth() === first.getUTCMonth();
                  const items = (byDay.get(key) ?? []).sort((a, b) => order(a.part) - order(b.part));
                  const booked = missionsByDay.get(key) ?? [];
                  return (
                    <td
                      key={key}
                      data-day={key}
                      className={cx(
                        "h-16 border-l border-slate-100 px-0 py-0.5 sm:p-1",
                        !inMonth && "bg-slate-50/70",
                        key < todayKey && "bg-slate-100/70",
                      )}
                    >
                      <div
                        className={cx(
                          "mb-0.5 px-0.5 font-semibold sm:px-0",
                          key === todayKey ? "text-brand-700" : inMonth && key >= todayKey ? "text-slate-700" : "text-slate-600",
                        )}
                      >
                        {day.getUTCDate()}
                      </div>
                      <ul className="space-y-0.5">
                        {booked.map((m) => (
                          <li key={m.contractId}>
                            <MissionLink mission={m} />
                          </li>
                        ))}
                        {items.map((e) => (
                          <li
                            key={e.part}
                            data-testid="availability-mark"
                            className={cx(LABEL, e.available ? "bg-green-100 text-green-900" : "bg-red-100 text-red-900")}
                            title={`${partOf(e.part).label} : ${e.available ? "disponible" : "indisponible"}`}
                          >
                            <span aria-hidden="true">
                              {e.available ? "✓" : "✕"} {partOf(e.part).short}
                            </span>
                            <span className="sr-only">
                              {partOf(e.part).label} : {e.available ? "disponible" : "indisponible"}
                            </span>
                          </li>
                        ))}
                      </ul>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label="Légende du calendrier">
        <li>
          <span className="rounded bg-green-100 px-1 text-green-900">✓ Disponible</span>
        </li>
        <li>
          <span className="rounded bg-red-100 px-1 text-red-900">✕ Indisponible</span>
        </li>
        <li>Journée : journée entière · Aprèm : après-midi</li>
        {missions ? (
          <li>
            <span className="rounded bg-sky-100 px-1 font-semibold text-sky-900">Mission</span> : vous êtes déjà en mission ce jour-là
            (contrat en cours ou à signer) ; ouvrez-la pour voir le contrat.
          </li>
        ) : null}
      </ul>
    </div>
  );
}

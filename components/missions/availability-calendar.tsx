// A month of a worker's availabilities (used by the worker and by staff).
import { cx } from "@/components/ui/cx";
import type { DayPart } from "@/lib/generated/prisma/enums";
import { isoWeek, keyOf, startOfMonth } from "@/lib/missions/calendar";
import { monthGrid } from "@/lib/missions/month-grid";
import { DAY_PARTS } from "@/lib/missions/availability";
import { formatCalendarMonth } from "@/lib/format";

export type AvailabilityEntry = { date: Date; part: DayPart; available: boolean };

const WEEKDAYS = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."];

export function AvailabilityCalendar({ month, entries, todayKey }: { month: Date; entries: AvailabilityEntry[]; todayKey: string }) {
  const first = startOfMonth(month);
  const byDay = new Map<string, AvailabilityEntry[]>();
  for (const e of entries) byDay.set(keyOf(e.date), [...(byDay.get(keyOf(e.date)) ?? []), e]);
  const weeks = monthGrid(month);
  const order = (p: DayPart) => DAY_PARTS.findIndex((x) => x.part === p);
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table
        className="w-full min-w-[340px] table-fixed border-collapse text-xs"
        aria-label={`Disponibilités de ${formatCalendarMonth(first)}`}
      >
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            <th scope="col" className="w-9 px-1 py-2 font-semibold">
              Sem.
            </th>
            {WEEKDAYS.map((d) => (
              <th key={d} scope="col" className="px-1 py-2 font-semibold">
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={keyOf(week[0])} className="border-t border-slate-200 align-top">
              <th scope="row" className="px-1 py-1 font-medium text-slate-500">
                {isoWeek(week[0])}
              </th>
              {week.map((day) => {
                const key = keyOf(day);
                const inMonth = day.getUTCMonth() === first.getUTCMonth();
                const items = (byDay.get(key) ?? []).sort((a, b) => order(a.part) - order(b.part));
                return (
                  <td
                    key={key}
                    data-day={key}
                    className={cx(
                      "h-16 border-l border-slate-100 p-0.5 sm:p-1",
                      !inMonth && "bg-slate-50/70",
                      key < todayKey && "bg-slate-100/70",
                    )}
                  >
                    <div
                      className={cx(
                        "mb-0.5 font-semibold",
                        key === todayKey ? "text-brand-700" : inMonth && key >= todayKey ? "text-slate-700" : "text-slate-600",
                      )}
                    >
                      {day.getUTCDate()}
                    </div>
                    <ul className="space-y-0.5">
                      {items.map((e) => (
                        <li
                          key={e.part}
                          data-testid="availability-mark"
                          className={cx(
                            // relative: the screen-reader word (position: absolute) stays inside the mark, not past the screen.
                            "relative truncate rounded px-1 text-[11px] leading-4",
                            e.available ? "bg-green-100 text-green-900" : "bg-red-100 text-red-900",
                          )}
                          title={`${DAY_PARTS.find((p) => p.part === e.part)?.label} : ${e.available ? "disponible" : "indisponible"}`}
                        >
                          <span aria-hidden="true">{e.available ? "✓ " : "✕ "}</span>
                          {DAY_PARTS.find((p) => p.part === e.part)?.short}
                          <span className="sr-only">{e.available ? " disponible" : " indisponible"}</span>
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
  );
}

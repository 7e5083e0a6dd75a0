import Link from "next/link";
import { cx } from "@/components/ui/cx";
import { dayFromKey, isoWeek, keyOf } from "@/lib/missions/calendar";
import { gridWeeks } from "@/lib/missions/month-grid";
import type { PlanningSlot } from "@/lib/missions/planning";
import { formatCalendarLongDate } from "@/lib/format";

const WEEKDAYS = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."];

export function SlotLink({ slot }: { slot: PlanningSlot }) {
  return (
    <Link
      href={`/contrats/${slot.contractId}`}
      data-testid="planning-slot"
      data-validated={slot.validated ? "1" : "0"}
      title={slot.validated ? undefined : "En attente de validation"}
      className={cx(
        "hover:ring-brand-500 block rounded-md px-1.5 py-1 text-xs leading-snug break-words hover:ring-2",
        slot.absence ? "bg-amber-100 text-amber-900" : slot.validated ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-700",
      )}
    >
      {slot.text}
      {slot.validated ? null : <span className="sr-only"> (en attente de validation)</span>}
    </Link>
  );
}

function byDay(slots: PlanningSlot[]) {
  const map = new Map<string, PlanningSlot[]>();
  for (const s of slots) map.set(s.dayKey, [...(map.get(s.dayKey) ?? []), s]);
  return map;
}

/** Month grid on larger screens; on phones, the days that have slots as a list. */
export function MonthView({
  start,
  end,
  month,
  todayKey,
  slots,
}: {
  start: Date;
  end: Date;
  month: number;
  todayKey: string;
  slots: PlanningSlot[];
}) {
  const days = byDay(slots);
  const weeks = gridWeeks(start, end);
  return (
    <>
      <div className="hidden overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm sm:block">
        <table className="w-full table-fixed border-collapse text-sm" aria-label="Planning du mois">
          <thead className="bg-slate-50 text-xs text-slate-600">
            <tr>
              <th scope="col" className="w-12 px-2 py-2 font-semibold">
                Sem.
              </th>
              {WEEKDAYS.map((d) => (
                <th key={d} scope="col" className="px-2 py-2 font-semibold">
                  {d}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={keyOf(week[0])} className="border-t border-slate-200 align-top">
                <th scope="row" className="px-2 py-2 text-xs font-medium text-slate-500">
                  {isoWeek(week[0])}
                </th>
                {week.map((day) => {
                  const key = keyOf(day);
                  const inMonth = day.getUTCMonth() + 1 === month;
                  return (
                    <td key={key} className={cx("h-24 border-l border-slate-100 p-1", !inMonth && "bg-slate-50/70")} data-day={key}>
                      <div
                        className={cx(
                          "mb-1 text-xs font-semibold",
                          key === todayKey
                            ? "bg-brand-600 inline-flex size-6 items-center justify-center rounded-full text-white"
                            : inMonth
                              ? "text-slate-700"
                              : "text-slate-500",
                        )}
                      >
                        {day.getUTCDate()}
                      </div>
                      <div className="space-y-1">
                        {(days.get(key) ?? []).map((s) => (
                          <SlotLink key={s.id} slot={s} />
                        ))}
                      </div>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="sm:hidden">
        <DayList
          slots={slots.filter((s) => dayFromKey(s.dayKey).getUTCMonth() + 1 === month)}
          todayKey={todayKey}
          empty="Aucun créneau ce mois-ci."
        />
      </div>
    </>
  );
}

/** Days with their slots, one under the other (week and day views, and the month on phones). */
export function DayList({
  slots,
  todayKey,
  empty,
  days: allDays,
}: {
  slots: PlanningSlot[];
  todayKey: string;
  empty: string;
  days?: Date[];
}) {
  const days = byDay(slots);
  const keys = allDays ? allDays.map(keyOf) : [...days.keys()].sort();
  if (!keys.length || (!allDays && !slots.length))
    return <p className="rounded-xl border border-slate-200 bg-white p-4 text-slate-600">{empty}</p>;
  return (
    <ol className="space-y-2">
      {keys.map((key) => (
        <li key={key} className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm" data-day={key}>
          <h3 className={cx("mb-2 text-sm font-semibold first-letter:uppercase", key === todayKey ? "text-brand-700" : "text-slate-800")}>
            {formatCalendarLongDate(dayFromKey(key), { withYear: false })}
            {key === todayKey ? " (aujourd'hui)" : ""}
          </h3>
          {(days.get(key) ?? []).length ? (
            <div className="space-y-1.5">
              {(days.get(key) ?? []).map((s) => (
                <SlotLink key={s.id} slot={s} />
              ))}
            </div>
          ) : (
            <p className="text-sm text-slate-500">Aucun créneau</p>
          )}
        </li>
      ))}
    </ol>
  );
}

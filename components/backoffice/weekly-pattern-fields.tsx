import { InputField } from "@/components/ui/field";
import { WEEKDAYS } from "@/lib/backoffice/schemas";

/** Days of the week + start, end and break: the weekly pattern shifts are generated from. */
export function WeeklyPatternFields({
  errorFor,
  defaults = { start: "", end: "", breakMinutes: "0", weekdays: [1, 2, 3, 4, 5] },
  idPrefix = "motif",
}: {
  errorFor: (name: string) => string | undefined;
  defaults?: { start: string; end: string; breakMinutes: string; weekdays: number[] };
  idPrefix?: string;
}) {
  // A refusal of the generated shifts (booked elsewhere, working time) is shown with the days.
  const weekdaysError = errorFor("weekdays") ?? errorFor("shifts");
  return (
    <div className="space-y-4">
      <fieldset aria-describedby={weekdaysError ? `${idPrefix}-jours-erreur` : undefined}>
        <legend className="text-sm font-medium text-slate-800">Jours travaillés chaque semaine</legend>
        <div className="mt-2 flex flex-wrap gap-2">
          {WEEKDAYS.map((d) => (
            <label
              key={d.n}
              className="has-checked:border-brand-500 has-checked:bg-brand-50 inline-flex min-h-11 items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 text-sm"
            >
              <input
                type="checkbox"
                name={`day${d.n}`}
                defaultChecked={defaults.weekdays.includes(d.n)}
                className="accent-brand-600 size-4"
              />
              {d.label}
            </label>
          ))}
        </div>
        {weekdaysError ? (
          <p id={`${idPrefix}-jours-erreur`} className="mt-1 text-sm font-medium text-red-700">
            {weekdaysError}
          </p>
        ) : null}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <InputField
          id={`${idPrefix}-debut`}
          label="Heure de début"
          name="start"
          type="time"
          required
          defaultValue={defaults.start}
          error={errorFor("start")}
        />
        <InputField
          id={`${idPrefix}-fin`}
          label="Heure de fin"
          name="end"
          type="time"
          required
          defaultValue={defaults.end}
          error={errorFor("end")}
          hint="Une fin avant le début termine le lendemain (nuit)."
        />
        <InputField
          id={`${idPrefix}-pause`}
          label="Pause (minutes)"
          name="breakMinutes"
          type="number"
          min={0}
          max={240}
          defaultValue={defaults.breakMinutes}
          error={errorFor("breakMinutes")}
        />
      </div>
    </div>
  );
}

"use client";

import { Fragment, startTransition, useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { ABSENCE_CODES, MAX_WEEK_MINUTES, formatHours, overtimeMinutes, parseHours, type ExtraField } from "@/lib/timesheets/rules";
import { errorOf, successOf, fieldErrorsIn, initialActionState, type ActionState, type Result } from "@/lib/result";

export type WeekGridDay = { iso: string; label: string; weekday: string };
export type WeekGridRow = {
  contractId: string;
  workerName: string;
  contractLabel: string;
  qualification: string;
  statusLabel: string;
  statusTone: "success" | "warning" | "neutral";
  readOnly: boolean;
  days: {
    iso: string;
    value: string;
    inContract: boolean;
    planned: string;
    shiftValidated: boolean;
    future: boolean;
    /** Submitted already (client grid): read-only. */
    locked: boolean;
    extras: Record<ExtraField, string>;
    holiday: string | null;
  }[];
};

type Action = (state: ActionState, formData: FormData) => Promise<Result>;

const cellName = (contractId: string, iso: string) => `h.${contractId}.${iso}`;
const extraName = (field: ExtraField, contractId: string, iso: string) => `x.${field}.${contractId}.${iso}`;

const extraLocked = (r: WeekGridRow, d: WeekGridRow["days"][number]) => r.readOnly || d.future || d.locked || !d.inContract;

const EXTRA_ROWS: { field: Exclude<ExtraField, "absence">; label: string; kind: "hours" | "count" }[] = [
  { field: "night", label: "Heures de nuit (21 h – 6 h)", kind: "hours" },
  { field: "sunday", label: "Heures du dimanche", kind: "hours" },
  { field: "holiday", label: "Heures de jour férié", kind: "hours" },
  { field: "meals", label: "Paniers repas", kind: "count" },
  { field: "travel", label: "Indemnités de déplacement", kind: "count" },
];
const EXTRA_FIELDS: ExtraField[] = [...EXTRA_ROWS.map((x) => x.field), "absence"];

/**
 * The week of hours, one row per worker's contract: inputs per day, totals per
 * worker and for the week computed as the user types. The server checks it all
 * again; its messages appear under the refused cells and nothing typed is lost.
 */
export function WeekGrid({
  weekNumber,
  days,
  rows,
  action,
  hidden,
  mode,
}: {
  weekNumber: number;
  days: WeekGridDay[];
  rows: WeekGridRow[];
  action: Action;
  hidden: Record<string, string>;
  mode: "client" | "staff";
}) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  const [values, setValues] = useState<Record<string, string>>(() => {
    const out: Record<string, string> = {};
    for (const r of rows)
      for (const d of r.days) {
        out[cellName(r.contractId, d.iso)] = d.value;
        for (const [field, value] of Object.entries(d.extras)) out[extraName(field as ExtraField, r.contractId, d.iso)] = value;
      }
    return out;
  });
  const [opened, setOpened] = useState<Record<string, boolean>>({});
  const setValue = (name: string, value: string) => setValues((v) => ({ ...v, [name]: value }));
  // Fewer hours on a day lower its night, Sunday and holiday hours with them (they are among the hours worked).
  const setDayHours = (contractId: string, iso: string, value: string) =>
    setValues((v) => {
      const next = { ...v, [cellName(contractId, iso)]: value };
      const minutes = parseHours(value);
      if (minutes === null) return next;
      for (const field of ["night", "sunday", "holiday"] as const) {
        const key = extraName(field, contractId, iso);
        if ((parseHours(v[key]) ?? 0) > minutes) next[key] = minutes ? formatHours(minutes) : "";
      }
      return next;
    });
  const extraTotal = (r: WeekGridRow, field: ExtraField, kind: "hours" | "count") =>
    r.days.reduce((sum, d) => {
      const text = values[extraName(field, r.contractId, d.iso)] ?? "";
      return sum + (kind === "hours" ? (parseHours(text) ?? 0) : /^\d+$/.test(text.trim()) ? Number(text) : 0);
    }, 0);
  const minutesOf = (name: string) => parseHours(values[name]) ?? 0;
  const rowTotal = (r: WeekGridRow) => r.days.reduce((sum, d) => sum + minutesOf(cellName(r.contractId, d.iso)), 0);
  const dayTotal = (iso: string) => rows.reduce((sum, r) => sum + minutesOf(cellName(r.contractId, iso)), 0);
  const weekTotal = rows.reduce((sum, r) => sum + rowTotal(r), 0);
  const editable = rows.some((r) => !r.readOnly);
  const errors = fieldErrorsIn(state);

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.name) data.set(submitter.name, submitter.value);
    // A closed detail is not rendered (a week of 20 workers would be 400 KB of inputs): its values come from the state,
    // for the cells its inputs would have sent (enabled ones).
    for (const r of rows)
      for (const d of r.days) {
        if (extraLocked(r, d)) continue;
        for (const field of EXTRA_FIELDS) {
          const name = extraName(field, r.contractId, d.iso);
          if (!data.has(name)) data.set(name, values[name] ?? "");
        }
      }
    startTransition(() => formAction(data));
  };

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {rows
        .filter((r) => !r.readOnly)
        .map((r) => (
          <input key={r.contractId} type="hidden" name="contractId" value={r.contractId} />
        ))}
      {errorOf(state) ? <Alert variant="error">{errorOf(state)}</Alert> : null}
      {successOf(state) ? (
        <Alert variant="success" role="status">
          {successOf(state)}
        </Alert>
      ) : null}

      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
        <table className="w-full min-w-[900px] border-collapse text-left text-sm">
          <caption className="sr-only">Heures travaillées de la semaine {weekNumber}</caption>
          <thead className="border-b border-slate-200 bg-slate-50">
            <tr>
              <th scope="col" className="px-3 py-3 text-xs font-semibold tracking-wide text-slate-600 uppercase">
                N° semaine
              </th>
              <th
                scope="col"
                className="sticky left-0 z-10 bg-slate-50 px-3 py-3 text-xs font-semibold tracking-wide text-slate-600 uppercase"
              >
                Intérimaire
              </th>
              {days.map((d) => (
                <th key={d.iso} scope="col" className="px-2 py-3 text-center text-xs font-semibold text-slate-600">
                  <span className="block tracking-wide uppercase">{d.weekday}</span>
                  <span className="block font-normal">{d.label}</span>
                </th>
              ))}
              <th scope="col" className="px-3 py-3 text-right text-xs font-semibold tracking-wide text-slate-600 uppercase">
                Heures travaillées
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => {
              const total = rowTotal(r);
              const rowError = errors[`row.${r.contractId}`];
              const detailId = `detail-${r.contractId}`;
              const extraError = Object.keys(errors).some((k) => k.startsWith("x.") && k.includes(`.${r.contractId}.`));
              const open = opened[r.contractId] ?? extraError;
              return (
                <Fragment key={r.contractId}>
                  <tr className="align-top" aria-label={r.workerName}>
                    <td className="px-3 py-3 font-semibold text-slate-700 tabular-nums">{weekNumber}</td>
                    <th scope="row" className="sticky left-0 z-10 min-w-48 bg-white px-3 py-3 text-left font-normal">
                      <span className="block font-semibold text-slate-900">{r.workerName}</span>
                      <span className="block text-xs text-slate-600">{r.contractLabel}</span>
                      <span className="block text-xs text-slate-500">{r.qualification}</span>
                      <span className="mt-1 block">
                        <Badge tone={r.statusTone}>{r.statusLabel}</Badge>
                      </span>
                      <button
                        type="button"
                        aria-expanded={open}
                        aria-controls={open ? detailId : undefined}
                        onClick={() => setOpened((o) => ({ ...o, [r.contractId]: !open }))}
                        className="text-brand-700 mt-2 block text-xs font-medium underline underline-offset-2"
                      >
                        {open ? "Masquer le détail" : "Détail du jour : nuit, dimanche, férié, paniers, absence"}
                      </button>
                    </th>
                    {r.days.map((d) => {
                      const name = cellName(r.contractId, d.iso);
                      const error = errors[name];
                      const day = days.find((x) => x.iso === d.iso);
                      const label = `${r.workerName}, ${day?.weekday} ${day?.label}`;
                      return (
                        <td key={d.iso} className="px-1.5 py-2 text-center">
                          <input
                            name={name}
                            aria-label={label}
                            inputMode="decimal"
                            autoComplete="off"
                            value={values[name] ?? ""}
                            disabled={r.readOnly || d.future || d.locked}
                            readOnly={r.readOnly || d.future || d.locked}
                            title={d.future ? "Jour pas encore travaillé" : undefined}
                            onChange={(e) => setDayHours(r.contractId, d.iso, e.target.value)}
                            aria-invalid={error ? true : undefined}
                            aria-describedby={error ? `${name}-erreur` : undefined}
                            placeholder={d.inContract ? "0" : "–"}
                            className={cx(
                              "focus:border-brand-500 focus:ring-brand-200 w-16 rounded-md border px-1.5 py-2 text-center text-base tabular-nums shadow-sm focus:ring-2 focus:outline-none",
                              error ? "border-red-500 bg-red-50" : "border-slate-300",
                              (!d.inContract || d.future) && "bg-slate-100 text-slate-400",
                              r.readOnly && "cursor-not-allowed bg-slate-50 text-slate-700",
                            )}
                          />
                          {d.planned ? <span className="mt-0.5 block text-[11px] text-slate-500">prévu {d.planned}</span> : null}
                          {d.shiftValidated ? <span className="block text-[11px] font-medium text-green-700">validé</span> : null}
                          {d.future && d.inContract && !r.readOnly ? (
                            <span className="block text-[11px] text-slate-500">à venir</span>
                          ) : null}
                          {error ? (
                            <span id={`${name}-erreur`} role="alert" className="mt-1 block max-w-24 text-xs font-medium text-red-700">
                              {error}
                            </span>
                          ) : null}
                        </td>
                      );
                    })}
                    <td className="px-3 py-3 text-right">
                      <span
                        data-testid={`total-${r.contractId}`}
                        className={cx("font-semibold tabular-nums", total > MAX_WEEK_MINUTES ? "text-red-700" : "text-slate-900")}
                      >
                        {formatHours(total)}
                      </span>
                      {overtimeMinutes(total) ? (
                        <span className="block text-xs text-slate-600" data-testid={`sup-${r.contractId}`}>
                          dont {formatHours(overtimeMinutes(total))} au-delà de 35 h
                        </span>
                      ) : null}
                      {rowError ? (
                        <span role="alert" className="mt-1 block max-w-40 text-xs font-medium text-red-700">
                          {rowError}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                  {(open ? EXTRA_ROWS : []).map((x, index) => (
                    <tr key={x.field} id={index === 0 ? detailId : undefined} className="bg-slate-50/70 text-xs">
                      <td />
                      <th scope="row" className="sticky left-0 z-10 bg-slate-50 px-3 py-1 text-left font-medium text-slate-700">
                        {x.label}
                      </th>
                      {r.days.map((d) => {
                        const name = extraName(x.field, r.contractId, d.iso);
                        const error = errors[name];
                        const day = days.find((y) => y.iso === d.iso);
                        const locked = extraLocked(r, d);
                        return (
                          <td key={d.iso} className="px-1.5 py-1 text-center">
                            <input
                              name={name}
                              aria-label={`${r.workerName}, ${x.label.toLowerCase()}, ${day?.weekday} ${day?.label}`}
                              inputMode={x.kind === "hours" ? "decimal" : "numeric"}
                              autoComplete="off"
                              value={values[name] ?? ""}
                              disabled={locked}
                              onChange={(e) => setValue(name, e.target.value)}
                              aria-invalid={error ? true : undefined}
                              aria-describedby={error ? `${name}-erreur` : undefined}
                              placeholder="0"
                              className={cx(
                                "w-16 rounded-md border px-1.5 py-1 text-center text-sm tabular-nums",
                                error ? "border-red-500 bg-red-50" : "border-slate-300",
                                locked && "cursor-not-allowed bg-slate-100 text-slate-400",
                              )}
                            />
                            {error ? (
                              <span id={`${name}-erreur`} role="alert" className="mt-1 block max-w-24 text-xs font-medium text-red-700">
                                {error}
                              </span>
                            ) : null}
                          </td>
                        );
                      })}
                      <td
                        className="px-3 py-1 text-right font-semibold text-slate-800 tabular-nums"
                        data-testid={`total-${x.field}-${r.contractId}`}
                      >
                        {x.kind === "hours" ? formatHours(extraTotal(r, x.field, "hours")) : extraTotal(r, x.field, "count")}
                      </td>
                    </tr>
                  ))}
                  {open ? (
                    <tr className="bg-slate-50/70 text-xs">
                      <td />
                      <th scope="row" className="sticky left-0 z-10 bg-slate-50 px-3 py-1 text-left font-medium text-slate-700">
                        Motif d&apos;absence
                      </th>
                      {r.days.map((d) => {
                        const name = extraName("absence", r.contractId, d.iso);
                        const error = errors[name];
                        const day = days.find((y) => y.iso === d.iso);
                        const locked = extraLocked(r, d);
                        return (
                          <td key={d.iso} className="px-1.5 py-1 text-center">
                            <select
                              name={name}
                              aria-label={`${r.workerName}, motif d'absence, ${day?.weekday} ${day?.label}`}
                              value={values[name] ?? ""}
                              disabled={locked}
                              onChange={(e) => setValue(name, e.target.value)}
                              aria-invalid={error ? true : undefined}
                              aria-describedby={error ? `${name}-erreur` : undefined}
                              className={cx("w-20 rounded-md border px-1 py-1 text-xs", error ? "border-red-500" : "border-slate-300")}
                            >
                              <option value="">—</option>
                              {ABSENCE_CODES.map((a) => (
                                <option key={a.code} value={a.code}>
                                  {a.code} – {a.label}
                                </option>
                              ))}
                            </select>
                            {d.holiday ? <span className="mt-0.5 block text-[11px] text-slate-500">{d.holiday}</span> : null}
                            {error ? (
                              <span id={`${name}-erreur`} role="alert" className="mt-1 block max-w-24 text-xs font-medium text-red-700">
                                {error}
                              </span>
                            ) : null}
                          </td>
                        );
                      })}
                      <td />
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
          <tfoot className="border-t border-slate-200 bg-slate-50">
            <tr>
              <td className="px-3 py-3" />
              <th scope="row" className="sticky left-0 z-10 bg-slate-50 px-3 py-3 text-left font-semibold text-slate-900">
                Total de la semaine
              </th>
              {days.map((d) => (
                <td key={d.iso} className="px-2 py-3 text-center text-slate-700 tabular-nums">
                  {formatHours(dayTotal(d.iso))}
                </td>
              ))}
              <td className="px-3 py-3 text-right text-base font-bold text-slate-900 tabular-nums" data-testid="total-semaine">
                {formatHours(weekTotal)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>

      {editable ? (
        <div className="flex flex-wrap gap-2">
          {mode === "client" ? (
            <>
              <Button type="submit" name="intent" value="draft" variant="secondary" disabled={pending}>
                Enregistrer le brouillon
              </Button>
              <Button type="submit" name="intent" value="submit" disabled={pending}>
                Transmettre les heures
              </Button>
            </>
          ) : (
            <Button type="submit" name="intent" value="correct" disabled={pending}>
              Enregistrer la correction
            </Button>
          )}
          {pending ? <span className="self-center text-sm text-slate-600">Enregistrement…</span> : null}
        </div>
      ) : null}
    </form>
  );
}

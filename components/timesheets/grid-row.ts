import type { WeekGridRow } from "@/components/timesheets/week-grid";
import { formatDateTime } from "@/lib/format";
import type { GridRow } from "@/lib/timesheets/queries";
import { formatHours, frenchDate } from "@/lib/timesheets/rules";

export const WEEKDAYS = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."];

/** A row of the week grid from a contract's week, with its status badge; `lockSubmitted`: the client's grid, where submitted days are read-only. */
export function gridRow(r: GridRow, readOnly: boolean, lockSubmitted = false): WeekGridRow {
  return {
    contractId: r.contractId,
    workerName: r.workerName,
    contractLabel: `Contrat ${r.contractNumber} · ${r.reference} · du ${frenchDate(r.startDate)} au ${frenchDate(r.endDate)}`,
    qualification: r.qualification,
    statusLabel:
      r.status === "SUBMITTED"
        ? `Transmis${r.submittedAt ? ` le ${formatDateTime(r.submittedAt)}` : ""}`
        : r.status === "DRAFT"
          ? "Brouillon"
          : "À saisir",
    statusTone: r.status === "SUBMITTED" ? "success" : r.status === "DRAFT" ? "warning" : "neutral",
    readOnly,
    days: r.days.map((d) => ({
      iso: d.iso,
      value: d.value,
      inContract: d.inContract,
      planned: d.planned ? formatHours(d.planned) : "",
      shiftValidated: d.shiftValidated,
      future: d.future,
      locked: lockSubmitted && d.submitted,
      extras: d.extras,
      holiday: d.holiday,
    })),
  };
}

// The payroll export's lines, pure: validated hours and accessoires per worker
// and contract, the advances of the period per worker, in French Excel
// conventions (decimal comma; the file itself is written by lib/csv.ts).
import { overtimeMinutes } from "./rules";

export type PayrollEntry = {
  contractId: string;
  weekStart: Date;
  date: Date;
  minutes: number;
  nightMinutes: number;
  sundayMinutes: number;
  holidayMinutes: number;
  mealAllowances: number;
  travelAllowances: number;
  absenceCode: string | null;
};

export type PayrollContract = {
  id: string;
  number: string;
  workerId: string;
  workerNumber: string;
  lastName: string;
  firstName: string;
  client: string;
  qualification: string;
};

export type PayrollAdvance = { workerId: string; amountCents: number; status: "ACCEPTED" | "PAID" };

export const PAYROLL_HEADER = [
  "Agence",
  "Matricule",
  "Nom",
  "Prénom",
  "Contrat",
  "Client",
  "Qualification",
  "Heures travaillées",
  "Heures de nuit",
  "Heures du dimanche",
  "Heures fériées",
  "Heures supplémentaires (au-delà de 35 h)",
  "Paniers repas",
  "Indemnités de déplacement",
  "Absences",
  "Acomptes acceptés ou versés (EUR)",
];

/** 450 -> "7,50" (decimal hours, comma). */
export const decimalHours = (minutes: number) => (minutes / 60).toFixed(2).replace(".", ",");
/** 12345 -> "123,45". */
export const decimalEuros = (cents: number) => (cents / 100).toFixed(2).replace(".", ",");

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * One line per worker and contract with hours in the period [from, to], and one
 * per worker with advances but no hours. Overtime is computed per contract and
 * week on the whole week (`weekEntries`, the weeks whose Sunday falls in the
 * period), so a week that straddles two periods counts in the one of its Sunday.
 * The advances of a worker are on their first line only, so that a sum is right.
 */
export function payrollLines(input: {
  agencyCode: string;
  from: Date;
  to: Date;
  contracts: PayrollContract[];
  entries: PayrollEntry[];
  weekEntries: PayrollEntry[];
  advances: PayrollAdvance[];
  workers: { workerId: string; workerNumber: string; lastName: string; firstName: string }[];
}): string[][] {
  const { from, to } = input;
  const inPeriod = input.entries.filter((e) => e.date >= from && e.date <= to);
  const overtime = new Map<string, number>();
  const weeks = new Map<string, number>();
  for (const e of input.weekEntries) {
    const sunday = new Date(e.weekStart.getTime() + 6 * 86_400_000);
    if (sunday < from || sunday > to) continue;
    const key = `${e.contractId}|${iso(e.weekStart)}`;
    weeks.set(key, (weeks.get(key) ?? 0) + e.minutes);
  }
  for (const [key, minutes] of weeks) {
    const contractId = key.split("|")[0];
    overtime.set(contractId, (overtime.get(contractId) ?? 0) + overtimeMinutes(minutes));
  }
  const advances = new Map<string, number>();
  for (const a of input.advances) advances.set(a.workerId, (advances.get(a.workerId) ?? 0) + a.amountCents);

  const lines: string[][] = [PAYROLL_HEADER];
  const withAdvance = new Set<string>();
  const sorted = [...input.contracts].sort(
    (a, b) =>
      a.lastName.localeCompare(b.lastName, "fr") || a.firstName.localeCompare(b.firstName, "fr") || a.number.localeCompare(b.number),
  );
  for (const c of sorted) {
    const own = inPeriod.filter((e) => e.contractId === c.id);
    if (!own.length && !overtime.get(c.id)) continue;
    const sum = (pick: (e: PayrollEntry) => number) => own.reduce((a, e) => a + pick(e), 0);
    const absences = new Map<string, number>();
    for (const e of own) if (e.absenceCode) absences.set(e.absenceCode, (absences.get(e.absenceCode) ?? 0) + 1);
    const first = !withAdvance.has(c.workerId);
    withAdvance.add(c.workerId);
    lines.push([
      input.agencyCode,
      c.workerNumber,
      c.lastName.toUpperCase(),
      c.firstName,
      c.number,
      c.client,
      c.qualification,
      decimalHours(sum((e) => e.minutes)),
      decimalHours(sum((e) => e.nightMinutes)),
      decimalHours(sum((e) => e.sundayMinutes)),
      decimalHours(sum((e) => e.holidayMinutes)),
      decimalHours(overtime.get(c.id) ?? 0),
      String(sum((e) => e.mealAllowances)),
      String(sum((e) => e.travelAllowances)),
      [...absences].map(([code, n]) => `${code} (${n} j)`).join(", "),
      decimalEuros(first ? (advances.get(c.workerId) ?? 0) : 0),
    ]);
  }
  for (const w of input.workers) {
    if (withAdvance.has(w.workerId) || !advances.get(w.workerId)) continue;
    lines.push([
      input.agencyCode,
      w.workerNumber,
      w.lastName.toUpperCase(),
      w.firstName,
      "",
      "",
      "",
      "0,00",
      "0,00",
      "0,00",
      "0,00",
      "0,00",
      "0",
      "0",
      "",
      decimalEuros(advances.get(w.workerId)!),
    ]);
  }
  return lines;
}

/** The longest period one export covers (a quarter). */
export const MAX_PAYROLL_DAYS = 93;

/** The previous calendar month of a day: the default period, exported before the payslips of the 8th-10th. */
export function previousMonth(today: Date): { from: Date; to: Date } {
  const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  const to = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
  return { from, to };
}

/** Reads the period of the export form: two valid days, in order, a quarter at most. Errors per field, in French. */
export function checkPayrollPeriod(
  du: string,
  au: string,
  parse: (v: string) => Date | null,
): { ok: true; from: Date; to: Date } | { ok: false; errors: { du?: string; au?: string } } {
  const from = parse(du);
  const to = parse(au);
  const errors: { du?: string; au?: string } = {};
  if (!from) errors.du = "Indiquez la date de début de la période (jj/mm/aaaa).";
  if (!to) errors.au = "Indiquez la date de fin de la période (jj/mm/aaaa).";
  if (from && to && to < from) errors.au = "La fin de la période doit suivre son début.";
  else if (from && to && (to.getTime() - from.getTime()) / 86_400_000 + 1 > MAX_PAYROLL_DAYS)
    errors.au = `Une période de ${MAX_PAYROLL_DAYS} jours au plus.`;
  if (errors.du || errors.au || !from || !to) return { ok: false, errors };
  return { ok: true, from, to };
}

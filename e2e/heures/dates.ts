// Calendar helpers of the hours and ciblage specs, read in Paris like the app.
export function parisToday(): Date {
  const p = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(),
  );
  return new Date(`${p}T00:00:00Z`);
}
export const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
export const iso = (d: Date) => d.toISOString().slice(0, 10);
export const mondayOf = (d: Date) => addDays(d, -((d.getUTCDay() + 6) % 7));
const dd = (n: number) => String(n).padStart(2, "0");
export const fr = (d: Date) => `${dd(d.getUTCDate())}/${dd(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
export const dayMonth = (d: Date) => `${dd(d.getUTCDate())}/${dd(d.getUTCMonth() + 1)}`;
export const WEEKDAYS = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."];
/** The accessible name of a grid cell: "Lucas MOREL, lun. 23/11". */
export const cell = (worker: string, monday: Date, index: number) => `${worker}, ${WEEKDAYS[index]} ${dayMonth(addDays(monday, index))}`;

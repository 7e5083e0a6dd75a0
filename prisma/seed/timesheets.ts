// Timesheets entered by the client companies that have an account: submitted
// weeks before the current one, some drafts of the week being entered.
import type { Clients } from "./clients";
import type { Context } from "./context";
import { shiftMinutes, type Contracts, type ShiftDraft } from "./contracts";
import { addMinutes, isoDate, mondayOf, sameDay } from "./time";
import type { WorkerCtx } from "./workers";

export function addTimesheets(ctx: Context, clients: Clients, drafting: Contracts, demo: WorkerCtx, windowStart: Date): void {
  const { plan, rng, now, today, notAfterNow } = ctx;
  const { clientInfo } = clients;
  const { contracts, submittedBefore, submissionTime } = drafting;
  const timesheetFrom = mondayOf(windowStart);
  for (const c of contracts) {
    const client = clientInfo[c.clientKey];
    if (!client.userId || c.state === "DRAFT" || c.state === "CANCELLED") continue;
    const weeks = new Map<string, ShiftDraft[]>();
    for (const s of c.shiftDrafts) {
      const key = isoDate(mondayOf(s.day));
      weeks.set(key, [...(weeks.get(key) ?? []), s]);
    }
    for (const [key, shifts] of weeks) {
      const weekStart = new Date(`${key}T00:00:00Z`);
      if (weekStart.getTime() < timesheetFrom.getTime()) continue;
      const submitted = weekStart.getTime() < submittedBefore.getTime();
      // The week being entered: some client users have started a draft.
      const draft = !submitted && c.worker !== demo && sameDay(weekStart, submittedBefore) && rng.chance(0.5);
      if (!submitted && !draft) continue;
      const byDay = new Map<string, ShiftDraft[]>();
      for (const s of shifts) {
        if (s.kind !== "WORK" || (draft && s.day.getTime() >= today.getTime())) continue;
        byDay.set(isoDate(s.day), [...(byDay.get(isoDate(s.day)) ?? []), s]);
      }
      if (!byDay.size) continue;
      const timesheetId = rng.id();
      const submittedAt = submitted ? submissionTime(c.id, weekStart) : null;
      plan.timesheets.push({
        id: timesheetId,
        contractId: c.id,
        weekStart,
        status: submitted ? "SUBMITTED" : "DRAFT",
        submittedAt,
        enteredById: client.userId,
        createdAt: submittedAt ? addMinutes(submittedAt, -rng.int(3, 30)) : notAfterNow(addMinutes(now, -rng.int(60, 600))),
        updatedAt: submittedAt ?? notAfterNow(addMinutes(now, -30)),
      });
      for (const [dayKey, dayShifts] of byDay) {
        plan.timesheetEntries.push({
          id: rng.id(),
          timesheetId,
          date: new Date(`${dayKey}T00:00:00Z`),
          minutes: dayShifts.reduce((sum, s) => sum + shiftMinutes(s), 0),
          shiftId: dayShifts[0].id,
        });
      }
    }
  }
}

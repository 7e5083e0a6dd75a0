// Availabilities for the next two weeks, on the days without a mission.
import type { DayPart } from "../../lib/generated/prisma/enums";
import type { Context } from "./context";
import type { ContractDraft } from "./contracts";
import { addDays, addMinutes, isoDate } from "./time";
import type { WorkerCtx, Workers } from "./workers";

export function addAvailabilities(ctx: Context, people: Workers, contracts: ContractDraft[]): void {
  const { plan, rng, now, today, notAfterNow } = ctx;
  const { demo, others } = people;
  const busyDays = (w: WorkerCtx) =>
    new Set(
      contracts
        .filter((c) => c.worker === w && c.state !== "CANCELLED" && c.state !== "DRAFT")
        .flatMap((c) => c.shiftDrafts.map((s) => isoDate(s.day))),
    );
  const addAvailability = (w: WorkerCtx, date: Date, part: DayPart, available: boolean) => {
    const createdAt = notAfterNow(addMinutes(now, -60 * rng.int(5, 240)));
    plan.availabilities.push({ id: rng.id(), workerId: w.profileId, date, part, available, createdAt, updatedAt: createdAt });
  };
  {
    const busy = busyDays(demo);
    for (let d = 1; d <= 14; d++) {
      const day = addDays(today, d);
      if (busy.has(isoDate(day))) continue;
      const draw = rng.next();
      if (draw < 0.45) addAvailability(demo, day, "FULL_DAY", true);
      else if (draw < 0.65) {
        addAvailability(demo, day, "MORNING", true);
        addAvailability(demo, day, "AFTERNOON", false);
      } else if (draw < 0.8) addAvailability(demo, day, "FULL_DAY", false);
    }
  }
  others
    .filter((_, i) => i % 2 === 0)
    .forEach((w) => {
      const busy = busyDays(w);
      const parts: DayPart[] = w.workPeriod === "NUIT" ? ["NIGHT"] : ["FULL_DAY", "MORNING", "AFTERNOON"];
      for (let d = 1; d <= 14; d++) {
        const day = addDays(today, d);
        if (busy.has(isoDate(day)) || !rng.chance(0.35)) continue;
        addAvailability(w, day, rng.pick(parts), rng.chance(0.8));
      }
    });
}

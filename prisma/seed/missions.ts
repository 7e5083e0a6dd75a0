// The missions of the demo: the demo worker's dense recent months, sparser
// history back two years and upcoming contracts in every state; the other
// workers' couple of months around today.
import type { ContractState } from "../../lib/generated/prisma/enums";
import type { Context } from "./context";
import type { Contracts, Segment } from "./contracts";
import { CLIENTS, type ShiftPatternKey } from "./data";
import { addDays, endOfMonth, startOfMonth } from "./time";
import type { Workers } from "./workers";

export type MissionWindow = { windowStart: Date; windowEnd: Date };

export function addMissions(ctx: Context, people: Workers, drafting: Contracts): MissionWindow {
  const { rng, today } = ctx;
  const { demo, others } = people;
  const { contracts, addContract } = drafting;
  const backward = (lastEnd: Date, stopBefore: Date, gap: [number, number], length: [number, number]): Segment[] => {
    const out: Segment[] = [];
    let end = lastEnd;
    while (end.getTime() >= stopBefore.getTime()) {
      const start = addDays(end, -(rng.int(length[0], length[1]) - 1));
      out.push({ start, end });
      end = addDays(start, -(rng.int(gap[0], gap[1]) + 1));
    }
    return out;
  };
  const forward = (
    firstStart: Date,
    keepGoing: (count: number, start: Date) => boolean,
    gap: [number, number],
    length: [number, number],
  ): Segment[] => {
    const out: Segment[] = [];
    let start = firstStart;
    while (keepGoing(out.length, start)) {
      const end = addDays(start, rng.int(length[0], length[1]) - 1);
      out.push({ start, end });
      start = addDays(end, rng.int(gap[0], gap[1]) + 1);
    }
    return out;
  };

  // The demo worker: dense missions over this month and the two previous ones,
  // sparser history back to two years, and upcoming contracts in every state.
  const windowStart = startOfMonth(today, -2);
  const windowEnd = endOfMonth(today);
  {
    const current: Segment = { start: addDays(today, -3), end: addDays(today, 4) };
    // Today is a working day, so that the planning shows a slot today.
    addContract({
      worker: demo,
      clientKey: "jean23",
      segment: current,
      pattern: "evening",
      qualificationCode: "525",
      state: "SIGNED",
      restProbability: 0.2,
      replacement: true,
      workedDays: [today],
    });

    const pastCycle: [string, ShiftPatternKey, string][] = [
      ["closfleuri", "alternating", "520"],
      ["jean23", "night", "520"],
      ["closfleuri", "split", "525"],
      ["jean23", "morning", "525"],
      ["jean23", "evening", "525"],
      ["closfleuri", "afternoon", "520"],
    ];
    const past = backward(addDays(current.start, -(rng.int(1, 3) + 1)), windowStart, [1, 3], [4, 9]);
    past.forEach((segment, i) => {
      const [clientKey, pattern, code] = pastCycle[i % pastCycle.length];
      addContract({ worker: demo, clientKey, segment, pattern, qualificationCode: code, state: "SIGNED", restProbability: 0.25 });
    });

    // History: one or two missions a month, back to 26 months ago.
    const earliest = past.length ? past[past.length - 1].start : current.start;
    for (let k = 3; k <= 26; k++) {
      const monthStart = startOfMonth(today, -k);
      const limit = k === 3 ? addDays(earliest, -4) : endOfMonth(today, -k);
      let start = addDays(monthStart, rng.int(0, 9));
      for (let n = 0; n < 2; n++) {
        if (n === 1 && !rng.chance(0.6)) break;
        const end = addDays(start, rng.int(3, 9) - 1);
        if (end.getTime() > limit.getTime()) break;
        const clientKey = rng.chance(0.65) ? "jean23" : "closfleuri";
        const pattern: ShiftPatternKey =
          clientKey === "jean23"
            ? rng.pick(["evening", "evening", "morning", "night"] as const)
            : rng.pick(["alternating", "afternoon", "morning"] as const);
        addContract({
          worker: demo,
          clientKey,
          segment: { start, end },
          pattern,
          qualificationCode: rng.chance(0.6) ? "525" : "520",
          state: "SIGNED",
          restProbability: 0.25,
        });
        start = addDays(end, rng.int(3, 8) + 1);
      }
    }

    const futureCycle: [string, ShiftPatternKey, string, ContractState][] = [
      ["jean23", "morning", "525", "AWAITING_SIGNATURE"],
      ["closfleuri", "alternating", "520", "SIGNED"],
      ["jean23", "evening", "525", "INCOMPLETE"],
      ["jean23", "night", "520", "AWAITING_SIGNATURE"],
      ["closfleuri", "split", "525", "DRAFT"],
      ["jean23", "evening", "525", "SIGNED"],
      ["closfleuri", "afternoon", "520", "AWAITING_SIGNATURE"],
    ];
    const firstFuture = addDays(current.end, rng.int(1, 2) + 1);
    const future = forward(
      firstFuture,
      (count, start) => count < 5 || (start.getTime() <= windowEnd.getTime() && count < futureCycle.length),
      [1, 3],
      [3, 7],
    );
    future.forEach((segment, i) => {
      const [clientKey, pattern, code, state] = futureCycle[i % futureCycle.length];
      addContract({ worker: demo, clientKey, segment, pattern, qualificationCode: code, state, restProbability: 0.2 });
    });

    // A mission cancelled by the client, in the gap just after the current one.
    const cancelled = { start: addDays(current.end, 1), end: addDays(firstFuture, -1) };
    addContract({
      worker: demo,
      clientKey: "closfleuri",
      segment: cancelled,
      pattern: "afternoon",
      qualificationCode: "520",
      state: "CANCELLED",
      restProbability: 0,
    });

    // Planning shows an absence: public holidays when there are some, else a sick day.
    const windowShifts = contracts
      .filter((c) => c.worker === demo)
      .flatMap((c) => c.shiftDrafts)
      .filter((s) => s.day >= windowStart && s.day <= windowEnd);
    if (!windowShifts.some((s) => s.kind === "ABSENCE")) {
      const candidate = windowShifts
        .filter((s) => s.validated && s.kind === "WORK")
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[2];
      if (candidate) {
        candidate.kind = "ABSENCE";
        candidate.absenceCode = "MAL";
      }
    }
  }

  // Other workers: a couple of months of missions around today.
  others.forEach((w, index) => {
    const primary = w.clients[0];
    const pickQualification = (clientKey: string) => {
      const allowed = CLIENTS.find((c) => c.key === clientKey)!.qualifications;
      const both = w.qualifications.filter((q) => allowed.includes(q));
      return rng.pick(both.length ? both : w.qualifications);
    };
    const pickPattern = (clientKey: string): ShiftPatternKey => {
      const patterns = CLIENTS.find((c) => c.key === clientKey)!.patterns;
      if (w.workPeriod === "NUIT" && patterns.includes("night")) return "night";
      if (w.workPeriod === "MATIN" && patterns.includes("morning")) return "morning";
      return rng.pick(patterns);
    };
    const hasCurrent = primary === "jean23" || rng.chance(0.6);
    let pastEnd: Date;
    let futureStart: Date;
    if (hasCurrent) {
      const current = { start: addDays(today, -rng.int(0, 5)), end: addDays(today, rng.int(0, 6)) };
      addContract({
        worker: w,
        clientKey: primary,
        segment: current,
        pattern: pickPattern(primary),
        qualificationCode: pickQualification(primary),
        state: "SIGNED",
        restProbability: 0.3,
      });
      pastEnd = addDays(current.start, -(rng.int(1, 5) + 1));
      futureStart = addDays(current.end, rng.int(1, 5) + 1);
    } else {
      pastEnd = addDays(today, -rng.int(1, 6));
      futureStart = addDays(today, rng.int(2, 9));
    }
    for (const segment of backward(pastEnd, addDays(today, -56), [2, 8], [3, 8])) {
      const clientKey = rng.pick(w.clients);
      addContract({
        worker: w,
        clientKey,
        segment,
        pattern: pickPattern(clientKey),
        qualificationCode: pickQualification(clientKey),
        state: rng.chance(0.06) ? "CANCELLED" : "SIGNED",
        restProbability: 0.3,
      });
    }
    const futureCount = rng.int(1, 2);
    forward(futureStart, (count) => count < futureCount, [1, 6], [3, 8]).forEach((segment, i) => {
      const clientKey = i === 0 ? primary : rng.pick(w.clients);
      const draw = rng.next();
      const state: ContractState =
        index % 11 === 3 && i === futureCount - 1 ? "DRAFT" : draw < 0.55 ? "AWAITING_SIGNATURE" : draw < 0.85 ? "SIGNED" : "INCOMPLETE";
      addContract({
        worker: w,
        clientKey,
        segment,
        pattern: pickPattern(clientKey),
        qualificationCode: pickQualification(clientKey),
        state,
        restProbability: 0.3,
      });
    });
  });

  return { windowStart, windowEnd };
}

// Salary advances (paid on Wednesdays; requests close on Tuesday night): the
// demo worker's in every state, a few for the other workers with missions.
import { advanceOpenKey } from "../../lib/advances/rules";
import type { Context } from "./context";
import type { ContractDraft } from "./contracts";
import type { Organisation } from "./organisation";
import { addDays, addMinutes, isoWeekday, parisTime } from "./time";
import type { WorkerCtx, Workers } from "./workers";

export function addAdvances(ctx: Context, org: Organisation, people: Workers, contracts: ContractDraft[]): void {
  const { plan, rng, now, today, officeTime, notAfterNow } = ctx;
  const { agencyId, payrollId } = org;
  const { demo, others } = people;
  const weekday = isoWeekday(today);
  const nextPayday = addDays(today, weekday <= 2 ? 3 - weekday : 10 - weekday);
  const lastPayday = addDays(today, -((weekday - 3 + 7) % 7)); // the latest Wednesday, today included
  const advance = (
    w: WorkerCtx,
    a: {
      amountEuros: number;
      payDate: Date;
      status: "PENDING" | "ACCEPTED" | "PAID" | "REFUSED" | "CANCELLED";
      createdAt: Date;
      refusalReason?: string;
      decidedAt?: Date;
    },
  ) => {
    const decided = a.status === "ACCEPTED" || a.status === "PAID" || a.status === "REFUSED";
    const decidedAt = decided ? notAfterNow(a.decidedAt ?? addMinutes(a.createdAt, 60 * 20)) : null;
    plan.advanceRequests.push({
      id: rng.id(),
      workerId: w.profileId,
      agencyId: agencyId[Object.keys(w.numbers)[0]],
      amountCents: a.amountEuros * 100,
      payDate: a.payDate,
      status: a.status,
      refusalReason: a.refusalReason ?? null,
      paidOn: a.status === "PAID" ? a.payDate : null,
      decidedById: decided ? payrollId : null,
      decidedAt,
      createdAt: a.createdAt,
      updatedAt:
        a.status === "CANCELLED"
          ? notAfterNow(addMinutes(a.createdAt, 60 * 5))
          : a.status === "PAID"
            ? notAfterNow(parisTime(a.payDate, "11:30"))
            : (decidedAt ?? a.createdAt),
    });
  };
  // A request counts for the next Wednesday when made since the previous one.
  const pendingCreatedAt = () => {
    const opened = parisTime(addDays(nextPayday, -7), "00:00");
    return notAfterNow(new Date(opened.getTime() + rng.next() * (now.getTime() - opened.getTime())), 1);
  };
  advance(demo, { amountEuros: 100, payDate: nextPayday, status: "PENDING", createdAt: pendingCreatedAt() });
  advance(demo, {
    amountEuros: 150,
    payDate: lastPayday,
    status: "ACCEPTED",
    createdAt: officeTime(addDays(lastPayday, -2)),
    decidedAt: parisTime(addDays(lastPayday, -1), "15:40"),
  });
  advance(demo, {
    amountEuros: 100,
    payDate: addDays(lastPayday, -7),
    status: "PAID",
    createdAt: officeTime(addDays(lastPayday, -13)),
    decidedAt: parisTime(addDays(lastPayday, -8), "16:05"),
  });
  advance(demo, {
    amountEuros: 420,
    payDate: addDays(lastPayday, -14),
    status: "PAID",
    createdAt: parisTime(addDays(lastPayday, -15), "18:40"),
    decidedAt: parisTime(addDays(lastPayday, -14), "09:10"),
  });
  advance(demo, {
    amountEuros: 200,
    payDate: addDays(lastPayday, -14),
    status: "REFUSED",
    refusalReason: "2 demandes regroupées en une",
    createdAt: parisTime(addDays(lastPayday, -15), "18:52"),
    decidedAt: parisTime(addDays(lastPayday, -14), "09:12"),
  });
  advance(demo, {
    amountEuros: 80,
    payDate: addDays(lastPayday, -21),
    status: "CANCELLED",
    createdAt: parisTime(addDays(lastPayday, -24), "20:15"),
  });
  advance(demo, {
    amountEuros: 150,
    payDate: addDays(lastPayday, -35),
    status: "REFUSED",
    refusalReason: "Pas d'acomptes cette semaine",
    createdAt: officeTime(addDays(lastPayday, -37)),
    decidedAt: parisTime(addDays(lastPayday, -36), "17:20"),
  });
  advance(demo, {
    amountEuros: 250,
    payDate: addDays(lastPayday, -56),
    status: "PAID",
    createdAt: officeTime(addDays(lastPayday, -58)),
    decidedAt: parisTime(addDays(lastPayday, -57), "16:45"),
  });
  advance(demo, {
    amountEuros: 300,
    payDate: addDays(lastPayday, -77),
    status: "PAID",
    createdAt: officeTime(addDays(lastPayday, -78)),
    decidedAt: parisTime(addDays(lastPayday, -77), "09:30"),
  });

  const withMissions = others.filter((w) => contracts.some((c) => c.worker === w && c.state === "SIGNED" && c.startDate < today));
  withMissions.forEach((w, i) => {
    const amount = rng.pick([100, 120, 150, 200, 250, 300]);
    if (i % 3 === 0) advance(w, { amountEuros: amount, payDate: nextPayday, status: "PENDING", createdAt: pendingCreatedAt() });
    if (i % 4 === 1)
      advance(w, { amountEuros: amount, payDate: addDays(lastPayday, -7), status: "PAID", createdAt: officeTime(addDays(lastPayday, -9)) });
    if (i % 7 === 2)
      advance(w, {
        amountEuros: 200,
        payDate: lastPayday,
        status: "ACCEPTED",
        createdAt: officeTime(addDays(lastPayday, -2)),
        decidedAt: parisTime(addDays(lastPayday, -1), "16:20"),
      });
    if (i % 9 === 5)
      advance(w, {
        amountEuros: 400,
        payDate: addDays(lastPayday, -7),
        status: "REFUSED",
        refusalReason: "Montant supérieur aux heures réalisées",
        createdAt: officeTime(addDays(lastPayday, -8)),
      });
  });

  // One open request per worker, agency and payment day.
  for (const a of plan.advanceRequests) {
    if (a.status === "PENDING") a.openKey = advanceOpenKey(a.workerId, a.agencyId, a.payDate as Date);
  }
}

// The demo worker's documents: 24 payslips rendered from the validated hours,
// an ASSEDIC attestation and a work certificate asked for on the platform;
// and requests waiting at the front desk.
import { computePayslip, type PayslipData, type PdfEmployee } from "../../lib/pdf/payslip";
import type { Clients } from "./clients";
import type { Context } from "./context";
import { pad2 } from "./context";
import { shiftMinutes, type ContractDraft } from "./contracts";
import { CITIES, DEMO_WORKER } from "./data";
import { maskSocialSecurityNumber } from "./identity";
import type { Organisation } from "./organisation";
import { addDays, addMinutes, calendarDay, compactDate, diffDays, endOfMonth, isoDate, parisDay, parisTime, startOfMonth } from "./time";
import type { Workers } from "./workers";

export function addDocuments(ctx: Context, org: Organisation, clients: Clients, people: Workers, contracts: ContractDraft[]): void {
  const { plan, rng, now, today, officeTime, notAfterNow } = ctx;
  const { agencyId, payrollId, frontDeskId, employerOf, qualificationLabel } = org;
  const { clientInfo } = clients;
  const { demo, others } = people;
  const demoEmployee: PdfEmployee = {
    civility: demo.civility,
    firstName: demo.firstName,
    lastName: demo.lastName,
    agencyCode: DEMO_WORKER.agency,
    workerNumber: DEMO_WORKER.workerNumber,
    address: demo.street,
    postalCode: CITIES[demo.city].postalCode,
    city: CITIES[demo.city].name,
    ssnMasked: maskSocialSecurityNumber(demo.ssn),
  };
  const demoContracts = contracts.filter((c) => c.worker === demo);
  const monthWork = (monthStart: Date) => {
    const monthEnd = endOfMonth(monthStart);
    return demoContracts
      .map((c) => {
        const shifts = c.shiftDrafts.filter((s) => s.kind === "WORK" && s.validated && s.day >= monthStart && s.day <= monthEnd);
        return { c, shifts, minutes: shifts.reduce((sum, s) => sum + shiftMinutes(s), 0) };
      })
      .filter((m) => m.minutes > 0)
      .sort((a, b) => a.c.startDate.getTime() - b.c.startDate.getTime());
  };
  const paidAdvancesIn = (monthStart: Date) =>
    plan.advanceRequests
      .filter(
        (a) =>
          a.workerId === demo.profileId && a.status === "PAID" && a.paidOn && a.paidOn >= monthStart && a.paidOn <= endOfMonth(monthStart),
      )
      .reduce((sum, a) => sum + a.amountCents, 0);
  const payslipFor = (monthStart: Date, paymentDate: Date): PayslipData => {
    const work = monthWork(monthStart);
    const main = work.reduce((best, m) => (m.minutes > (best?.minutes ?? 0) ? m : best), work[0]);
    return {
      employer: employerOf(DEMO_WORKER.agency),
      employee: { ...demoEmployee, jobTitle: main ? qualificationLabel(main.c.qualificationCode) : qualificationLabel("525") },
      periodStart: monthStart,
      periodEnd: endOfMonth(monthStart),
      paymentDate,
      missions: work.map((m) => ({
        contractNumber: m.c.number as string,
        clientName: clientInfo[m.c.clientKey].name,
        startDate: m.c.startDate,
        endDate: m.c.endDate,
        minutes: m.minutes,
        hourlyRateCents: m.c.hourlyRateCents,
      })),
      incomeTaxRatePct: 1.8,
      advancesCents: paidAdvancesIn(monthStart),
    };
  };

  let payslips = 0;
  for (let k = 1; payslips < 24 && k <= 30; k++) {
    const monthStart = startOfMonth(today, -k);
    // Payslips are added between the 8th and the 10th of the following month.
    const publishedDay = calendarDay(today.getUTCFullYear(), today.getUTCMonth() + 2 - k, rng.int(8, 10));
    const published = parisTime(publishedDay, `${pad2(rng.int(9, 11))}:${pad2(rng.int(0, 59))}`);
    if (published.getTime() > now.getTime()) continue;
    const data = payslipFor(monthStart, publishedDay);
    if (!data.missions.length) continue;
    const month = isoDate(monthStart).slice(0, 7);
    plan.documents.push({
      row: {
        id: rng.id(),
        kind: "PAYSLIP",
        workerId: demo.profileId,
        agencyId: agencyId[DEMO_WORKER.agency],
        fileName: `bulletin_${month}.pdf`,
        number: `${DEMO_WORKER.workerNumber}_${compactDate(endOfMonth(monthStart))}`,
        periodStart: monthStart,
        periodEnd: endOfMonth(monthStart),
        uploadedById: payrollId,
        createdAt: published,
      },
      render: { kind: "payslip", data },
    });
    payslips++;
  }

  {
    // After the last mission that ended before last month: an ASSEDIC
    // attestation and a work certificate, both asked for on the platform.
    const ended = demoContracts
      .filter((c) => c.state === "SIGNED" && c.endDate.getTime() < startOfMonth(today, -1).getTime())
      .sort((a, b) => b.endDate.getTime() - a.endDate.getTime());
    const last = ended[0];
    const lastEnd = last.endDate;
    const requestedAt = officeTime(addDays(lastEnd, 1));
    const issuedAt = officeTime(addDays(lastEnd, 3), 10, 16);
    const signatory = { name: "Sophie Martel", title: "Responsable d'agence", place: "Toulouse", date: parisDay(issuedAt) };
    const lastWork = monthWork(startOfMonth(lastEnd)).find((m) => m.c === last);
    const lastBase = Math.round(((lastWork?.minutes ?? 0) * last.hourlyRateCents) / 60);
    const endOfMissionCents = Math.round(lastBase * 0.1);
    const salaries = [];
    for (let k = 11; k >= 0; k--) {
      const monthStart = startOfMonth(lastEnd, -k);
      const data = payslipFor(monthStart, monthStart);
      const { totals } = computePayslip(data);
      salaries.push({ month: monthStart, minutes: totals.hoursMinutes, grossCents: totals.grossCents });
    }
    const periods = ended
      .filter((c) => diffDays(lastEnd, c.endDate) <= 45)
      .reverse()
      .map((c) => ({
        contractNumber: c.number as string,
        clientName: clientInfo[c.clientKey].name,
        jobTitle: qualificationLabel(c.qualificationCode),
        startDate: c.startDate,
        endDate: c.endDate,
      }));
    const employee = { ...demoEmployee, jobTitle: qualificationLabel(last.qualificationCode) };

    plan.documentRequests.push({
      id: rng.id(),
      workerId: demo.profileId,
      kind: "ASSEDIC_CERTIFICATE",
      message: "Bonjour, pourriez-vous me transmettre mon attestation pour France Travail ? Merci.",
      status: "DONE",
      createdAt: requestedAt,
      closedAt: issuedAt,
    });
    plan.documentRequests.push({
      id: rng.id(),
      workerId: demo.profileId,
      kind: "WORK_CERTIFICATE",
      message: null,
      status: "DONE",
      createdAt: addMinutes(requestedAt, 3),
      closedAt: addMinutes(issuedAt, 4),
    });
    plan.documents.push({
      row: {
        id: rng.id(),
        kind: "ASSEDIC_CERTIFICATE",
        workerId: demo.profileId,
        agencyId: agencyId[DEMO_WORKER.agency],
        fileName: `attestation_france_travail_${isoDate(lastEnd)}.pdf`,
        periodStart: periods[0]?.startDate ?? last.startDate,
        periodEnd: lastEnd,
        uploadedById: frontDeskId,
        createdAt: issuedAt,
      },
      render: {
        kind: "attestation",
        data: {
          employer: employerOf(DEMO_WORKER.agency),
          employee: { ...employee, birthDate: demo.birthDate },
          periods,
          endReason: "Fin de contrat de mission",
          salaries,
          endOfMissionCents,
          paidLeaveCents: Math.round((lastBase + endOfMissionCents) * 0.1),
          signatory,
        },
      },
    });
    const firstDay = demoContracts.filter((c) => c.state === "SIGNED").reduce((min, c) => (c.startDate < min ? c.startDate : min), lastEnd);
    plan.documents.push({
      row: {
        id: rng.id(),
        kind: "WORK_CERTIFICATE",
        workerId: demo.profileId,
        agencyId: agencyId[DEMO_WORKER.agency],
        fileName: `certificat_de_travail_${isoDate(lastEnd)}.pdf`,
        periodStart: firstDay,
        periodEnd: lastEnd,
        uploadedById: frontDeskId,
        createdAt: addMinutes(issuedAt, 4),
      },
      render: {
        kind: "certificate",
        data: {
          employer: employerOf(DEMO_WORKER.agency),
          employee,
          firstDay,
          lastDay: lastEnd,
          jobTitles: DEMO_WORKER.qualifications.map(qualificationLabel),
          signatory,
        },
      },
    });
  }

  // Requests waiting at the front desk.
  others
    .filter((_, i) => i % 10 === 6)
    .forEach((w, i) => {
      plan.documentRequests.push({
        id: rng.id(),
        workerId: w.profileId,
        kind: i % 2 ? "WORK_CERTIFICATE" : "ASSEDIC_CERTIFICATE",
        message: i % 2 ? null : "Bonjour, ma mission est terminée, pouvez-vous m'envoyer l'attestation ASSEDIC ? Cordialement.",
        status: "OPEN",
        createdAt: notAfterNow(addMinutes(now, -60 * rng.int(2, 70))),
      });
    });
}

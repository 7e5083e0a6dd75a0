// Accounts reserved for the documents e2e specs (e2e/documents, e2e/admin-
// blocs-audit): workers of MEDIMP with a few real PDFs, so that the specs
// never depend on the demo worker's data. Added last in the plan so that the
// rest of the demo data stays the same.
import type { PdfEmployer } from "../../lib/pdf/payslip";
import type { DocumentJob } from "./plan";
import { addDays, compactDate, endOfMonth, isoDate, startOfMonth, type Random } from "./time";

export const DOCUMENTS_E2E_WORKERS = [
  { email: "docs.lea@e2e.coop-emploi.fr", firstName: "Léa", lastName: "Papiers", number: "9601", payslips: 6, certificates: true },
  { email: "docs.marc@e2e.coop-emploi.fr", firstName: "Marc", lastName: "Autrui", number: "9602", payslips: 2, certificates: false },
  { email: "docs.nina@e2e.coop-emploi.fr", firstName: "Nina", lastName: "Lot", number: "9603", payslips: 0, certificates: false },
  { email: "docs.hugo@e2e.coop-emploi.fr", firstName: "Hugo", lastName: "Demande", number: "9604", payslips: 0, certificates: false },
] as const;

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

export function addDocumentsE2eData(ctx: {
  rng: Random;
  today: Date;
  addWorker: AddWorker;
  agencyId: string;
  uploadedById: string;
  employer: PdfEmployer;
  documents: DocumentJob[];
}) {
  DOCUMENTS_E2E_WORKERS.forEach((w, index) => {
    const worker = ctx.addWorker({
      email: w.email,
      civility: index % 2 ? "M" : "MME",
      firstName: w.firstName,
      lastName: w.lastName,
      street: `${10 + index} rue des Archives`,
      city: "toulouse",
      phone: `+3363998099${index}`,
      birthDate: new Date(Date.UTC(1990 + index, 2, 14)),
      mobilityKm: 20,
      familySituation: "CELIBATAIRE",
      childrenCount: 0,
      numbers: { MEDIMP: w.number },
      qualifications: [],
      clients: [],
      createdAt: addDays(startOfMonth(ctx.today, -14), 2),
    });
    const employee = { civility: index % 2 ? ("M" as const) : ("MME" as const), firstName: w.firstName, lastName: w.lastName, agencyCode: "MEDIMP", workerNumber: w.number, jobTitle: "AGENT DE SERVICE LOGISTIQUE (525)" };
    for (let k = 1; k <= w.payslips; k++) {
      const monthStart = startOfMonth(ctx.today, -k - 1);
      const monthEnd = endOfMonth(monthStart);
      ctx.documents.push({
        row: {
          id: ctx.rng.id(),
          kind: "PAYSLIP",
          workerId: worker.profileId,
          agencyId: ctx.agencyId,
          fileName: `bulletin_${isoDate(monthStart).slice(0, 7)}.pdf`,
          number: `${w.number}_${compactDate(monthEnd)}`,
          periodStart: monthStart,
          periodEnd: monthEnd,
          uploadedById: ctx.uploadedById,
          // Added on the 9th of the next month, 10:00 Paris.
          createdAt: new Date(addDays(endOfMonth(monthStart), 9).getTime() + 9 * 3_600_000),
        },
        render: {
          kind: "payslip",
          data: {
            employer: ctx.employer,
            employee,
            periodStart: monthStart,
            periodEnd: monthEnd,
            paymentDate: addDays(monthEnd, 9),
            missions: [{ contractNumber: `E2E${w.number}${k}`, clientName: "RESIDENCE JEAN XXIII", startDate: monthStart, endDate: monthEnd, minutes: (100 + k * 7) * 60, hourlyRateCents: 1245 }],
            incomeTaxRatePct: 0,
          },
        },
      });
    }
    if (w.certificates) {
      const lastEnd = endOfMonth(startOfMonth(ctx.today, -2));
      const firstDay = startOfMonth(ctx.today, -7);
      const signatory = { name: "Sophie Martel", title: "Responsable d'agence", place: "Toulouse", date: addDays(lastEnd, 3) };
      ctx.documents.push({
        row: {
          id: ctx.rng.id(),
          kind: "ASSEDIC_CERTIFICATE",
          workerId: worker.profileId,
          agencyId: ctx.agencyId,
          fileName: `attestation_assedic_${isoDate(lastEnd)}.pdf`,
          periodStart: firstDay,
          periodEnd: lastEnd,
          uploadedById: ctx.uploadedById,
          createdAt: addDays(lastEnd, 3),
        },
        render: {
          kind: "attestation",
          data: {
            employer: ctx.employer,
            employee: { ...employee, birthDate: new Date(Date.UTC(1990 + index, 2, 14)) },
            periods: [{ contractNumber: `E2E${w.number}`, clientName: "RESIDENCE JEAN XXIII", jobTitle: employee.jobTitle, startDate: firstDay, endDate: lastEnd }],
            endReason: "Fin de contrat de mission",
            salaries: [],
            endOfMissionCents: 0,
            paidLeaveCents: 0,
            signatory,
          },
        },
      });
      ctx.documents.push({
        row: {
          id: ctx.rng.id(),
          kind: "WORK_CERTIFICATE",
          workerId: worker.profileId,
          agencyId: ctx.agencyId,
          fileName: `certificat_de_travail_${isoDate(lastEnd)}.pdf`,
          periodStart: firstDay,
          periodEnd: lastEnd,
          uploadedById: ctx.uploadedById,
          createdAt: addDays(lastEnd, 4),
        },
        render: { kind: "certificate", data: { employer: ctx.employer, employee, firstDay, lastDay: lastEnd, jobTitles: [employee.jobTitle], signatory } },
      });
    }
  });
}

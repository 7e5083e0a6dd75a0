// Staff create a contract (DRAFT) with its shifts from a weekly pattern: the
// site and the worker must belong to the staff's agencies, the booking must
// pass every check of assertBookable (no other booking at those times,
// qualification held, rate, working time), and a double submit creates once.
import "server-only";
import { db } from "@/lib/db";
import { agencyScope, clientOfAgencies } from "@/lib/auth/scope";
import type { StaffUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit";
import { claimSubmission, firstSubmission, recordSubmission } from "@/lib/submissions";
import { assertBookable } from "./booking";
import { run, ServiceError, type Tx } from "./service";
import { generateShifts, isoDay, type WeeklyPattern } from "./shifts";
import { datesOfShifts, normalizeRecourse, recourseErrors, type RecourseFields } from "./rules";
import { formatDate } from "@/lib/format";
import type { Result } from "@/lib/result";

async function nextContractNumber(tx: Tx): Promise<string> {
  const rows = await tx.$queryRaw<
    { next: number }[]
  >`SELECT (COALESCE(MAX(CAST("number" AS INTEGER)), 40000) + 1)::int AS next FROM "Contract" WHERE "number" ~ '^[0-9]{1,9}$'`;
  return String(rows[0]?.next ?? 40001);
}

export type ContractInput = {
  workerId: string;
  siteId: string;
  qualificationId: string;
  reference: string;
  startDate: Date;
  endDate: Date;
  hoursLabel: string;
  hourlyRateCents: number;
  detail: string | null;
  weeklyHours: number | null;
  pattern: WeeklyPattern;
} & RecourseFields;

/**
 * `submission` (lib/submissions.ts) makes a double click or a second tab of
 * the same form land on the contract the first one created.
 */
export async function createContract(
  staff: StaffUser,
  input: ContractInput,
  submission: string | null = null,
): Promise<Result<{ id: string; number: string }>> {
  const created = async () => {
    const id = await firstSubmission(submission);
    return id ? db.contract.findFirst({ where: { id, ...agencyScope(staff) }, select: { id: true, number: true } }) : null;
  };
  return run(async () => {
    const earlier = await created();
    if (earlier) return earlier;
    const site = await db.clientSite.findFirst({
      where: { id: input.siteId, ...clientOfAgencies(staff) },
      include: { client: true },
    });
    if (!site) throw new ServiceError("Choisissez un site client de vos agences.", "siteId");
    const agencyId = site.client.agencyId;
    const worker = await db.workerProfile.findFirst({
      where: { id: input.workerId, agencies: { some: { agencyId } } },
      include: { user: { select: { id: true, active: true } } },
    });
    if (!worker) throw new ServiceError("Cet intérimaire n'est pas inscrit dans l'agence de ce client.", "workerId");
    if (!worker.user.active) throw new ServiceError("Le compte de cet intérimaire est désactivé.", "workerId");
    const qualification = await db.qualification.findUnique({ where: { id: input.qualificationId } });
    if (!qualification) throw new ServiceError("Choisissez une qualification.", "qualificationId");
    const recourse = normalizeRecourse(input);
    const recourseError = Object.entries(recourseErrors(recourse))[0];
    if (recourseError) throw new ServiceError(recourseError[1], recourseError[0]);

    const shifts = generateShifts(input.pattern, input.startDate, input.endDate);
    if (shifts.length === 0)
      throw new ServiceError(
        "Aucun jour travaillé entre ces dates : cochez au moins un jour de la semaine compris dans la période.",
        "weekdays",
      );
    // The dates of a contract are those of its shifts: the first and last days must be worked days.
    const span = datesOfShifts(shifts)!;
    if (span.startDate.getTime() !== input.startDate.getTime())
      throw new ServiceError(
        `Le ${formatDate(input.startDate)} n'est pas un jour coché : le contrat commence le jour de son premier créneau (le ${formatDate(span.startDate)}). Changez la date de début ou cochez ce jour.`,
        "startDate",
      );
    if (span.endDate.getTime() !== input.endDate.getTime())
      throw new ServiceError(
        `Le ${formatDate(input.endDate)} n'est pas un jour coché : le contrat finit le jour de son dernier créneau (le ${formatDate(span.endDate)}). Changez la date de fin ou cochez ce jour.`,
        "endDate",
      );

    for (let attempt = 0; attempt < 4; attempt++) {
      if (attempt > 0) {
        const earlier = await created();
        if (earlier) return earlier;
      }
      try {
        return await db.$transaction(async (tx) => {
          await claimSubmission(tx, submission);
          await assertBookable(tx, {
            workerId: worker.id,
            contractId: null,
            agencyId,
            qualificationId: qualification.id,
            hourlyRateCents: input.hourlyRateCents,
            startDate: input.startDate,
            endDate: input.endDate,
            shifts,
          });
          const number = await nextContractNumber(tx);
          const contract = await tx.contract.create({
            data: {
              number,
              reference: input.reference,
              agencyId,
              workerId: worker.id,
              clientId: site.clientId,
              siteId: site.id,
              qualificationId: qualification.id,
              startDate: input.startDate,
              endDate: input.endDate,
              hoursLabel: input.hoursLabel,
              detail: input.detail,
              hourlyRateCents: input.hourlyRateCents,
              weeklyHours: input.weeklyHours,
              ...recourse,
              state: "DRAFT",
              shifts: { create: shifts.map((s) => ({ startsAt: s.startsAt, endsAt: s.endsAt, breakMinutes: s.breakMinutes })) },
            },
          });
          await recordAudit(
            tx,
            {
              type: "contract.created",
              data: {
                number,
                startDate: isoDay(input.startDate),
                endDate: isoDay(input.endDate),
                shifts: shifts.length,
                hourlyRateCents: input.hourlyRateCents,
              },
            },
            { actorId: staff.id, subjectUserId: worker.user.id, agencyId, entityType: "Contract", entityId: contract.id },
          );
          await recordSubmission(tx, submission, contract.id);
          return { id: contract.id, number };
        });
      } catch (error) {
        // A colleague took the same number, or a twin submission of this form created it.
        if ((error as { code?: string }).code === "P2002" && attempt < 3) continue;
        throw error;
      }
    }
    throw new ServiceError("Impossible d'attribuer un numéro de contrat, réessayez.");
  });
}

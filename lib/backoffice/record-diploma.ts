// Staff record a diploma they checked on the original (paper, at the front
// desk): validated at once, it grants its qualification, the only way besides
// validating a worker's upload (without a diploma, no qualification, no
// mission). One diploma per rendered form; audited.
import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { workerOfAgencies } from "@/lib/auth/scope";
import type { StaffUser } from "@/lib/auth/session";
import { isoDay } from "@/lib/contracts/shifts";
import { createOnce } from "@/lib/submissions";
import { fail, ok, type Result } from "@/lib/result";

export async function recordCheckedDiploma(
  staff: StaffUser,
  input: { workerId: string; name: string; obtainedOn: Date; qualificationId: string },
  submission: string | null,
): Promise<Result> {
  const worker = await db.workerProfile.findFirst({
    where: { AND: [{ id: input.workerId }, workerOfAgencies(staff)] },
    select: { id: true, userId: true, agencies: { select: { agencyId: true } } },
  });
  if (!worker) return fail("Intérimaire introuvable.");
  const qualification = await db.qualification.findUnique({
    where: { id: input.qualificationId },
    select: { id: true, code: true, label: true },
  });
  if (!qualification) return fail("Choisissez une qualification.", { qualificationId: "Choisissez une qualification." });
  const agencyId = worker.agencies.find((a) => staff.agencyIds.includes(a.agencyId))?.agencyId ?? null;
  await createOnce(submission, async (tx) => {
    const at = new Date();
    const diploma = await tx.diploma.create({
      data: {
        workerId: worker.id,
        name: input.name,
        obtainedOn: input.obtainedOn,
        status: "APPROVED",
        reviewerId: staff.id,
        reviewedAt: at,
        grants: { connect: [{ id: qualification.id }] },
      },
    });
    await tx.workerQualification.upsert({
      where: { workerId_qualificationId: { workerId: worker.id, qualificationId: qualification.id } },
      create: { workerId: worker.id, qualificationId: qualification.id, diplomaId: diploma.id, grantedAt: at },
      // A grant left without a validated diploma now rests on this one.
      update: { diplomaId: diploma.id },
    });
    await recordAudit(
      tx,
      {
        type: "diploma.recorded",
        data: { name: input.name, obtainedOn: isoDay(input.obtainedOn), qualification: `${qualification.label} (${qualification.code})` },
      },
      { actorId: staff.id, subjectUserId: worker.userId, agencyId, entityType: "Diploma", entityId: diploma.id },
    );
    return diploma.id;
  });
  return ok();
}

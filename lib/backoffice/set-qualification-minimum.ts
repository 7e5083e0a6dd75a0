// Staff set (or remove) their agency's minimum hourly rate for a
// qualification; contracts in that qualification are refused below it
// (lib/contracts/booking.ts). Audited with the old and new values.
import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { ownAgencies } from "@/lib/auth/scope";
import type { StaffUser } from "@/lib/auth/session";
import { fail, ok, type Result } from "@/lib/result";

/** `minHourlyCents` null removes the minimum. */
export async function setQualificationMinimum(
  staff: StaffUser,
  input: { agencyId: string; qualificationId: string; minHourlyCents: number | null },
): Promise<Result> {
  const agency = await db.agency.findFirst({ where: { AND: [{ id: input.agencyId }, ownAgencies(staff)] }, select: { id: true } });
  if (!agency) return fail("Agence introuvable.", { agencyId: "Choisissez une de vos agences." });
  const qualification = await db.qualification.findUnique({ where: { id: input.qualificationId }, select: { code: true, label: true } });
  if (!qualification) return fail("Choisissez une qualification.", { qualificationId: "Choisissez une qualification." });
  return db.$transaction(async (tx) => {
    const key = { agencyId_qualificationId: { agencyId: agency.id, qualificationId: input.qualificationId } };
    const before = await tx.qualificationMinimumRate.findUnique({ where: key, select: { minHourlyCents: true } });
    const from = before?.minHourlyCents ?? null;
    if (from === input.minHourlyCents) return ok();
    if (input.minHourlyCents === null) await tx.qualificationMinimumRate.delete({ where: key });
    else
      await tx.qualificationMinimumRate.upsert({
        where: key,
        create: { agencyId: agency.id, qualificationId: input.qualificationId, minHourlyCents: input.minHourlyCents },
        update: { minHourlyCents: input.minHourlyCents },
      });
    await recordAudit(
      tx,
      {
        type: "qualification_minimum.set",
        data: { qualification: `${qualification.label} (${qualification.code})`, from, to: input.minHourlyCents },
      },
      { actorId: staff.id, agencyId: agency.id, entityType: "Qualification", entityId: input.qualificationId },
    );
    return ok();
  });
}

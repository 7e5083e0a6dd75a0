// Staff record whether their agency has an agreement (accord de branche ou
// d'entreprise) that allows 12 h of work a day instead of 10 h. Audited.
import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { ownAgencies } from "@/lib/auth/scope";
import type { StaffUser } from "@/lib/auth/session";
import { fail, ok, type Result } from "@/lib/result";

export async function setLongDayAgreement(staff: StaffUser, agencyId: string, enabled: boolean): Promise<Result> {
  return db.$transaction(async (tx) => {
    const updated = await tx.agency.updateMany({
      where: { AND: [{ id: agencyId }, ownAgencies(staff)], longDayAgreement: !enabled },
      data: { longDayAgreement: enabled },
    });
    if (updated.count === 0) {
      const mine = await tx.agency.findFirst({ where: { AND: [{ id: agencyId }, ownAgencies(staff)] }, select: { id: true } });
      return mine ? ok() : fail("Agence introuvable.");
    }
    await recordAudit(
      tx,
      { type: "agency.long_day_agreement_set", data: { enabled } },
      { actorId: staff.id, agencyId, entityType: "Agency", entityId: agencyId },
    );
    return ok();
  });
}

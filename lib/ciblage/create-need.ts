// "Créer le ciblage": a need of the agency of the chosen site, created once
// per rendered form (a second click lands on the need the first one created).
import { clientOfAgencies } from "@/lib/auth/scope";
import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { StaffUser } from "@/lib/auth/session";
import { FIX_FIELDS } from "@/lib/forms";
import { fail, okWith, type Result } from "@/lib/result";
import { createOnce } from "@/lib/submissions";

export type NeedInput = {
  siteId: string;
  qualificationId: string;
  start: Date;
  end: Date;
  startDate: string;
  endDate: string;
  hoursLabel: string;
  hourlyRate: string;
  description: string;
  workersWanted: number;
};

const invalid = (field: string, message: string) => fail(FIX_FIELDS, { [field]: message });

/** The dates are checked by the caller; the site must be of the staff's agencies. */
export async function createNeed(staff: StaffUser, data: NeedInput, submission: string | null): Promise<Result<{ id: string }>> {
  const { start, end } = data;
  const site = await db.clientSite.findFirst({
    where: { id: data.siteId, ...clientOfAgencies(staff) },
    select: { id: true, client: { select: { agencyId: true } } },
  });
  if (!site) return invalid("siteId", "Site inconnu.");
  const qualification = await db.qualification.findUnique({ where: { id: data.qualificationId }, select: { id: true } });
  if (!qualification) return invalid("qualificationId", "Qualification inconnue.");
  const { id } = await createOnce(submission, async (tx) => {
    const need = await tx.missionNeed.create({
      data: {
        agencyId: site.client.agencyId,
        siteId: site.id,
        qualificationId: qualification.id,
        startDate: start,
        endDate: end,
        hoursLabel: data.hoursLabel.replace(/\s+/g, " "),
        hourlyRateCents: data.hourlyRate ? Math.round(Number(data.hourlyRate.replace(",", ".")) * 100) : null,
        description: data.description || null,
        workersWanted: data.workersWanted,
        createdById: staff.id,
      },
    });
    await recordAudit(
      tx,
      {
        type: "targeting.created",
        data: {
          siteId: site.id,
          qualificationId: qualification.id,
          startDate: data.startDate,
          endDate: data.endDate,
          hours: need.hoursLabel,
        },
      },
      { actorId: staff.id, agencyId: need.agencyId, entityType: "MissionNeed", entityId: need.id },
    );
    return need.id;
  });
  return okWith({ id });
}

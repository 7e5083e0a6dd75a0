// Staff writes on worker accounts: invitation and (de)activation.
import "server-only";
import { db } from "@/lib/db";
import { membershipOfAgencies, workerOfAgencies } from "@/lib/auth/scope";
import type { StaffUser } from "@/lib/auth/session";
import { recordAudit, type AuditEntry } from "@/lib/audit";
import { emailToken, queueTokenEmail } from "@/lib/auth/accounts";
import { wakeOutboxWorker } from "@/lib/messaging/worker";
import { TOKEN_LIFETIME_MINUTES } from "@/lib/auth/tokens";
import { invitation } from "@/lib/messaging/templates";
import { claimSubmission, firstSubmission, recordSubmission } from "@/lib/submissions";
import { fail, ok, okWith, type Result } from "@/lib/result";

const ALL_NOTIFICATIONS = [
  "ADVANCE_ACCEPTED",
  "ADVANCE_PAID",
  "TARGETING_CLOSED",
  "CONTRACT_DATE_CHANGED",
  "NEW_PAYSLIP",
  "NEW_WORK_CERTIFICATE",
  "NEW_CONTRACT",
  "NEW_ASSEDIC_CERTIFICATE",
] as const;

const invitationContent = (user: { firstName: string }) => async (url: (path: string) => Promise<string>, token: string) =>
  invitation({
    firstName: user.firstName,
    url: await url(`/inscription/activer?token=${encodeURIComponent(token)}`),
    validMinutes: TOKEN_LIFETIME_MINUTES.INVITATION,
  });

/** A new invitation link and its email in one transaction, with the audit entry when given. */
export async function sendInvitationEmail(user: { id: string; email: string; firstName: string }, audit?: AuditEntry) {
  await emailToken(user, "INVITATION", invitationContent(user), audit);
}

/**
 * Creates the account (no password yet), the profile and the worker number in
 * the agency, then emails a link to choose a password. An address that already
 * has an account is refused, so an invitation never takes over an account.
 * A repeated submission of the same form (`submission`, lib/submissions.ts)
 * answers with the worker the first one created, without a second email.
 */
export async function inviteWorker(
  staff: StaffUser,
  input: { agencyId: string; firstName: string; lastName: string; email: string; phone: string | null },
  submission: string | null = null,
): Promise<Result<{ workerId: string; workerNumber: string }>> {
  if (!staff.agencyIds.includes(input.agencyId))
    return fail("Choisissez une de vos agences.", { agencyId: "Choisissez une de vos agences." });
  for (let attempt = 0; attempt < 5; attempt++) {
    const earlier = await firstSubmission(submission);
    if (earlier) {
      const number = await db.workerAgency.findFirst({
        where: { workerId: earlier, ...membershipOfAgencies(staff) },
        select: { workerNumber: true },
      });
      if (number) return okWith({ workerId: earlier, workerNumber: number.workerNumber });
    }
    try {
      const created = await db.$transaction(async (tx) => {
        await claimSubmission(tx, submission);
        const taken = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
        if (taken) return null;
        const rows = await tx.$queryRaw<
          { next: number }[]
        >`SELECT (COALESCE(MAX(CAST("workerNumber" AS INTEGER)), 1000) + 1)::int AS next FROM "WorkerAgency" WHERE "agencyId" = ${input.agencyId} AND "workerNumber" ~ '^[0-9]{1,9}$'`;
        const workerNumber = String(rows[0]?.next ?? 1001);
        const user = await tx.user.create({
          data: {
            email: input.email,
            role: "WORKER",
            firstName: input.firstName,
            lastName: input.lastName.toUpperCase(),
            workerProfile: { create: { phone: input.phone, agencies: { create: { agencyId: input.agencyId, workerNumber } } } },
            notificationPrefs: { create: ALL_NOTIFICATIONS.map((kind) => ({ kind, enabled: true })) },
          },
          include: { workerProfile: { select: { id: true } } },
        });
        await recordAudit(
          tx,
          { type: "worker.invited", data: { email: input.email, workerNumber } },
          {
            actorId: staff.id,
            subjectUserId: user.id,
            agencyId: input.agencyId,
            entityType: "WorkerProfile",
            entityId: user.workerProfile!.id,
          },
        );
        // The invitation link and its email commit with the account.
        await queueTokenEmail(tx, user, "INVITATION", invitationContent(user));
        await recordSubmission(tx, submission, user.workerProfile!.id);
        return { user, workerId: user.workerProfile!.id, workerNumber };
      });
      if (!created)
        return fail("Un compte existe déjà avec cette adresse e-mail.", { email: "Un compte existe déjà avec cette adresse e-mail." });
      wakeOutboxWorker();
      return okWith({ workerId: created.workerId, workerNumber: created.workerNumber });
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002") throw error;
      // same email, same number or this same form taken concurrently: the next loop tells which
    }
  }
  return fail("Impossible de créer le compte pour le moment, réessayez.");
}

/** Deactivating ends every session at once; the account keeps its data. */
export async function setWorkerActive(staff: StaffUser, workerId: string, active: boolean): Promise<Result> {
  const worker = await db.workerProfile.findFirst({
    where: { id: workerId, ...workerOfAgencies(staff) },
    select: {
      id: true,
      userId: true,
      user: { select: { active: true } },
      agencies: { where: membershipOfAgencies(staff), select: { agencyId: true } },
    },
  });
  if (!worker) return fail("Intérimaire introuvable.");
  if (worker.user.active === active) return ok();
  await db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: worker.userId, active: !active }, data: { active } });
    if (count !== 1) return;
    let ended = 0;
    if (!active) {
      ended = (await tx.userSession.deleteMany({ where: { userId: worker.userId } })).count;
      await tx.authToken.updateMany({ where: { userId: worker.userId, usedAt: null }, data: { usedAt: new Date() } });
    }
    await recordAudit(
      tx,
      active ? { type: "worker.reactivated", data: {} } : { type: "worker.deactivated", data: { sessionsEnded: ended } },
      {
        actorId: staff.id,
        subjectUserId: worker.userId,
        agencyId: worker.agencies[0]?.agencyId ?? null,
        entityType: "WorkerProfile",
        entityId: worker.id,
      },
    );
  });
  return ok();
}

/** "Renvoyer l'invitation" to a worker of the staff's agencies who has not chosen a password yet. */
export async function resendInvitation(staff: StaffUser, workerId: string): Promise<Result> {
  const worker = await db.workerProfile.findFirst({
    where: { id: workerId, ...workerOfAgencies(staff) },
    select: { id: true, user: { select: { id: true, email: true, firstName: true, passwordHash: true, active: true } } },
  });
  if (!worker) return fail("Intérimaire introuvable.");
  if (worker.user.passwordHash) return fail("Ce compte est déjà activé.");
  if (!worker.user.active) return fail("Ce compte est désactivé.");
  await sendInvitationEmail(worker.user, {
    event: { type: "worker.invitation_resent", data: {} },
    context: { actorId: staff.id, subjectUserId: worker.user.id, entityType: "WorkerProfile", entityId: worker.id },
  });
  return ok();
}

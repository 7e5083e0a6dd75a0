// Staff correct a worker's data directly ("Modifier les informations"),
// without the worker's change request. Each field is checked by its own
// definition (lib/profile/fields.ts), applied as an approved change is
// (applyValue), and the edit, its audit entry and the worker's email commit
// together, once per rendered form.
import "server-only";
import { db } from "@/lib/db";
import { membershipOfAgencies, workerOfAgencies } from "@/lib/auth/scope";
import type { StaffUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit";
import { locateCommune } from "@/lib/geo/communes";
import { notifyDecision } from "@/lib/notifications";
import { wakeOutboxWorker } from "@/lib/messaging/worker";
import { createOnce, firstSubmission, isUniqueViolation } from "@/lib/submissions";
import { absoluteUrl } from "@/lib/url";
import { fieldDef, pendingKeyOf, type FieldKey } from "@/lib/profile/fields";
import { applyValue, changeValue, loadProfile, maskEmail, validatedValues } from "@/lib/profile/service";
import { changeLines, readStaffEdit } from "@/lib/profile/staff-edit";
import { FIX_FIELDS } from "@/lib/forms";
import { fail, okWith, type Result } from "@/lib/result";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export const EMAIL_TAKEN = "Cette adresse e-mail est déjà utilisée par un autre compte.";
const REPEATED = "Informations mises à jour.";
export const NOTHING_CHANGED = "Aucune modification : les valeurs saisies sont celles déjà enregistrées.";

export type WorkerProfileUpdate = {
  /** Labels of the fields changed, in the form's order. */
  changed: string[];
  /** Labels of fields whose pending request (another value) stays to be decided in Validations. */
  stillPending: string[];
};

class NothingChanged extends Error {}

/**
 * Applies the fields of the staff form that differ from the values on file.
 * `values` are the submitted form's values (lib/profile/staff-edit.ts names);
 * `key` the rendered form's key (a repeat answers like the first and changes
 * nothing). A worker outside the staff member's agencies is not found.
 */
export async function updateWorkerProfile(
  staff: Pick<StaffUser, "id" | "agencyIds">,
  workerId: string,
  values: Record<string, unknown>,
  key: string | null,
): Promise<Result<WorkerProfileUpdate>> {
  const scoped = await db.workerProfile.findFirst({
    where: { id: workerId, ...workerOfAgencies(staff) },
    select: { id: true, userId: true, agencies: { where: membershipOfAgencies(staff), select: { agencyId: true }, take: 1 } },
  });
  if (!scoped) return fail("Intérimaire introuvable.");
  const agencyId = scoped.agencies[0]?.agencyId ?? null;
  // The same form posted again (double click, replay) answers like the first,
  // before comparing: the values it typed are by now the ones on file.
  if (await firstSubmission(key)) return okWith({ changed: [], stillPending: [] }, REPEATED);

  const profile = await loadProfile(workerId);
  const read = readStaffEdit(values, validatedValues(profile!));
  const errors = { ...read.errors };
  if (read.value.address) {
    // The register of communes, as for the worker's own change.
    const a = JSON.parse(read.value.address) as { postalCode: string; city: string };
    const place = locateCommune(a.postalCode, a.city);
    if (!place.ok) errors[place.field] = place.error;
  }
  if (read.value.email) {
    const taken = await db.user.findFirst({ where: { email: read.value.email, NOT: { id: scoped.userId } }, select: { id: true } });
    if (taken) errors.email = EMAIL_TAKEN;
  }
  if (Object.keys(errors).length) return fail(FIX_FIELDS, errors);
  if (!Object.keys(read.value).length) return fail(NOTHING_CHANGED);

  const ctaUrl = await absoluteUrl("/fiche-perso");
  let outcome: WorkerProfileUpdate = { changed: [], stillPending: [] };
  try {
    const created = await createOnce(key, async (tx) => {
      outcome = await apply(tx, { staffId: staff.id, workerId, userId: scoped.userId, agencyId, values, ctaUrl, key });
      return workerId;
    });
    // Both posted at once: the first did the work.
    if (created.repeated) return okWith(outcome, REPEATED);
  } catch (error) {
    if (error instanceof NothingChanged) return fail(NOTHING_CHANGED);
    if (isUniqueViolation(error)) return fail(FIX_FIELDS, { email: EMAIL_TAKEN });
    throw error;
  }
  wakeOutboxWorker();
  const pending = outcome.stillPending.length
    ? ` Une demande de l'intérimaire reste en attente pour : ${outcome.stillPending.join(", ")} (à traiter dans Validations).`
    : "";
  return okWith(outcome, `Informations mises à jour : ${outcome.changed.join(", ")}. L'intérimaire en est informé par e-mail.${pending}`);
}

async function apply(
  tx: Tx,
  input: {
    staffId: string;
    workerId: string;
    userId: string;
    agencyId: string | null;
    values: Record<string, unknown>;
    ctaUrl: string;
    key: string | null;
  },
): Promise<WorkerProfileUpdate> {
  // Two staff saving at once: the second waits here, then compares with what
  // the first wrote, so the same correction is applied, audited and emailed once.
  await tx.$queryRaw`SELECT id FROM "WorkerProfile" WHERE id = ${input.workerId} FOR UPDATE`;
  const profile = (await loadProfile(input.workerId, tx))!;
  const current = validatedValues(profile);
  const changed = readStaffEdit(input.values, current).value;
  const fields = Object.keys(changed) as FieldKey[];
  if (!fields.length) throw new NothingChanged();

  for (const field of fields) await applyValue(tx, profile, field, changed[field]!);
  const lines = changeLines(changed, current);
  const context = { actorId: input.staffId, subjectUserId: input.userId, agencyId: input.agencyId };
  await recordAudit(
    tx,
    { type: "worker.profile.updated_by_staff", data: { fields, changes: lines.map(({ field, from, to }) => ({ field, from, to })) } },
    { ...context, entityType: "WorkerProfile", entityId: input.workerId },
  );

  // A request of the worker for the same field: the same value is what they
  // asked for, so it is closed as approved; another value stays pending for
  // staff to decide (Validations shows it against the new value in force).
  const stillPending: string[] = [];
  for (const field of fields) {
    const open = await tx.profileChange.findUnique({ where: { pendingKey: pendingKeyOf(input.workerId, field) } });
    if (!open || open.status !== "PENDING") continue;
    if (changeValue(field, open.newValue) !== changed[field]) {
      stillPending.push(fieldDef(field)!.label);
      continue;
    }
    await tx.profileChange.update({
      where: { id: open.id },
      data: { status: "APPROVED", reviewerId: input.staffId, reviewedAt: new Date(), pendingKey: null },
    });
    await recordAudit(
      tx,
      { type: "profile.change_approved", data: { field } },
      { ...context, entityType: "ProfileChange", entityId: open.id },
    );
  }

  const dedupe = input.key ?? `${input.workerId}:${Date.now()}`;
  await notifyDecision(
    input.userId,
    {
      title: "Vos informations ont été mises à jour",
      paragraphs: [
        `Votre agence a mis à jour vos informations : ${lines.map((l) => l.label).join(", ")}.`,
        ...lines.map((l) => `${l.label} : ${l.to}`),
        "Si ces informations ne sont pas exactes, contactez votre agence ou demandez une modification depuis votre fiche.",
      ],
      ctaLabel: "Voir ma fiche",
      ctaUrl: input.ctaUrl,
    },
    undefined,
    { tx, agencyId: input.agencyId, dedupeKey: `profile-staff-updated:${dedupe}` },
  );
  if (changed.email && current.email && changed.email !== current.email) {
    // The old address is told too, so that a worker who did not expect it can react.
    await notifyDecision(
      input.userId,
      {
        firstName: profile.user.firstName,
        subject: "Votre adresse e-mail a été modifiée",
        title: "Votre adresse e-mail de connexion a changé",
        paragraphs: [
          `Votre agence a remplacé cette adresse par ${maskEmail(changed.email)}. Vous vous connectez désormais avec la nouvelle adresse.`,
          "Si vous n'êtes pas à l'origine de ce changement, contactez votre agence sans attendre.",
        ],
      },
      current.email,
      { tx, agencyId: input.agencyId, dedupeKey: `profile-staff-email-replaced:${dedupe}` },
    );
  }
  return { changed: lines.map((l) => l.label), stillPending };
}

import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { workerOfAgencies } from "@/lib/auth/scope";
import { recordAudit } from "@/lib/audit";
import { encryptSecret, tryDecryptSecret } from "@/lib/crypto/secrets";
import { locateCommune } from "@/lib/geo/communes";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Civility, FamilySituation, WorkPeriodPreference } from "@/lib/generated/prisma/enums";
import { notifyDecision } from "@/lib/notifications";
import { wakeOutboxWorker } from "@/lib/messaging/worker";
import { absoluteUrl } from "@/lib/url";
import { documentKindOf, fieldDef, fieldLabel, pendingKeyOf, type FieldKey } from "./fields";
import { fail, ok, type Result } from "@/lib/result";

type Tx = Prisma.TransactionClient;

/** The profile columns validatedValues reads (also selected by the staff review page). */
export const profileSelect = {
  id: true,
  civility: true,
  birthName: true,
  phone: true,
  address: true,
  postalCode: true,
  city: true,
  mobilityKm: true,
  workPeriod: true,
  familySituation: true,
  childrenCount: true,
  ssnEncrypted: true,
  ibanEncrypted: true,
  bic: true,
  user: { select: { id: true, email: true, firstName: true, lastName: true } },
} satisfies Prisma.WorkerProfileSelect;

type ProfileRow = Prisma.WorkerProfileGetPayload<{ select: typeof profileSelect }>;

/** The validated value of every field, as the canonical strings of lib/profile/fields (decrypted). */
export function validatedValues(p: ProfileRow): Record<FieldKey, string | null> {
  const iban = tryDecryptSecret(p.ibanEncrypted);
  return {
    civility: p.civility,
    lastName: p.user.lastName,
    firstName: p.user.firstName,
    birthName: p.birthName,
    email: p.user.email,
    ssn: tryDecryptSecret(p.ssnEncrypted),
    mobilityKm: p.mobilityKm === null ? null : String(p.mobilityKm),
    workPeriod: p.workPeriod,
    address: p.address ? JSON.stringify({ address: p.address, postalCode: p.postalCode ?? "", city: p.city ?? "" }) : null,
    phone: p.phone,
    iban: iban ? JSON.stringify({ iban, bic: p.bic ?? "" }) : null,
    familySituation: p.familySituation,
    childrenCount: p.childrenCount === null ? null : String(p.childrenCount),
  };
}

export async function loadProfile(workerId: string, client: Tx | typeof db = db): Promise<ProfileRow | null> {
  return client.workerProfile.findUnique({ where: { id: workerId }, select: profileSelect });
}

/** A stored change value, decrypted when the field is sensitive. */
export function changeValue(field: string, stored: string | null): string | null {
  if (stored === null) return null;
  return fieldDef(field)?.sensitive ? tryDecryptSecret(stored) : stored;
}

/** A short fingerprint of the value a reviewer saw: approving a value edited since does nothing. */
export function valueToken(stored: string | null): string {
  return createHash("sha256")
    .update(stored ?? "")
    .digest("hex")
    .slice(0, 16);
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Records a change the worker asks for. The validated value stays in force;
 * a second request for the same field replaces the pending one (one pending
 * change per field, held by a unique key, so two tabs never make two).
 */
export async function requestFieldChange(input: {
  workerId: string;
  userId: string;
  field: string;
  value: string;
  documentId?: string | null;
}): Promise<Result> {
  const def = fieldDef(input.field);
  const isDocument = documentKindOf(input.field) !== null;
  if (!def && !isDocument) return fail("Champ inconnu.");
  const profile = await loadProfile(input.workerId);
  if (!profile) return fail("Fiche introuvable.");
  const current = def ? validatedValues(profile)[def.key] : null;
  const pending = await db.profileChange.findUnique({ where: { pendingKey: pendingKeyOf(input.workerId, input.field) } });
  if (def && current === input.value && !pending) return fail("Cette valeur est déjà celle enregistrée.", {});
  if (def?.key === "email") {
    const taken = await db.user.findFirst({ where: { email: input.value, NOT: { id: input.userId } }, select: { id: true } });
    if (taken) return fail("Cette adresse e-mail est déjà utilisée par un autre compte.", { value: "Adresse déjà utilisée." });
  }
  const stored = def?.sensitive ? encryptSecret(input.value) : input.value;
  const oldStored = def?.sensitive && current ? encryptSecret(current) : current;

  // The change and its audit entry commit together; a retry is a transaction of its own.
  const write = (): Promise<string> =>
    db.$transaction(async (tx) => {
      const id = await upsert(tx);
      await recordAudit(
        tx,
        { type: "profile.change_requested", data: { field: input.field } },
        { actorId: input.userId, subjectUserId: input.userId, entityType: "ProfileChange", entityId: id },
      );
      return id;
    });
  async function upsert(db: Tx): Promise<string> {
    const open = await db.profileChange.findUnique({ where: { pendingKey: pendingKeyOf(input.workerId, input.field) } });
    if (open) {
      const updated = await db.profileChange.updateMany({
        where: { id: open.id, status: "PENDING" },
        data: { newValue: stored, documentId: input.documentId ?? null, createdAt: new Date() },
      });
      if (updated.count === 1) return open.id;
    }
    const created = await db.profileChange.create({
      data: {
        workerId: input.workerId,
        field: input.field,
        oldValue: oldStored,
        newValue: stored,
        documentId: input.documentId ?? null,
        pendingKey: pendingKeyOf(input.workerId, input.field),
      },
    });
    return created.id;
  }
  try {
    await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await write(); // the other tab created it first: edit that one
  }
  return ok("Modification enregistrée : elle est en attente de validation par l'agence.");
}

/** Writes an approved value into the profile (inside the approval's transaction, or a staff edit's). */
export async function applyValue(tx: Tx, profile: ProfileRow, field: string, value: string | null): Promise<void> {
  const def = fieldDef(field);
  if (!def || value === null) return; // documents: the approved change itself is the validation
  const profileData: Prisma.WorkerProfileUpdateInput = {};
  const userData: Prisma.UserUpdateInput = {};
  switch (def.key) {
    case "civility":
      profileData.civility = value as Civility;
      break;
    case "lastName":
      userData.lastName = value;
      break;
    case "firstName":
      userData.firstName = value;
      break;
    case "birthName":
      profileData.birthName = value || null;
      break;
    case "email":
      userData.email = value;
      break;
    case "ssn":
      profileData.ssnEncrypted = encryptSecret(value);
      break;
    case "mobilityKm":
      profileData.mobilityKm = Number(value);
      break;
    case "workPeriod":
      profileData.workPeriod = value as WorkPeriodPreference;
      break;
    case "address": {
      const a = JSON.parse(value) as { address: string; postalCode: string; city: string };
      profileData.address = a.address;
      profileData.city = a.city;
      profileData.postalCode = a.postalCode;
      if (a.postalCode !== profile.postalCode || a.city !== profile.city) {
        // Another commune: the point the ciblage measures distances from moves with it.
        const place = locateCommune(a.postalCode, a.city);
        const commune = place.ok ? place.commune : null;
        Object.assign(profileData, {
          inseeCode: commune?.inseeCode ?? null,
          latitude: commune?.latitude ?? null,
          longitude: commune?.longitude ?? null,
        });
      }
      break;
    }
    case "phone":
      profileData.phone = value;
      break;
    case "iban": {
      const b = JSON.parse(value) as { iban: string; bic: string };
      profileData.ibanEncrypted = encryptSecret(b.iban);
      profileData.bic = b.bic;
      break;
    }
    case "familySituation":
      profileData.familySituation = value as FamilySituation;
      break;
    case "childrenCount":
      profileData.childrenCount = Number(value);
      break;
  }
  if (Object.keys(profileData).length) await tx.workerProfile.update({ where: { id: profile.id }, data: profileData });
  if (Object.keys(userData).length) await tx.user.update({ where: { id: profile.user.id }, data: userData });
}

/** Staff of one of the worker's agencies approve a pending change: applied atomically, once. */
export async function approveChange(staff: { id: string; agencyIds: string[] }, changeId: string, token: string): Promise<Result> {
  const change = await db.profileChange.findFirst({
    where: { id: changeId, worker: workerOfAgencies(staff) },
    include: { worker: { select: { userId: true, agencies: { select: { agencyId: true } } } } },
  });
  if (!change) return fail("Demande introuvable.");
  if (change.status !== "PENDING") return fail("Cette demande a déjà été traitée.");
  if (valueToken(change.newValue) !== token) return fail("L'intérimaire a modifié sa demande entre-temps : vérifiez la nouvelle valeur.");
  const previous =
    change.field === "email"
      ? await db.user.findUnique({ where: { id: change.worker.userId }, select: { email: true, firstName: true } })
      : null;
  const ctaUrl = await absoluteUrl("/fiche-perso");
  try {
    await db.$transaction(async (tx) => {
      const done = await tx.profileChange.updateMany({
        where: { id: change.id, status: "PENDING", newValue: change.newValue },
        data: { status: "APPROVED", reviewerId: staff.id, reviewedAt: new Date(), pendingKey: null },
      });
      if (done.count !== 1) throw new StaleError();
      const profile = await loadProfile(change.workerId, tx);
      await applyValue(tx, profile!, change.field, changeValue(change.field, change.newValue));
      await recordAudit(
        tx,
        { type: "profile.change_approved", data: { field: change.field } },
        {
          actorId: staff.id,
          subjectUserId: change.worker.userId,
          agencyId: change.worker.agencies[0]?.agencyId,
          entityType: "ProfileChange",
          entityId: change.id,
        },
      );
      // The decision email (and the warning to a replaced address) commit with the change.
      await notifyReviewed(tx, change.id, change.worker.userId, change.field, { approved: true }, ctaUrl);
      if (previous && change.newValue && previous.email !== change.newValue)
        await warnPreviousAddress(tx, change.id, change.worker.userId, previous, change.newValue);
    });
  } catch (error) {
    if (error instanceof StaleError) return fail("Cette demande a déjà été traitée ou modifiée.");
    if (isUniqueViolation(error)) return fail("Cette adresse e-mail est déjà utilisée par un autre compte : refusez la demande.");
    throw error;
  }
  wakeOutboxWorker();
  return ok("Modification validée et appliquée.");
}

export async function refuseChange(staff: { id: string; agencyIds: string[] }, changeId: string, reason: string): Promise<Result> {
  const change = await db.profileChange.findFirst({
    where: { id: changeId, worker: workerOfAgencies(staff) },
    include: { worker: { select: { userId: true, agencies: { select: { agencyId: true } } } } },
  });
  if (!change) return fail("Demande introuvable.");
  const ctaUrl = await absoluteUrl("/fiche-perso");
  // The refusal, its audit entry and its email in one transaction.
  const applied = await db.$transaction(async (tx) => {
    const done = await tx.profileChange.updateMany({
      where: { id: change.id, status: "PENDING" },
      data: { status: "REFUSED", reviewerId: staff.id, reviewedAt: new Date(), refusalReason: reason, pendingKey: null },
    });
    if (done.count !== 1) return false;
    await recordAudit(
      tx,
      { type: "profile.change_refused", data: { field: change.field, reason } },
      {
        actorId: staff.id,
        subjectUserId: change.worker.userId,
        agencyId: change.worker.agencies[0]?.agencyId,
        entityType: "ProfileChange",
        entityId: change.id,
      },
    );
    await notifyReviewed(tx, change.id, change.worker.userId, change.field, { approved: false, reason }, ctaUrl);
    return true;
  });
  if (!applied) return fail("Cette demande a déjà été traitée.");
  wakeOutboxWorker();
  return ok("Modification refusée.");
}

/**
 * Emails the worker the agency's decision on one of their changes. None of the
 * eight preferences of Paramètres covers it (they are about contracts,
 * documents, advances and ciblages), and it answers the worker's own request,
 * so it always goes out, like a refused advance. The email names the field but
 * never the value (it may be an IBAN or a social security number).
 */
async function notifyReviewed(
  tx: Tx,
  changeId: string,
  userId: string,
  field: string,
  decision: { approved: true } | { approved: false; reason: string },
  ctaUrl: string,
): Promise<void> {
  const label = fieldLabel(field);
  const content = decision.approved
    ? {
        title: "Modification de votre fiche validée",
        paragraphs: [`Votre modification « ${label} » a été validée par l'agence. Elle figure désormais sur votre fiche.`],
      }
    : {
        title: "Modification de votre fiche refusée",
        paragraphs: [
          `Votre modification « ${label} » a été refusée par l'agence.`,
          `Motif : ${decision.reason}`,
          "Vous pouvez la corriger et la soumettre à nouveau depuis votre fiche.",
        ],
      };
  await notifyDecision(userId, { ...content, ctaLabel: "Voir ma fiche", ctaUrl }, undefined, {
    tx,
    dedupeKey: `profile-decided:${changeId}`,
  });
}

/** "m••••@exemple.fr": enough for the owner to recognise it, not to learn it. */
export function maskEmail(email: string): string {
  const [local, domain] = email.split("@");
  return `${local.slice(0, 1)}••••@${domain}`;
}

/**
 * The sign-in address changed: the old address is told, so that an owner who
 * did not ask for it can react (the approval itself goes to the new one).
 */
async function warnPreviousAddress(
  tx: Tx,
  changeId: string,
  userId: string,
  previous: { email: string; firstName: string },
  newEmail: string,
): Promise<void> {
  await notifyDecision(
    userId,
    {
      firstName: previous.firstName,
      subject: "Votre adresse e-mail a été modifiée",
      title: "Votre adresse e-mail de connexion a changé",
      paragraphs: [
        `À la demande faite depuis votre espace intérimaire, l'agence a remplacé cette adresse par ${maskEmail(newEmail)}. Vous vous connectez désormais avec la nouvelle adresse.`,
        "Si vous n'êtes pas à l'origine de ce changement, contactez votre agence sans attendre.",
      ],
    },
    previous.email,
    { tx, dedupeKey: `profile-email-replaced:${changeId}` },
  );
}

class StaleError extends Error {}

"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit, requestContext } from "@/lib/audit";
import { confirmCurrentPassword } from "@/lib/auth/login";
import { staffAction, workerAction } from "@/lib/auth/action";
import { getStorage, StorageUnavailableError } from "@/lib/storage";
import { checkUpload } from "@/lib/uploads/check";
import { locateCommune } from "@/lib/geo/communes";
import { createOnce, submissionKey } from "@/lib/submissions";
import { fieldDef, PROFILE_DOCUMENTS, type FieldKey } from "./fields";
import { approveChange, loadProfile, refuseChange, requestFieldChange, validatedValues } from "./service";
import { fail, ok, okWith, type Result } from "@/lib/result";

const changeSchema = z.looseObject({ field: z.string().max(40) });

export const requestProfileChange = workerAction(changeSchema, async (data, worker): Promise<Result> => {
  const def = fieldDef(data.field);
  if (!def) return fail("Champ inconnu.");
  const parsed = def.parse(data as Record<string, string>);
  if (!parsed.ok) return fail("Veuillez corriger les champs signalés.", parsed.errors);
  if (def.key === "address") {
    // Checked against the register of communes here, on the server: the list
    // is too large for the browser.
    const a = JSON.parse(parsed.value) as { postalCode: string; city: string };
    const place = locateCommune(a.postalCode, a.city);
    if (!place.ok) return fail("Veuillez corriger les champs signalés.", { [place.field]: place.error });
  }
  if (def.signingChannel) {
    // The sign-in email and the phone that receives signing codes: whoever
    // holds an open session must also know the password to move them.
    const { ipAddress } = await requestContext();
    const confirmed = await confirmCurrentPassword(worker, typeof data.currentPassword === "string" ? data.currentPassword : "", ipAddress);
    if (!confirmed.ok) return fail("Veuillez corriger les champs signalés.", { currentPassword: confirmed.message });
  }
  const result = await requestFieldChange({ workerId: worker.workerId, userId: worker.id, field: def.key, value: parsed.value });
  if (!result.ok) return result;
  revalidatePath("/fiche-perso");
  return ok(result.message);
});

const documentSchema = z.object({ kind: z.enum(PROFILE_DOCUMENTS.map((d) => d.kind) as [string, ...string[]]) });

export const uploadProfileDocument = workerAction(documentSchema, async (data, worker, formData): Promise<Result> => {
  const checked = await checkUpload(formData.get("file"));
  if (!checked.ok) return fail("Veuillez corriger les champs signalés.", { file: checked.error });
  const storage = getStorage();
  let stored;
  try {
    stored = await storage.putObject(checked.bytes, { contentType: checked.type.mimeType });
  } catch (error) {
    // Nothing written, no row: the form stays open with its file.
    if (error instanceof StorageUnavailableError) return fail("Le document n'a pas été déposé.", { file: error.message });
    throw error;
  }
  const label = PROFILE_DOCUMENTS.find((d) => d.kind === data.kind)!.label;
  const slug = label
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-");
  const done = "Document déposé : il est en attente de validation par l'agence.";
  // One document per rendered form: a double click stores it once (the second copy is removed).
  const created = await createOnce(submissionKey(worker.id, formData), async (tx) => {
    const document = await tx.document.create({
      data: {
        kind: data.kind as (typeof PROFILE_DOCUMENTS)[number]["kind"],
        workerId: worker.workerId,
        storageKey: stored.key,
        fileName: `${slug}.${checked.type.extension}`,
        mimeType: checked.type.mimeType,
        sizeBytes: stored.size,
        sha256: stored.sha256,
        uploadedById: worker.id,
      },
    });
    return document.id;
  }).catch(async (error) => {
    await storage.deleteObject(stored.key).catch(() => undefined);
    throw error;
  });
  if (created.repeated) {
    await storage.deleteObject(stored.key).catch(() => undefined);
    return ok(done);
  }
  const result = await requestFieldChange({
    workerId: worker.workerId,
    userId: worker.id,
    field: `document:${data.kind}`,
    value: created.id,
    documentId: created.id,
  });
  if (!result.ok) return fail(result.message);
  revalidatePath("/fiche-perso");
  return ok(done);
});

/** The owner asks to see their full social security number or IBAN (null: none on file). */
export const revealSecret = workerAction.call(
  z.tuple([z.enum(["ssn", "iban"])]),
  async ([field], worker): Promise<Result<string | null>> => {
    const profile = await loadProfile(worker.workerId);
    if (!profile) return okWith(null);
    const value = validatedValues(profile)[field as FieldKey];
    await recordAudit(db, { type: "profile.secret_revealed", data: { field } }, { actorId: worker.id, subjectUserId: worker.id });
    return okWith(value ? fieldDef(field)!.display(value, false) : null);
  },
);

const reviewSchema = z.object({ id: z.string().min(1).max(40), token: z.string().max(40).optional() });

export const approveProfileChange = staffAction(reviewSchema, async (data, staff): Promise<Result> => {
  const result = await approveChange(staff, data.id, data.token ?? "");
  return result;
});

const refuseSchema = z.object({
  id: z.string().min(1).max(40),
  reason: z.string().trim().min(3, "Indiquez le motif du refus.").max(300, "300 caractères au maximum."),
});

export const refuseProfileChange = staffAction(refuseSchema, async (data, staff): Promise<Result> => {
  const result = await refuseChange(staff, data.id, data.reason);
  return result;
});

"use server";

import { workerOfAgencies } from "@/lib/auth/scope";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { notifyDecision } from "@/lib/notifications";
import { absoluteUrl } from "@/lib/url";
import { staffAction, workerAction } from "@/lib/auth/action";
import { getStorage, StorageUnavailableError } from "@/lib/storage";
import { checkUpload } from "@/lib/uploads/check";
import { now } from "@/lib/clock";
import { parisCalendarDate } from "@/lib/format";
import { DATE_RANGES, readDate } from "@/lib/time/dates";
import { createOnce, submissionKey } from "@/lib/submissions";
import { fail, ok, type Result } from "@/lib/result";

const diplomaSchema = z.object({
  name: z.string().trim().min(2, "Indiquez le nom du diplôme.").max(150, "150 caractères au maximum."),
  obtainedOn: z.string(fail("Indiquez la date d'obtention.")).max(20),
});

export const addDiploma = workerAction(diplomaSchema, async (data, worker, formData): Promise<Result> => {
  const today = parisCalendarDate(await now());
  const read = readDate(data.obtainedOn, DATE_RANGES.past(today), "la date d'obtention");
  if (!read.ok) return fail("Veuillez corriger les champs signalés.", { obtainedOn: read.error });
  const obtainedOn = read.date;
  const checked = await checkUpload(formData.get("file"));
  if (!checked.ok) return fail("Veuillez corriger les champs signalés.", { file: checked.error });
  const storage = getStorage();
  let stored;
  try {
    stored = await storage.putObject(checked.bytes, { contentType: checked.type.mimeType });
  } catch (error) {
    // Nothing written, no row: the form keeps what was typed.
    if (error instanceof StorageUnavailableError) return fail("Le diplôme n'a pas été ajouté.", { file: error.message });
    throw error;
  }
  const slug =
    data.name
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 50) || "diplome";
  // One diploma per rendered form: a double click adds it once, and the
  // second copy of the file is removed.
  const diploma = await createOnce(submissionKey(worker.id, formData), async (tx) => {
    const document = await tx.document.create({
      data: {
        kind: "DIPLOMA",
        workerId: worker.workerId,
        storageKey: stored.key,
        fileName: `${slug}.${checked.type.extension}`,
        mimeType: checked.type.mimeType,
        sizeBytes: stored.size,
        sha256: stored.sha256,
        uploadedById: worker.id,
      },
    });
    const created = await tx.diploma.create({ data: { workerId: worker.workerId, name: data.name, obtainedOn, documentId: document.id } });
    await recordAudit(
      tx,
      { type: "diploma.added", data: {} },
      { actorId: worker.id, subjectUserId: worker.id, entityType: "Diploma", entityId: created.id },
    );
    return created.id;
  }).catch(async (error) => {
    await storage.deleteObject(stored.key).catch(() => undefined);
    throw error;
  });
  if (diploma.repeated) await storage.deleteObject(stored.key).catch(() => undefined);
  revalidatePath("/diplomes");
  return ok("Diplôme ajouté : il est en attente de validation par l'agence.");
});

// The ticked qualifications repeat: a list field (20 at most are applied).
const approveSchema = z.looseObject({ id: z.string().min(1).max(40), qualificationIds: z.array(z.string().max(64)) });

function staffScope(agencyIds: string[]) {
  return { worker: workerOfAgencies({ agencyIds }) };
}

export const approveDiploma = staffAction(approveSchema, async (data, staff): Promise<Result> => {
  const diploma = await db.diploma.findFirst({
    where: { id: data.id, ...staffScope(staff.agencyIds) },
    include: { worker: { select: { userId: true, agencies: { select: { agencyId: true } } } } },
  });
  if (!diploma) return fail("Diplôme introuvable.");
  const qualificationIds = data.qualificationIds.slice(0, 20);
  const known = await db.qualification.findMany({ where: { id: { in: qualificationIds } }, select: { id: true } });
  const reviewedAt = new Date();
  const diplomasUrl = await absoluteUrl("/diplomes");
  const applied = await db.$transaction(async (tx) => {
    const done = await tx.diploma.updateMany({
      where: { id: diploma.id, status: "PENDING" },
      data: { status: "APPROVED", reviewerId: staff.id, reviewedAt },
    });
    if (done.count !== 1) return false;
    if (known.length) {
      await tx.diploma.update({ where: { id: diploma.id }, data: { grants: { connect: known.map((q) => ({ id: q.id })) } } });
      for (const q of known) {
        await tx.workerQualification.upsert({
          where: { workerId_qualificationId: { workerId: diploma.workerId, qualificationId: q.id } },
          create: { workerId: diploma.workerId, qualificationId: q.id, diplomaId: diploma.id, grantedAt: reviewedAt },
          update: {},
        });
      }
    }
    await recordAudit(
      tx,
      { type: "diploma.approved", data: { qualificationIds: known.map((q) => q.id) } },
      {
        actorId: staff.id,
        subjectUserId: diploma.worker.userId,
        agencyId: diploma.worker.agencies[0]?.agencyId,
        entityType: "Diploma",
        entityId: diploma.id,
      },
    );
    // The decision email commits with the decision (queued, sent by the worker).
    const granted = known.length
      ? await tx.qualification.findMany({
          where: { id: { in: known.map((q) => q.id) } },
          select: { label: true, code: true },
          orderBy: { code: "asc" },
        })
      : [];
    await notifyDecision(
      diploma.worker.userId,
      {
        subject: "Diplôme validé",
        title: "Votre diplôme a été validé",
        paragraphs: [
          `Votre diplôme « ${diploma.name} » a été validé par l'agence.`,
          ...(granted.length
            ? [
                `Il vous ouvre ${granted.length > 1 ? "les qualifications" : "la qualification"} : ${granted.map((q) => `${q.label} (${q.code})`).join(", ")}.`,
              ]
            : []),
        ],
        ctaLabel: "Voir mes diplômes",
        ctaUrl: diplomasUrl,
      },
      undefined,
      { tx, dedupeKey: `diploma-decided:${diploma.id}` },
    );
    return true;
  });
  if (!applied) return fail("Ce diplôme a déjà été traité.");
  return ok("Diplôme validé.");
});

const refuseSchema = z.object({ id: z.string().min(1).max(40), reason: z.string().trim().min(3, "Indiquez le motif du refus.").max(300) });

export const refuseDiploma = staffAction(refuseSchema, async (data, staff): Promise<Result> => {
  const diploma = await db.diploma.findFirst({
    where: { id: data.id, ...staffScope(staff.agencyIds) },
    include: { worker: { select: { userId: true } } },
  });
  if (!diploma) return fail("Diplôme introuvable.");
  const diplomasUrl = await absoluteUrl("/diplomes");
  // The refusal, its audit entry and its email in one transaction.
  const applied = await db.$transaction(async (tx) => {
    const done = await tx.diploma.updateMany({
      where: { id: diploma.id, status: "PENDING" },
      data: { status: "REFUSED", reviewerId: staff.id, reviewedAt: new Date(), refusalReason: data.reason },
    });
    if (done.count !== 1) return false;
    await recordAudit(
      tx,
      { type: "diploma.refused", data: { reason: data.reason } },
      { actorId: staff.id, subjectUserId: diploma.worker.userId, entityType: "Diploma", entityId: diploma.id },
    );
    await notifyDecision(
      diploma.worker.userId,
      {
        subject: "Diplôme refusé",
        title: "Votre diplôme n'a pas été validé",
        paragraphs: [
          `Votre diplôme « ${diploma.name} » a été refusé par l'agence.`,
          `Motif : ${data.reason}`,
          "Vous pouvez déposer à nouveau le document corrigé depuis votre espace.",
        ],
        ctaLabel: "Voir mes diplômes",
        ctaUrl: diplomasUrl,
      },
      undefined,
      { tx, dedupeKey: `diploma-decided:${diploma.id}` },
    );
    return true;
  });
  if (!applied) return fail("Ce diplôme a déjà été traité.");
  return ok("Diplôme refusé.");
});

"use server";
// Dashboard blocks of the workers' Tableau de bord: create, edit, order,
// publish, delete, per agency. Each change is audited; edits carry the
// version they started from so that two tabs never overwrite each other.
import { formId } from "@/lib/forms";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { staffAction } from "@/lib/auth/action";
import { requireStaff } from "@/lib/auth/session";
import { createOnce, submissionKey } from "@/lib/submissions";

const BlockSchema = z.object({
  id: z.string().optional().default(""),
  version: z.string().optional().default(""),
  agencyId: z.string().min(1, "Choisissez l'agence."),
  title: z.string().trim().min(1, "Indiquez un titre.").max(120, "120 caractères au plus."),
  body: z.string().trim().min(1, "Écrivez le contenu du bloc.").max(10_000, "10 000 caractères au plus."),
  published: z.string().optional(),
});

function refresh() {
  revalidatePath("/admin/blocs");
  revalidatePath("/");
}

export const saveBlock = staffAction(BlockSchema, async (data, staff, formData) => {
  if (!staff.agencyIds.includes(data.agencyId)) return { error: "Agence introuvable.", fieldErrors: { agencyId: "Choisissez une de vos agences." } };
  const published = data.published === "on";
  if (!data.id) {
    const last = await db.dashboardBlock.findFirst({ where: { agencyId: data.agencyId }, orderBy: { position: "desc" }, select: { position: true } });
    // One block per rendered form: a double click creates it once and answers the same.
    await createOnce(submissionKey(staff.id, formData), async (tx) => {
      const block = await tx.dashboardBlock.create({
        data: { agencyId: data.agencyId, title: data.title, body: data.body, published, position: (last?.position ?? -1) + 1 },
      });
      await recordAudit(
        tx,
        { type: "dashboard_block.created", data: { title: data.title, published } },
        { actorId: staff.id, agencyId: data.agencyId, entityType: "DashboardBlock", entityId: block.id },
      );
      return block.id;
    });
    refresh();
    return { ok: true, message: `Bloc « ${data.title} » créé${published ? " et publié" : " (non publié)"}.` };
  }
  const version = new Date(data.version);
  if (Number.isNaN(version.getTime())) return { error: "Rechargez la page avant de modifier ce bloc." };
  const updated = await db.$transaction(async (tx) => {
    const result = await tx.dashboardBlock.updateMany({
      where: { id: data.id, agencyId: { in: staff.agencyIds }, updatedAt: version },
      data: { title: data.title, body: data.body, published },
    });
    if (result.count === 1) {
      await recordAudit(
        tx,
        { type: "dashboard_block.updated", data: { title: data.title, published } },
        { actorId: staff.id, agencyId: data.agencyId, entityType: "DashboardBlock", entityId: data.id },
      );
    }
    return result.count;
  });
  if (updated === 0) return { error: "Ce bloc a été modifié ou supprimé entre-temps : rechargez la page. Votre texte est encore dans le formulaire." };
  refresh();
  return { ok: true, message: `Bloc « ${data.title} » enregistré.` };
});

async function ownedBlock(id: string, agencyIds: string[]) {
  return db.dashboardBlock.findFirst({ where: { id, agencyId: { in: agencyIds } }, select: { id: true, agencyId: true, title: true, published: true, position: true } });
}

export async function setBlockPublished(formData: FormData): Promise<void> {
  const staff = await requireStaff();
  const block = await ownedBlock(formId(formData, "id"), staff.agencyIds);
  if (!block) return;
  const published = formData.get("published") === "true";
  await db.$transaction(async (tx) => {
    const r = await tx.dashboardBlock.updateMany({ where: { id: block.id, published: !published }, data: { published } });
    if (r.count) {
      await recordAudit(
        tx,
        { type: published ? "dashboard_block.published" : "dashboard_block.unpublished", data: { title: block.title } },
        { actorId: staff.id, agencyId: block.agencyId, entityType: "DashboardBlock", entityId: block.id },
      );
    }
  });
  refresh();
}

export async function moveBlock(formData: FormData): Promise<void> {
  const staff = await requireStaff();
  const block = await ownedBlock(formId(formData, "id"), staff.agencyIds);
  if (!block) return;
  const direction = formData.get("direction") === "up" ? -1 : 1;
  await db.$transaction(async (tx) => {
    const siblings = await tx.dashboardBlock.findMany({ where: { agencyId: block.agencyId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true } });
    const index = siblings.findIndex((s) => s.id === block.id);
    const target = index + direction;
    if (index < 0 || target < 0 || target >= siblings.length) return;
    [siblings[index], siblings[target]] = [siblings[target], siblings[index]];
    for (const [position, s] of siblings.entries()) await tx.dashboardBlock.update({ where: { id: s.id }, data: { position } });
    await recordAudit(
      tx,
      { type: "dashboard_block.moved", data: { title: block.title, position: target + 1 } },
      { actorId: staff.id, agencyId: block.agencyId, entityType: "DashboardBlock", entityId: block.id },
    );
  });
  refresh();
}

export async function deleteBlock(formData: FormData): Promise<void> {
  const staff = await requireStaff();
  const block = await ownedBlock(formId(formData, "id"), staff.agencyIds);
  if (!block) return;
  await db.$transaction(async (tx) => {
    const r = await tx.dashboardBlock.deleteMany({ where: { id: block.id } });
    if (r.count) await recordAudit(
      tx,
      { type: "dashboard_block.deleted", data: { title: block.title } },
      { actorId: staff.id, agencyId: block.agencyId, entityType: "DashboardBlock", entityId: block.id },
    );
  });
  refresh();
}

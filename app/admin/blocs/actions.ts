"use server";
// Dashboard blocks of the workers' Tableau de bord (lib/dashboard/blocks.ts does the work).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { staffAction } from "@/lib/auth/action";
import * as blocks from "@/lib/dashboard/blocks";
import { cleanId } from "@/lib/forms";
import { fail, ok, type Result } from "@/lib/result";
import { submissionKey } from "@/lib/submissions";

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

export const saveBlock = staffAction(BlockSchema, async (data, staff, formData): Promise<Result> => {
  if (!staff.agencyIds.includes(data.agencyId)) return fail("Agence introuvable.", { agencyId: "Choisissez une de vos agences." });
  const fields = { agencyId: data.agencyId, title: data.title, body: data.body, published: data.published === "on" };
  if (!data.id) {
    // One block per rendered form: a double click creates it once and answers the same.
    await blocks.createBlock(staff, fields, submissionKey(staff.id, formData));
    refresh();
    return ok(`Bloc « ${data.title} » créé${fields.published ? " et publié" : " (non publié)"}.`);
  }
  const version = new Date(data.version);
  if (Number.isNaN(version.getTime())) return fail("Rechargez la page avant de modifier ce bloc.");
  if (!(await blocks.updateBlock(staff, data.id, version, fields)))
    return fail("Ce bloc a été modifié ou supprimé entre-temps : rechargez la page. Votre texte est encore dans le formulaire.");
  refresh();
  return ok(`Bloc « ${data.title} » enregistré.`);
});

/** An id that cannot be one reads as none (nothing happens). */
const blockId = z
  .string()
  .optional()
  .transform((v) => cleanId(v) ?? "");

export const setBlockPublished = staffAction.post(z.object({ id: blockId, published: z.string().optional() }), async (data, staff) => {
  if (await blocks.setBlockPublished(staff, data.id, data.published === "true")) refresh();
});

export const moveBlock = staffAction.post(z.object({ id: blockId, direction: z.string().optional() }), async (data, staff) => {
  if (await blocks.moveBlock(staff, data.id, data.direction === "up" ? -1 : 1)) refresh();
});

export const deleteBlock = staffAction.post(z.object({ id: blockId }), async (data, staff) => {
  if (await blocks.deleteBlock(staff, data.id)) refresh();
});

// Dashboard blocks of the workers' Tableau de bord: create, edit, order,
// publish, delete, per agency. Each change is audited in its transaction;
// edits carry the version they started from so that two tabs never
// overwrite each other.
import { agencyScope } from "@/lib/auth/scope";
import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { StaffUser } from "@/lib/auth/session";
import { createOnce } from "@/lib/submissions";

export type BlockFields = { agencyId: string; title: string; body: string; published: boolean };

/** A new block at the end of its agency's list, once per rendered form. */
export async function createBlock(staff: StaffUser, fields: BlockFields, submission: string | null): Promise<void> {
  const last = await db.dashboardBlock.findFirst({
    where: { agencyId: fields.agencyId },
    orderBy: { position: "desc" },
    select: { position: true },
  });
  await createOnce(submission, async (tx) => {
    const block = await tx.dashboardBlock.create({
      data: {
        agencyId: fields.agencyId,
        title: fields.title,
        body: fields.body,
        published: fields.published,
        position: (last?.position ?? -1) + 1,
      },
    });
    await recordAudit(
      tx,
      { type: "dashboard_block.created", data: { title: fields.title, published: fields.published } },
      { actorId: staff.id, agencyId: fields.agencyId, entityType: "DashboardBlock", entityId: block.id },
    );
    return block.id;
  });
}

/** The edit of a block at the version the form showed; false when it changed or went since. */
export async function updateBlock(staff: StaffUser, id: string, version: Date, fields: BlockFields): Promise<boolean> {
  const updated = await db.$transaction(async (tx) => {
    const result = await tx.dashboardBlock.updateMany({
      where: { id, ...agencyScope(staff), updatedAt: version },
      data: { title: fields.title, body: fields.body, published: fields.published },
    });
    if (result.count === 1) {
      await recordAudit(
        tx,
        { type: "dashboard_block.updated", data: { title: fields.title, published: fields.published } },
        { actorId: staff.id, agencyId: fields.agencyId, entityType: "DashboardBlock", entityId: id },
      );
    }
    return result.count;
  });
  return updated === 1;
}

async function ownedBlock(id: string, agencyIds: string[]) {
  if (!id) return null;
  return db.dashboardBlock.findFirst({
    where: { id, ...agencyScope({ agencyIds }) },
    select: { id: true, agencyId: true, title: true, published: true, position: true },
  });
}

/** Publish or withdraw a block of the staff's agencies; false when there is none. */
export async function setBlockPublished(staff: StaffUser, id: string, published: boolean): Promise<boolean> {
  const block = await ownedBlock(id, staff.agencyIds);
  if (!block) return false;
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
  return true;
}

/** One place up or down among its agency's blocks; false when there is no such block. */
export async function moveBlock(staff: StaffUser, id: string, direction: -1 | 1): Promise<boolean> {
  const block = await ownedBlock(id, staff.agencyIds);
  if (!block) return false;
  await db.$transaction(async (tx) => {
    const siblings = await tx.dashboardBlock.findMany({
      where: { agencyId: block.agencyId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true },
    });
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
  return true;
}

/** Deletes a block of the staff's agencies; false when there is none. */
export async function deleteBlock(staff: StaffUser, id: string): Promise<boolean> {
  const block = await ownedBlock(id, staff.agencyIds);
  if (!block) return false;
  await db.$transaction(async (tx) => {
    const r = await tx.dashboardBlock.deleteMany({ where: { id: block.id } });
    if (r.count)
      await recordAudit(
        tx,
        { type: "dashboard_block.deleted", data: { title: block.title } },
        { actorId: staff.id, agencyId: block.agencyId, entityType: "DashboardBlock", entityId: block.id },
      );
  });
  return true;
}

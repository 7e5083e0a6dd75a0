// Staff extend the SMIC table with a new value from a date (a revaluation):
// only after the latest value, never rewriting a past one (rule in
// lib/contracts/rules.ts). Serialised so that two additions at once are
// judged one after the other; audited with the addition.
import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { StaffUser } from "@/lib/auth/session";
import { smicExtensionError } from "@/lib/contracts/rules";
import { isoDay } from "@/lib/contracts/shifts";
import { fail, ok, type Result } from "@/lib/result";

export async function addSmicRate(
  staff: StaffUser,
  input: { effectiveFrom: Date; hourlyCents: number; source: string | null },
): Promise<Result> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext('smic-table'))`;
    const table = await tx.smicRate.findMany({ select: { effectiveFrom: true, hourlyCents: true } });
    const refused = smicExtensionError(input, table);
    if (refused) return fail(refused.message, { [refused.field]: refused.message });
    const row = await tx.smicRate.create({
      data: { effectiveFrom: input.effectiveFrom, hourlyCents: input.hourlyCents, source: input.source, createdById: staff.id },
    });
    await recordAudit(
      tx,
      { type: "smic.added", data: { effectiveFrom: isoDay(input.effectiveFrom), hourlyCents: input.hourlyCents, source: input.source } },
      { actorId: staff.id, entityType: "SmicRate", entityId: row.id },
    );
    return ok();
  });
}

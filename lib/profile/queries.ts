import "server-only";
import { db } from "@/lib/db";
import { changeValue, loadProfile, validatedValues } from "./service";
import { fieldDef, PROFILE_DOCUMENTS, PROFILE_FIELDS, type FieldKey } from "./fields";

/** Everything the Fiche perso shows, for the signed-in worker only. */
export async function getPersonalFile(workerId: string) {
  const profile = await loadProfile(workerId);
  if (!profile) return null;
  const [agencies, changes] = await Promise.all([
    db.workerAgency.findMany({
      where: { workerId },
      include: { agency: { select: { code: true, name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.profileChange.findMany({
      where: { workerId },
      orderBy: { createdAt: "desc" },
      take: 200,
      include: { document: { select: { id: true, fileName: true } } },
    }),
  ]);
  const values = validatedValues(profile);
  const rows = {} as Record<
    FieldKey,
    { display: string; hasValue: boolean; pending: string | null; refusedReason: string | null; initial: Record<string, string> }
  >;
  for (const def of PROFILE_FIELDS) {
    const value = values[def.key];
    const pending = changes.find((c) => c.field === def.key && c.status === "PENDING");
    const lastDecided = changes.find((c) => c.field === def.key && c.status !== "PENDING");
    rows[def.key] = {
      display: def.display(value, true),
      hasValue: value !== null && value !== "",
      pending: pending ? def.display(changeValue(def.key, pending.newValue), true) : null,
      refusedReason: !pending && lastDecided?.status === "REFUSED" ? lastDecided.refusalReason : null,
      initial: def.initial(def.sensitive ? null : value),
    };
  }
  const documents = PROFILE_DOCUMENTS.map((d) => {
    const field = `document:${d.kind}`;
    const approved = changes.find((c) => c.field === field && c.status === "APPROVED" && c.document);
    const pending = changes.find((c) => c.field === field && c.status === "PENDING");
    const lastDecided = changes.find((c) => c.field === field && c.status !== "PENDING");
    return {
      kind: d.kind,
      label: d.label,
      validated: approved?.document ?? null,
      pending: pending?.document ?? null,
      refusedReason: !pending && lastDecided?.status === "REFUSED" ? lastDecided.refusalReason : null,
    };
  });
  const history = changes
    .filter((c) => c.status !== "PENDING")
    .slice(0, 10)
    .map((c) => ({
      id: c.id,
      label: fieldDef(c.field)?.label ?? PROFILE_DOCUMENTS.find((d) => `document:${d.kind}` === c.field)?.label ?? c.field,
      status: c.status,
      reason: c.refusalReason,
      reviewedAt: c.reviewedAt,
    }));
  return { profile, agencies, rows, documents, history, pendingCount: changes.filter((c) => c.status === "PENDING").length };
}

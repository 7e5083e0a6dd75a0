// The staff's "Modifier les informations" page of a worker, within the staff member's agencies.
import "server-only";
import { db } from "@/lib/db";
import { workerOfAgencies, type AgencyStaff } from "@/lib/auth/scope";
import { fieldDef, PROFILE_FIELDS } from "@/lib/profile/fields";
import { changeValue, loadProfile, validatedValues } from "@/lib/profile/service";
import { staffEditInitial } from "@/lib/profile/staff-edit";

/** The form's values on file (sensitive ones masked, never in the form), and the worker's pending requests; null outside the scope. */
export async function staffWorkerEdit(staff: AgencyStaff, workerId: string) {
  const scoped = await db.workerProfile.findFirst({ where: { id: workerId, ...workerOfAgencies(staff) }, select: { id: true } });
  if (!scoped) return null;
  const [profile, pending] = await Promise.all([
    loadProfile(workerId),
    db.profileChange.findMany({ where: { workerId, status: "PENDING" }, orderBy: { createdAt: "asc" } }),
  ]);
  const values = validatedValues(profile!);
  const masked = Object.fromEntries(
    PROFILE_FIELDS.filter((d) => d.sensitive).map((d) => [d.key, values[d.key] ? d.display(values[d.key], true) : null]),
  ) as Record<"ssn" | "iban", string | null>;
  return {
    user: profile!.user,
    initial: staffEditInitial(values),
    masked,
    // Documents are not fields of this form: only field requests are listed.
    pending: pending.flatMap((c) => {
      const def = fieldDef(c.field);
      return def ? [{ field: def.key, label: def.label, value: def.display(changeValue(c.field, c.newValue), true) }] : [];
    }),
  };
}

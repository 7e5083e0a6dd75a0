// The staff's "Modifier les informations" form: every field of the Fiche perso
// in one form, each checked by its own definition in lib/profile/fields.ts
// (the same checks as the worker's change requests). Pure (no database), so
// the browser (react-hook-form), the server action and the tests share it.
import { z } from "zod";
import "../zod-jitless";
import { PROFILE_FIELDS, type FieldDef, type FieldKey } from "./fields";

/**
 * The form name of one input of a field: the field's key for a one-input
 * field ("phone"), the input's own name for the others ("address",
 * "postalCode", "city"; "iban", "bic"), so that every name is unique.
 */
export function formNameOf(def: FieldDef, inputName: string): string {
  return inputName === "value" ? def.key : inputName;
}

type FormValues = Record<string, unknown>;

/** What `def.parse` reads, taken from the flat form values. */
function inputsOf(def: FieldDef, values: FormValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const input of def.inputs) {
    const v = values[formNameOf(def, input.name)];
    out[input.name] = typeof v === "string" ? v : "";
  }
  return out;
}

function isBlank(def: FieldDef, values: FormValues): boolean {
  return Object.values(inputsOf(def, values)).every((v) => v.trim() === "");
}

/** Field errors keyed by form name. */
function errorsOf(def: FieldDef, errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([name, message]) => [formNameOf(def, name), message]));
}

const text = z.string().max(300, "300 caractères au maximum.").optional();

/**
 * The form's schema. An empty sensitive field (social security number, IBAN)
 * keeps the value on file, which the form never shows; any other field is
 * checked by its definition. Whether an emptied field may be erased depends on
 * the value on file, so that is decided on the server (readStaffEdit).
 */
export const staffProfileSchema = z
  .object({
    workerId: z.string().min(1).max(64),
    ...Object.fromEntries(PROFILE_FIELDS.flatMap((def) => def.inputs.map((input) => [formNameOf(def, input.name), text]))),
  })
  .superRefine((values, ctx) => {
    for (const def of PROFILE_FIELDS) {
      if (isBlank(def, values)) continue;
      const parsed = def.parse(inputsOf(def, values));
      if (parsed.ok) continue;
      for (const [path, message] of Object.entries(errorsOf(def, parsed.errors))) ctx.addIssue({ code: "custom", path: [path], message });
    }
  });

export type StaffEdit = { value: Partial<Record<FieldKey, string>>; errors: Record<string, string> };

/**
 * The new value of each field the form changes, against the values on file
 * (canonical strings of lib/profile/fields, "" erases an optional field).
 * A blank sensitive field, or a blank field with nothing on file, is left as
 * it is; a blank required field that has a value is refused next to it.
 */
export function readStaffEdit(values: FormValues, current: Record<FieldKey, string | null>): StaffEdit {
  const value: Partial<Record<FieldKey, string>> = {};
  const errors: Record<string, string> = {};
  for (const def of PROFILE_FIELDS) {
    const before = current[def.key] ?? "";
    const blank = isBlank(def, values);
    if (blank && (def.sensitive || before === "")) continue;
    const parsed = def.parse(inputsOf(def, values));
    if (!parsed.ok) {
      Object.assign(errors, errorsOf(def, parsed.errors));
      continue;
    }
    if (parsed.value !== before) value[def.key] = parsed.value;
  }
  return { value, errors };
}

/** The form's initial values: the values on file, sensitive ones left empty. */
export function staffEditInitial(current: Record<FieldKey, string | null>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const def of PROFILE_FIELDS) {
    const initial = def.initial(def.sensitive ? null : current[def.key]);
    for (const [name, v] of Object.entries(initial)) out[formNameOf(def, name)] = v;
  }
  return out;
}

/** Labels for staff and the worker's email where the Fiche perso's own is terser. */
export const STAFF_LABELS: Partial<Record<FieldKey, string>> = { email: "Adresse e-mail" };

/** One changed field as it may be shown to staff, the worker and the audit log: sensitive values masked. */
export function changeLines(changed: Partial<Record<FieldKey, string>>, current: Record<FieldKey, string | null>) {
  return PROFILE_FIELDS.filter((def) => changed[def.key] !== undefined).map((def) => ({
    field: def.key,
    label: STAFF_LABELS[def.key] ?? def.label,
    from: def.display(current[def.key] || null, true),
    to: def.display(changed[def.key] || null, true),
  }));
}

import { z } from "zod";
import "./zod-jitless";
import { fail, type Failure } from "./result";

/** The first message of each field, keyed by field name. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

export const FIX_FIELDS = "Veuillez corriger les champs signalés.";

export function formDataObject(formData: FormData, lists: ReadonlySet<string> = new Set()): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of lists) out[key] = [];
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    const list = out[key];
    if (lists.has(key) && Array.isArray(list)) list.push(value);
    else out[key] = value;
  }
  return out;
}

/** The schema under optional/default/nullable/catch wrappers and the input side of a pipe (a transform). */
function innerType(type: z.ZodType): z.ZodType {
  const def = (type as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; in?: z.ZodType } } })._zod.def;
  if (def.type === "pipe" && def.in) return innerType(def.in);
  if (def.innerType && ["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional"].includes(def.type))
    return innerType(def.innerType);
  return type;
}

/**
 * The fields of an object schema declared as arrays: a form repeats their
 * name (ticked boxes, rows), so every value is kept, in order, and an absent
 * one is an empty list. Other fields keep the last value, as before.
 */
export function listFieldsOf(schema: z.ZodType): Set<string> {
  const object = innerType(schema);
  if (!(object instanceof z.ZodObject)) return new Set();
  const shape = object.shape as Record<string, z.ZodType>;
  return new Set(Object.keys(shape).filter((key) => innerType(shape[key]) instanceof z.ZodArray));
}

// Control characters ---------------------------------------------------------
// PostgreSQL refuses NUL in text (a 500 before this check) and no field of this
// application has a use for the other C0 controls or DEL: they are refused
// next to the field. Multi-line fields keep tab, line feed and carriage return.

const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001F\u007F]/;
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const CONTROL_CHAR_MESSAGE = "Ce champ contient un caractère non autorisé (caractère de contrôle) : retirez-le.";

export function hasControlChars(value: string, multiline = false): boolean {
  return (multiline ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN).test(value);
}

/**
 * The base of every free-text field of a zod schema: a string without control
 * characters (tab and line breaks allowed with `multiline`). Chain `.trim()`,
 * `.min()`, `.max()` on it as on `z.string()`.
 */
export function textInput(options: { multiline?: boolean; error?: string } = {}) {
  return z
    .string(options.error ? { error: options.error } : undefined)
    .refine((v) => !hasControlChars(v, options.multiline), CONTROL_CHAR_MESSAGE);
}

/**
 * The fields of a submitted form holding a control character no field accepts
 * (NUL, ESC…: all but tab and line breaks), with the French message. The net
 * under every action wrapper; single-line fields are stricter via `textInput`.
 */
export function controlCharErrors(values: Record<string, string | string[]>): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if ((Array.isArray(value) ? value : [value]).some((v) => hasControlChars(v, true))) out[key] = CONTROL_CHAR_MESSAGE;
  }
  return Object.keys(out).length ? out : null;
}

/** An id from a form or a URL segment: short, printable ASCII; anything else is no id (not found). */
export function cleanId(value: unknown): string | null {
  return typeof value === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(value) ? value : null;
}

/** `String(formData.get(name) ?? "")` for ids: "" when the value cannot be an id. */
export function formId(formData: FormData, name: string): string {
  return cleanId(formData.get(name)) ?? "";
}

/**
 * A submitted form read against its schema: control characters are refused
 * first (for every field, whatever the schema), then the schema's messages.
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
): { ok: true; data: z.infer<S> } | { ok: false; state: Failure<never> } {
  const values = formDataObject(formData, listFieldsOf(schema));
  const control = controlCharErrors(values);
  if (control) return { ok: false, state: fail(FIX_FIELDS, control) };
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { ok: false, state: fail(FIX_FIELDS, fieldErrorsOf(parsed.error)) };
  return { ok: true, data: parsed.data };
}

// Create forms ----------------------------------------------------------------
// A create form carries a random key made when the page is rendered (hidden
// field FORM_KEY_FIELD). Its action claims that key in the creating
// transaction (lib/submissions.ts), so that a double click, a second tab on the
// same page or a replayed post lands on what the first submission created.

export const FORM_KEY_FIELD = "formKey";

/** A fresh key for one rendering of a create form. */
export function newFormKey(): string {
  return crypto.randomUUID().replaceAll("-", "");
}

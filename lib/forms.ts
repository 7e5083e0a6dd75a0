import type { z } from "zod";

/** What a form's server action answers; fields keep what the user typed. */
export type FormState = {
  ok?: boolean;
  message?: string; // success text
  error?: string; // form-level error
  fieldErrors?: Record<string, string>;
};

export const initialFormState: FormState = {};

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

export function formDataObject(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) out[key] = value;
  }
  return out;
}

"use client";
// zod 4 compiles object parsers with `new Function` after probing for eval,
// which the CSP forbids (and reports). Its interpreted mode is enough for forms.
import { z } from "zod";

z.config({ jitless: true });

export function ZodJitless() {
  return null;
}

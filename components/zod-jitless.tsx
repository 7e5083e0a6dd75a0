"use client";
// zod 4 compiles object parsers with `new Function` after probing for eval,
// which the CSP forbids (and reports). Its interpreted mode is enough for forms.
// zod keeps its settings on globalThis.__zod_globalConfig (and keeps an object
// found there), so this sets `jitless` before any schema module is evaluated,
// on every page, without loading zod itself into pages that never parse with it
// (the sign-in page, most worker pages).
const g = globalThis as { __zod_globalConfig?: Record<string, unknown> };
g.__zod_globalConfig = Object.assign(g.__zod_globalConfig ?? {}, { jitless: true });

export function ZodJitless() {
  return null;
}

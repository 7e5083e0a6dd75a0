// scripts/check-conventions.ts on small modules: a clean one, a violating
// one, and the repository itself.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkFile, checkTree, globToRegExp, isDbFree, isServerModule } from "@/scripts/check-conventions";

const clean = `"use server";
// A comment may follow the directive.
import { z } from "zod";
import { staffAction, workerAction } from "@/lib/auth/action";
import { saveThing } from "@/lib/things/save";

export type ThingStep = { step: "a" | "b" };

export const saveThingAction = staffAction(z.object({ id: z.string() }), async (data, staff) => saveThing(staff, data.id));
export const removeThing = workerAction.post(z.object({ id: z.string() }), async () => undefined);
export const toggleThing = workerAction.call(z.tuple([z.boolean()]), async () => ({ ok: true, data: undefined }));
`;

const violating = `"use server";

import { db } from "@/lib/db";
import { requireStaff } from "@/lib/auth/session";

export async function deleteThing(formData: FormData) {
  const staff = await requireStaff();
  await db.thing.deleteMany({ where: { id: String(formData.get("id")) } });
}

export const renameThing = async (formData: FormData) => undefined;
export default async function other() {}
`;

const page = `import { revalidatePath } from "next/cache";

export default function Page() {
  async function inline() {
    "use server";
    revalidatePath("/");
  }
  return null;
}
`;

describe("check-conventions", () => {
  it("a module built from the chain, without the database client, is clean", () => {
    expect(isServerModule(clean)).toBe(true);
    expect(checkFile("app/admin/things/actions.ts", clean)).toEqual([]);
  });

  it("lists each export outside the chain and the db import with file:line", () => {
    const found = checkFile("app/admin/things/actions.ts", violating).map((v) => `${v.file}:${v.line}`);
    expect(found).toEqual([
      "app/admin/things/actions.ts:6",
      "app/admin/things/actions.ts:11",
      "app/admin/things/actions.ts:12",
      "app/admin/things/actions.ts:3",
    ]);
    const messages = checkFile("app/admin/things/actions.ts", violating).map((v) => v.message);
    expect(messages[0]).toMatch(/must be built from the action chain/);
    expect(messages[3]).toMatch(/imports the database client/);
  });

  it('the db rule applies to the globs only; the export rule to every "use server" module', () => {
    expect(isDbFree("app/admin/things/actions.ts")).toBe(true);
    expect(isDbFree("app/(espace)/contrats/[id]/actions.ts")).toBe(true);
    // All of app/: pages, layouts and route handlers too; lib/ and components/ are not.
    expect(isDbFree("app/admin/things/page.tsx")).toBe(true);
    expect(isDbFree("app/api/things/[id]/route.ts")).toBe(true);
    expect(isDbFree("lib/things/actions.ts")).toBe(false);
    expect(isDbFree("components/things/table.tsx")).toBe(false);
    const inLib = checkFile("lib/things/actions.ts", violating);
    expect(inLib.map((v) => v.line)).toEqual([6, 11, 12]);
  });

  it('an inline "use server" action in a page is refused; a module without the directive has no export rule', () => {
    expect(isServerModule(page)).toBe(false);
    expect(checkFile("app/admin/things/page.tsx", page)).toEqual([
      { file: "app/admin/things/page.tsx", line: 5, message: expect.stringMatching(/inline "use server"/) },
    ]);
  });

  it("globs: ** is any folders or none, * stays within a name", () => {
    const re = globToRegExp("app/**/actions.ts");
    expect(re.test("app/actions.ts")).toBe(true);
    expect(re.test("app/a/b/actions.ts")).toBe(true);
    expect(re.test("app/a/my-actions.ts")).toBe(false);
    expect(globToRegExp("app/*.ts").test("app/a/b.ts")).toBe(false);
  });

  it("the repository follows them", () => {
    expect(checkTree(path.resolve(import.meta.dirname, "../.."))).toEqual([]);
  });
});

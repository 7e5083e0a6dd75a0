// The action chain of lib/auth/action.ts: the caller checked before the input
// is read, the input parsed by the schema (French field messages), an
// unexpected error answered with the generic message and logged under the
// same request id, Next's redirect and notFound let through.
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { notFound, redirect } from "next/navigation";

const session: { role: "STAFF" | "WORKER" | null } = { role: "STAFF" };
const staff = {
  id: "u-staff",
  sessionId: "s1",
  email: "agence@example.fr",
  role: "STAFF" as const,
  firstName: "A",
  lastName: "B",
  agencyIds: ["ag1"],
};

// The real require* answer a missing session with a redirect to the sign-in
// page and another role with a 404: the same here, through Next's own errors.
vi.mock("@/lib/auth/session", () => ({
  requireStaff: async () => {
    if (session.role === null) redirect("/connexion");
    if (session.role !== "STAFF") notFound();
    return staff;
  },
  requireWorker: async () => {
    if (session.role === null) redirect("/connexion");
    if (session.role !== "WORKER") notFound();
    return { ...staff, role: "WORKER", workerId: "w1" };
  },
  requireClient: async () => notFound(),
  getSessionUser: async () => (session.role ? staff : null),
}));

const { logger } = await import("@/lib/log");
const { GENERIC_ERROR, publicAction, staffAction, userAction, workerAction } = await import("@/lib/auth/action");

const schema = z.object({
  name: z.string().trim().min(2, "Indiquez un nom d'au moins 2 lettres."),
  count: z.coerce.number().int().min(1, "Au moins 1."),
});

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

/** The digest Next gives its redirect and notFound errors. */
async function digestOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return String((error as { digest?: unknown }).digest);
}

afterEach(() => {
  session.role = "STAFF";
  vi.restoreAllMocks();
});

describe("the action chain", () => {
  it("hands the handler the parsed data and the caller", async () => {
    const handler = vi.fn(async (data: z.infer<typeof schema>, user: typeof staff) => ({
      ok: true as const,
      data: undefined,
      message: `${data.name} ×${data.count} par ${user.id}`,
    }));
    const action = staffAction(schema, handler);
    expect(await action(null, form({ name: "  Lina ", count: "3" }))).toEqual({
      ok: true,
      data: undefined,
      message: "Lina ×3 par u-staff",
    });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("a zod error: field messages in French, the handler never runs", async () => {
    const handler = vi.fn();
    const action = staffAction(schema, handler);
    expect(await action(null, form({ name: "L", count: "0" }))).toEqual({
      ok: false,
      message: "Veuillez corriger les champs signalés.",
      fieldErrors: { name: "Indiquez un nom d'au moins 2 lettres.", count: "Au moins 1." },
    });
    // A control character is refused next to its field, whatever the schema.
    expect(await action(null, form({ name: "Li\u0000na", count: "2" }))).toMatchObject({
      ok: false,
      fieldErrors: { name: expect.stringContaining("caractère de contrôle") },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("an unexpected error: the generic French message, logged with the same request id", async () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const action = staffAction(schema, async () => {
      throw new Error("connection terminated unexpectedly for lina@example.com");
    });
    const answer = await action(null, form({ name: "Lina", count: "1" }));
    expect(answer.ok).toBe(false);
    const message = answer.ok ? "" : answer.message;
    expect(message).toMatch(new RegExp(`^${GENERIC_ERROR.replace(/[.]/g, "\\.")} \\(code d'erreur : [0-9a-f]{8}\\)$`));
    expect(message).not.toContain("connection terminated");
    const requestId = /code d'erreur : ([0-9a-f]{8})/.exec(message)![1];
    expect(log).toHaveBeenCalledTimes(1);
    const [line] = log.mock.calls[0] as unknown as [{ source: string; requestId: string; err: { message: string } }];
    expect(line).toMatchObject({ source: "action", requestId });
    // The error's message is logged, without the email it carried.
    expect(line.err.message).toBe("connection terminated unexpectedly for [email]");
  });

  it("redirect and notFound from the handler are rethrown, not turned into a message", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const redirecting = staffAction(schema, async () => redirect("/admin/contrats/c1?cree=1"));
    expect(await digestOf(redirecting(null, form({ name: "Lina", count: "1" })))).toMatch(
      /^NEXT_REDIRECT;replace;\/admin\/contrats\/c1\?cree=1;307;/,
    );
    const missing = staffAction(schema, async () => notFound());
    expect(await digestOf(missing(null, form({ name: "Lina", count: "1" })))).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;404/);
    expect(log).not.toHaveBeenCalled();
  });

  it("a wrong role is refused as the require* functions do: no session → sign-in redirect, another role → 404; the handler never runs", async () => {
    const handler = vi.fn();
    const staffOnly = staffAction(schema, handler);
    session.role = "WORKER";
    expect(await digestOf(staffOnly(null, form({ name: "Lina", count: "1" })))).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;404/);
    session.role = null;
    expect(await digestOf(staffOnly(null, form({ name: "Lina", count: "1" })))).toMatch(/^NEXT_REDIRECT;replace;\/connexion;307;/);
    session.role = "STAFF";
    expect(await digestOf(workerAction(schema, handler)(null, form({ name: "Lina", count: "1" })))).toMatch(
      /^NEXT_HTTP_ERROR_FALLBACK;404/,
    );
    session.role = null;
    expect(await digestOf(userAction(schema, handler)(null, form({ name: "Lina", count: "1" })))).toMatch(
      /^NEXT_REDIRECT;replace;\/connexion;307;/,
    );
    expect(handler).not.toHaveBeenCalled();
  });

  it("the caller is checked before the input is read: a refused caller learns nothing of the schema", async () => {
    session.role = "WORKER";
    expect(await digestOf(staffAction(schema, vi.fn())(null, form({ name: "" })))).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;404/);
  });

  it("post: runs the handler on valid input; invalid input is a 404; an unexpected error is logged and thrown with the generic message", async () => {
    const seen: string[] = [];
    const post = staffAction.post(z.object({ id: z.string().min(1) }), async (data) => {
      seen.push(data.id);
    });
    await post(form({ id: "b1" }));
    expect(seen).toEqual(["b1"]);
    expect(await digestOf(post(form({})))).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;404/);
    const log = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    const failing = staffAction.post(z.object({}), async () => {
      throw new Error("disk full");
    });
    await expect(failing(form({}))).rejects.toThrow(
      new RegExp(`^${GENERIC_ERROR.replace(/[.]/g, "\\.")} \\(code d'erreur : [0-9a-f]{8}\\)$`),
    );
    expect((log.mock.calls[0] as unknown as [{ requestId: string }])[0].requestId).toMatch(/^[0-9a-f]{8}$/);
  });

  it("call: the arguments are parsed by a tuple schema; wrong ones are refused without running the handler", async () => {
    const handler = vi.fn(async ([kind, enabled]: [string, boolean]) => ({ ok: true as const, data: `${kind}:${enabled}` }));
    const call = staffAction.call(z.tuple([z.enum(["NEW_PAYSLIP", "ADVANCE_PAID"]), z.boolean()]), handler);
    expect(await call("NEW_PAYSLIP", true)).toEqual({ ok: true, data: "NEW_PAYSLIP:true" });
    expect(await (call as (...args: unknown[]) => Promise<unknown>)("DROP TABLE", "yes")).toEqual({
      ok: false,
      message: "Veuillez corriger les champs signalés.",
    });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("public actions need no session", async () => {
    session.role = null;
    const action = publicAction(schema, async (data) => ({ ok: true as const, data: data.count }));
    expect(await action(null, form({ name: "Lina", count: "2" }))).toEqual({ ok: true, data: 2 });
  });
});

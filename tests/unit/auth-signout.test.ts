// next-auth's own /api/auth/signout must end the session row, like "Déconnexion".
import { describe, expect, it, vi } from "vitest";

const sessions = new Map<string, { userId: string }>([["s1", { userId: "u1" }]]);
const fakeDb = {
  userSession: {
    findUnique: async ({ where }: { where: { id: string } }) => sessions.get(where.id) ?? null,
    deleteMany: async ({ where }: { where: { id: string } }) => ({ count: sessions.delete(where.id) ? 1 : 0 }),
  },
  // The deletion and its audit entry share one transaction.
  $transaction: async <T>(work: (tx: unknown) => Promise<T>): Promise<T> => work(fakeDb),
};
vi.mock("@/lib/db", () => ({ db: fakeDb }));
const recordAudit = vi.fn(async () => undefined);
vi.mock("@/lib/audit", () => ({ recordAudit, requestContext: async () => ({ ipAddress: null, userAgent: null }) }));

vi.mock("next-auth", () => ({ CredentialsSignin: class extends Error {} }));
vi.mock("@/lib/rate-limit", () => ({ hitRateLimit: vi.fn(), isRateLimited: vi.fn() }));
const { endSession } = await import("@/lib/auth/login");

describe("sign-out", () => {
  it("endSession deletes the row and audits once, even when called twice", async () => {
    await endSession("s1");
    await endSession("s1");
    expect(sessions.has("s1")).toBe(false);
    expect(recordAudit).toHaveBeenCalledTimes(1);
    expect(recordAudit).toHaveBeenCalledWith(fakeDb, { type: "auth.logout", data: {} }, expect.objectContaining({ subjectUserId: "u1" }));
  });

  it("the next-auth config ends the session row on its own signout route (events.signOut)", async () => {
    sessions.set("s2", { userId: "u2" });
    const source = await import("node:fs").then((fs) => fs.readFileSync("lib/auth/config.ts", "utf8"));
    expect(source).toMatch(/events:\s*\{[\s\S]*signOut[\s\S]*endSession\(sid\)/);
    await endSession("s2");
    expect(sessions.has("s2")).toBe(false);
  });
});

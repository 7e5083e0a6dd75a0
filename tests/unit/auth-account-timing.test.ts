// Sign-up and reset requests must do the same work whether or not the address
// has an account: counted here as hash calls, database calls and provider
// calls made before the response (the deferred task is only run afterwards).
import { beforeEach, describe, expect, it, vi } from "vitest";

const calls: string[] = [];
let existingUser: Record<string, unknown> | null = null;

// A database that records every call and answers like an empty/filled table.
function model(name: string) {
  return new Proxy(
    {},
    {
      get:
        (_t, method: string) =>
        async (..._args: unknown[]) => {
          calls.push(`${name}.${method}`);
          if (name === "user" && method === "findUnique") return existingUser;
          if (name === "user" && method === "create") return { id: "u-new", email: "new@exemple.fr", firstName: "Inès" };
          if (method === "findMany") return [];
          return { id: "row" };
        },
    },
  );
}
const fakeDb: Record<string, unknown> = new Proxy(
  {},
  {
    get: (_t, key: string) => {
      if (key === "$transaction") return async (fn: unknown) => (typeof fn === "function" ? fn(fakeDb) : fn);
      return model(key);
    },
  },
);

vi.mock("@/lib/db", () => ({ db: fakeDb }));
const hashPassword = vi.fn(async (p: string) => `hash:${p}`);
vi.mock("@/lib/auth/password", () => ({ hashPassword, verifyPassword: vi.fn(), dummyPasswordHash: vi.fn() }));
const sendEmail = vi.fn(async () => undefined);
vi.mock("@/lib/messaging", () => ({ sendEmail }));
const recordAudit = vi.fn(async () => undefined);
vi.mock("@/lib/audit", () => ({ recordAudit, requestContext: async () => ({ ipAddress: null, userAgent: null }) }));
const hitRateLimit = vi.fn(async (_key: string, limit: number) => ({
  allowed: true,
  count: 1,
  resetAt: new Date(),
  retryAfterSeconds: 0,
  limit,
}));
vi.mock("@/lib/rate-limit", () => ({ hitRateLimit, isRateLimited: vi.fn() }));
vi.mock("@/lib/url", () => ({ absoluteUrl: async (p: string) => `http://localhost:3000${p}` }));

const { registerWorker, requestPasswordResetFor, ACCOUNT_EMAILS_PER_HOUR } = await import("@/lib/auth/accounts");

type Work = { hashes: number; dbCalls: string[]; emails: number; deferred: (() => Promise<void>)[] };

async function inRequest(run: (defer: (t: () => Promise<void>) => void) => Promise<void> | void): Promise<Work> {
  calls.length = 0;
  hashPassword.mockClear();
  sendEmail.mockClear();
  const deferred: (() => Promise<void>)[] = [];
  await run((task) => deferred.push(task));
  return { hashes: hashPassword.mock.calls.length, dbCalls: [...calls], emails: sendEmail.mock.calls.length, deferred };
}

const signupData = {
  firstName: "Inès",
  lastName: "Durand",
  email: "x@exemple.fr",
  phone: "+33612345678",
  password: "une phrase de passe assez longue",
  agencyId: "a1",
};
const owner = { id: "u1", email: "x@exemple.fr", firstName: "Léa", active: true, emailVerifiedAt: new Date() };

beforeEach(() => {
  existingUser = null;
  hitRateLimit.mockClear();
});

describe("sign-up request", () => {
  it("hashes once, touches no table and sends nothing, for a new and a registered address alike", async () => {
    existingUser = null;
    const fresh = await inRequest((defer) => registerWorker(signupData, defer));
    existingUser = owner;
    const taken = await inRequest((defer) => registerWorker(signupData, defer));
    for (const work of [fresh, taken]) {
      expect(work.hashes).toBe(1);
      expect(work.dbCalls).toEqual([]);
      expect(work.emails).toBe(0);
      expect(work.deferred).toHaveLength(1);
    }
  });

  it("after the response: creates the account for a new address, only warns the owner of a registered one", async () => {
    existingUser = null;
    const fresh = await inRequest((defer) => registerWorker(signupData, defer));
    await fresh.deferred[0]();
    expect(calls).toContain("user.create");
    expect(sendEmail).toHaveBeenCalledTimes(1);

    existingUser = owner;
    const taken = await inRequest((defer) => registerWorker(signupData, defer));
    await taken.deferred[0]();
    expect(calls).not.toContain("user.create");
    expect(sendEmail).toHaveBeenCalledTimes(1);
    expect(sendEmail.mock.calls[0]).toMatchObject([{ to: owner.email }]);
  });

  it("caps account emails per recipient address, whoever asks", async () => {
    existingUser = owner;
    hitRateLimit.mockResolvedValueOnce({
      allowed: false,
      count: ACCOUNT_EMAILS_PER_HOUR + 1,
      resetAt: new Date(),
      retryAfterSeconds: 60,
      limit: 3,
    });
    const work = await inRequest((defer) => registerWorker(signupData, defer));
    await work.deferred[0]();
    expect(hitRateLimit).toHaveBeenCalledWith(
      expect.stringMatching(/^account-email:[0-9a-f]{64}$/),
      ACCOUNT_EMAILS_PER_HOUR,
      3600,
      undefined,
    );
    expect(sendEmail).not.toHaveBeenCalled();
  });
});

describe("password reset request", () => {
  it("does no lookup, token or email in the request, for a known and an unknown address alike", async () => {
    existingUser = null;
    const unknown = await inRequest((defer) => requestPasswordResetFor("nobody@exemple.fr", defer));
    existingUser = owner;
    const known = await inRequest((defer) => requestPasswordResetFor(owner.email, defer));
    for (const work of [unknown, known]) {
      expect(work.dbCalls).toEqual([]);
      expect(work.emails).toBe(0);
      expect(work.hashes).toBe(0);
      expect(work.deferred).toHaveLength(1);
    }
    await known.deferred[0]();
    expect(calls).toContain("authToken.create");
    expect(sendEmail).toHaveBeenCalledTimes(1);
  });
});

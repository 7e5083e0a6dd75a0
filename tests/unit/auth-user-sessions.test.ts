// One's own sessions (list, "Déconnecter", "Déconnecter les autres sessions")
// and the password asked before changing the sign-in email or signing phone,
// on a real database, PGlite and PostgreSQL.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { testEngines, type TestDb } from "./test-databases";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { hashEmail, LOCKOUT_THRESHOLD } from "@/lib/auth/tokens";
import { sessionExpiresAt } from "@/lib/auth/session-rules";
import { endOtherSessions, endOwnSession, listOpenSessions } from "@/lib/auth/user-sessions";
import { confirmCurrentPassword, REAUTH_MESSAGES } from "@/lib/auth/login";

// Only the sign-in error classes come from next-auth, whose entry needs Next's runtime.
vi.mock("next-auth", () => ({ CredentialsSignin: class extends Error {} }));

const engines = await testEngines("sessions");
const holder = globalThis as unknown as { __espacePrisma?: PrismaClient };
const PASSWORD = "une phrase de passe assez longue";
const ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

describe.each(engines)("own sessions and password confirmation on $name", ({ open }) => {
  let db: TestDb;
  let passwordHash = "";

  beforeAll(async () => {
    db = await open();
    holder.__espacePrisma = db.prisma;
    passwordHash = await hashPassword(PASSWORD);
  }, 300_000);

  afterAll(async () => {
    holder.__espacePrisma = undefined;
    await db?.cleanup();
  });

  let n = 0;
  async function user(role: "WORKER" | "STAFF" = "WORKER") {
    n += 1;
    return db.prisma.user.create({
      data: { email: `u${n}-${Date.now()}@exemple.fr`, role, firstName: "Jo", lastName: "Test", passwordHash, emailVerifiedAt: new Date() },
    });
  }
  async function session(
    u: { id: string; role: Role },
    opts: { openedMinutesAgo?: number; idleMinutes?: number; userAgent?: string } = {},
  ) {
    const createdAt = new Date(Date.now() - (opts.openedMinutesAgo ?? 5) * 60_000);
    return db.prisma.userSession.create({
      data: {
        userId: u.id,
        createdAt,
        lastSeenAt: new Date(Date.now() - (opts.idleMinutes ?? 1) * 60_000),
        expiresAt: sessionExpiresAt(u.role, createdAt),
        userAgent: opts.userAgent ?? ANDROID,
        ipAddress: "203.0.113.42",
      },
    });
  }
  const audits = (action: string, userId: string) => db.prisma.auditLog.findMany({ where: { action, subjectUserId: userId } });

  it("lists the open sessions only, this one first and marked, with device and masked address", async () => {
    const u = await user("STAFF");
    const current = await session(u, { userAgent: IPHONE });
    const other = await session(u, { idleMinutes: 10 });
    await session(u, { idleMinutes: 31 }); // idle too long for staff
    await session(u, { openedMinutesAgo: 12 * 60 + 1, idleMinutes: 0 }); // past 12 hours
    const stranger = await user("STAFF");
    await session(stranger);

    const list = await listOpenSessions({ id: u.id, role: u.role, sessionId: current.id });
    expect(list.map((s) => s.id)).toEqual([current.id, other.id]);
    expect(list[0]).toMatchObject({ current: true, device: "Safari sur iPhone", place: "203.0.113.•" });
    expect(list[1]).toMatchObject({ current: false, device: "Chrome sur Android" });
  });

  it("ends one of one's own other sessions, audited; another user's session id does nothing", async () => {
    const u = await user();
    const current = await session(u);
    const other = await session(u);
    const stranger = await user();
    const strangers = await session(stranger);
    const owner = { id: u.id, role: u.role, sessionId: current.id };

    expect(await endOwnSession(owner, strangers.id)).toBe("not_found");
    expect(await db.prisma.userSession.findUnique({ where: { id: strangers.id } })).not.toBeNull();
    expect(await audits("auth.session_ended", stranger.id)).toHaveLength(0);

    expect(await endOwnSession(owner, current.id)).toBe("current");
    expect(await endOwnSession(owner, other.id)).toBe("ended");
    expect(await endOwnSession(owner, other.id)).toBe("not_found");
    expect(await db.prisma.userSession.findUnique({ where: { id: other.id } })).toBeNull();
    expect(await db.prisma.userSession.findUnique({ where: { id: current.id } })).not.toBeNull();
    const entries = await audits("auth.session_ended", u.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: u.id,
      entityType: "UserSession",
      entityId: other.id,
      details: { device: "Chrome sur Android" },
    });
  });

  it("ends all the others and keeps this one and other users' sessions", async () => {
    const u = await user();
    const current = await session(u);
    await session(u);
    await session(u, { userAgent: IPHONE });
    const stranger = await user();
    const strangers = await session(stranger);

    expect(await endOtherSessions({ id: u.id, role: u.role, sessionId: current.id })).toBe(2);
    expect((await db.prisma.userSession.findMany({ where: { userId: u.id } })).map((s) => s.id)).toEqual([current.id]);
    expect(await db.prisma.userSession.findUnique({ where: { id: strangers.id } })).not.toBeNull();
    expect(await audits("auth.other_sessions_ended", u.id)).toEqual([expect.objectContaining({ actorId: u.id, details: { count: 2 } })]);
  });

  describe("current password before a change of the signing channel", () => {
    beforeEach(async () => {
      await db.prisma.rateLimit.deleteMany({});
    });
    const throttleOf = async (email: string) => db.prisma.loginThrottle.findUnique({ where: { emailHash: hashEmail(email) } });

    it("the right password passes and clears earlier failures", async () => {
      const u = await user();
      expect(await confirmCurrentPassword(u, "pas le bon", null)).toEqual({ ok: false, message: REAUTH_MESSAGES.wrong });
      expect((await throttleOf(u.email))?.failures).toBe(1);
      expect(await confirmCurrentPassword(u, PASSWORD, null)).toEqual({ ok: true, data: undefined });
      expect(await throttleOf(u.email)).toBeNull();
    });

    it("a missing password is refused without counting as a guess", async () => {
      const u = await user();
      for (const missing of ["", null, undefined])
        expect(await confirmCurrentPassword(u, missing, null)).toEqual({ ok: false, message: REAUTH_MESSAGES.missing });
      expect(await throttleOf(u.email)).toBeNull();
    });

    it("wrong passwords count toward the sign-in lockout: then even the right one is refused", async () => {
      const u = await user();
      const answers = [];
      for (let i = 0; i < LOCKOUT_THRESHOLD; i += 1) answers.push(await confirmCurrentPassword(u, `faux ${i}`, "198.51.100.7"));
      expect(answers.slice(0, -1).every((a) => !a.ok && a.message === REAUTH_MESSAGES.wrong)).toBe(true);
      expect(answers.at(-1)).toEqual({
        ok: false,
        message: expect.stringMatching(/^Trop de mots de passe incorrects\. Réessayez dans 1 minute/),
      });
      const throttle = await throttleOf(u.email);
      expect(throttle?.failures).toBe(LOCKOUT_THRESHOLD);
      expect(throttle?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
      expect(await confirmCurrentPassword(u, PASSWORD, null)).toEqual({
        ok: false,
        message: expect.stringMatching(/^Trop de mots de passe incorrects/),
      });
      expect(await db.prisma.rateLimit.findUnique({ where: { key: "login-failures-ip:198.51.100.7" } })).toMatchObject({
        count: LOCKOUT_THRESHOLD,
      });
      expect(await audits("auth.reauth_failed", u.id)).toHaveLength(LOCKOUT_THRESHOLD);
    });
  });
});

import { describe, expect, it } from "vitest";
import { hashEmail, hashToken, lockoutMinutes, newToken, normalizeEmail, tokenState, LOCKOUT_THRESHOLD } from "@/lib/auth/tokens";
import { passwordProblems } from "@/lib/auth/password-rules";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { safeNextPath } from "@/lib/url";
import { loginSchema, signupSchema } from "@/lib/auth/schemas";

describe("emailed tokens", () => {
  it("are random, URL-safe, and only their hash is kept", () => {
    const a = newToken();
    const b = newToken();
    expect(a.token).not.toBe(b.token);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.tokenHash).toBe(hashToken(a.token));
    expect(a.tokenHash).not.toContain(a.token);
  });

  it("are valid until they expire or are used", () => {
    const now = new Date("2026-11-26T12:00:00Z");
    expect(tokenState(null, now)).toBe("unknown");
    expect(tokenState({ expiresAt: new Date("2026-11-26T12:00:01Z"), usedAt: null }, now)).toBe("valid");
    expect(tokenState({ expiresAt: new Date("2026-11-26T12:00:00Z"), usedAt: null }, now)).toBe("expired");
    expect(tokenState({ expiresAt: new Date("2026-11-27T12:00:00Z"), usedAt: new Date("2026-11-26T11:00:00Z") }, now)).toBe("used");
  });
});

describe("lockout", () => {
  it("lets four wrong passwords pass, then waits longer and longer, at most an hour", () => {
    expect(LOCKOUT_THRESHOLD).toBe(5);
    expect([1, 2, 3, 4].map(lockoutMinutes)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map(lockoutMinutes)).toEqual([1, 2, 4, 8]);
    expect(lockoutMinutes(20)).toBe(60);
  });

  it("keys the counter on the normalised address", () => {
    expect(hashEmail(" Interimaire@Demo.coop-emploi.fr ")).toBe(hashEmail("interimaire@demo.coop-emploi.fr"));
    expect(normalizeEmail(" A@B.FR ")).toBe("a@b.fr");
  });
});

describe("passwords", () => {
  it("are hashed with argon2id and verified", async () => {
    const hash = await hashPassword("Demo2026!");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, "Demo2026!")).toBe(true);
    expect(await verifyPassword(hash, "demo2026!")).toBe(false);
    expect(await verifyPassword(null, "Demo2026!")).toBe(false);
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
  });

  it("explain in French what is wrong with a new password's length, with no composition rules", () => {
    expect(passwordProblems("une phrase de passe")).toEqual([]);
    expect(passwordProblems("abc")).toEqual(["Le mot de passe doit faire au moins 12 caractères."]);
    expect(passwordProblems("x".repeat(129))).toEqual(["Le mot de passe doit faire au plus 128 caractères."]);
  });
});

describe("forms", () => {
  it("normalise the email and refuse an empty password", () => {
    expect(loginSchema.parse({ email: " Agence@Demo.coop-emploi.fr", password: "x" }).email).toBe("agence@demo.coop-emploi.fr");
    expect(loginSchema.safeParse({ email: "a@b.fr", password: "" }).success).toBe(false);
  });

  it("check sign-up fields with French messages", () => {
    const result = signupSchema.safeParse({
      firstName: "Léa",
      lastName: "Martin",
      email: "lea@exemple.fr",
      phone: "06 12 34 56 78",
      agencyId: "a1",
      password: "une phrase solide",
      confirmPassword: "une phrase solide?",
      acceptTerms: "on",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["confirmPassword"], message: "Les deux mots de passe ne correspondent pas." });
    const ok = signupSchema.parse({
      firstName: "Léa",
      lastName: "Martin",
      email: "lea@exemple.fr",
      phone: "06 12 34 56 78",
      agencyId: "a1",
      password: "une phrase solide",
      confirmPassword: "une phrase solide",
      acceptTerms: "on",
    });
    expect(ok.phone).toBe("+33612345678");
  });
});

describe("redirect after sign-in", () => {
  it("follows only same-site paths", () => {
    expect(safeNextPath("/contrats?page=2")).toBe("/contrats?page=2");
    expect(safeNextPath("//evil.example")).toBeNull();
    expect(safeNextPath("https://evil.example")).toBeNull();
    expect(safeNextPath("/\\evil.example")).toBeNull();
    expect(safeNextPath("/api/dev/outbox")).toBeNull();
    expect(safeNextPath(undefined)).toBeNull();
  });
});

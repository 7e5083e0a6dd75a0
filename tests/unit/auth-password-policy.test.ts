import { describe, expect, it } from "vitest";
import { passwordProblems, PASSWORD_MAX_LENGTH } from "@/lib/auth/password-rules";
import { isCommonPassword, passwordStrengthError } from "@/lib/auth/password-strength";
import { signupSchema } from "@/lib/auth/schemas";

describe("password policy (ASVS 5.0 V6.2)", () => {
  it("refuses Password1! and other short or common passwords, with a French message", async () => {
    for (const p of ["Password1!", "Password123!", "azertyuiop12", "motdepasse123"]) {
      expect(await passwordStrengthError(p), p).toMatch(/caractères|deviner|plus utilisés/);
    }
    expect(await passwordStrengthError("Password1!")).toBe("Le mot de passe doit faire au moins 12 caractères.");
  });
  it("accepts a 28-character passphrase without digits, capitals or symbols (no composition rules)", async () => {
    const passphrase = "soleil levant sur la garonne";
    expect(passphrase).toHaveLength(28);
    expect(await passwordStrengthError(passphrase)).toBeNull();
    expect(passwordProblems(passphrase)).toEqual([]);
  });
  it("allows any character up to the maximum, refuses beyond", async () => {
    const long = "é ☀ ".repeat(16) + "chaîne très longue et variée";
    expect([...long].length).toBeGreaterThanOrEqual(64);
    expect(await passwordStrengthError(long)).toBeNull();
    expect(passwordProblems("a".repeat(PASSWORD_MAX_LENGTH + 1))[0]).toMatch(/au plus 128/);
  });
  it("ships a list of breached common passwords", () => {
    expect(isCommonPassword("123456789012")).toBe(true);
    expect(isCommonPassword("soleil levant sur la garonne")).toBe(false);
  });
  it("counts the user's own email and names as guessable", async () => {
    expect(await passwordStrengthError("ines.durand2026", ["ines.durand@exemple.fr", "Inès", "Durand"])).not.toBeNull();
  });
  it("the browser-side schema only checks length (dictionaries stay on the server)", () => {
    const base = { firstName: "A", lastName: "B", email: "a@b.fr", phone: "0612345678", agencyId: "x", acceptTerms: "on" };
    const short = signupSchema.safeParse({ ...base, password: "Password1!", confirmPassword: "Password1!" });
    expect(short.success).toBe(false);
    const pass = "soleil levant sur la garonne";
    expect(signupSchema.safeParse({ ...base, password: pass, confirmPassword: pass }).success).toBe(true);
  });
});

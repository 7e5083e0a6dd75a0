import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes).
const options = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A hash to verify against when the account does not exist, so that timing
// does not reveal whether an email is registered.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("not-a-real-password-" + Math.random());
  return dummyHash;
}

/** French explanations of what is missing; empty when the password is strong enough. */
export function passwordProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < 8) problems.push("au moins 8 caractères");
  if (!/[a-z]/.test(password)) problems.push("une lettre minuscule");
  if (!/[A-Z]/.test(password)) problems.push("une lettre majuscule");
  if (!/[0-9]/.test(password)) problems.push("un chiffre");
  if (!/[^A-Za-z0-9]/.test(password)) problems.push("un caractère spécial (ex. ! ? @ #)");
  if (password.length > 128) problems.push("au plus 128 caractères");
  return problems;
}

export const PASSWORD_RULES_TEXT =
  "Au moins 8 caractères, avec une minuscule, une majuscule, un chiffre et un caractère spécial.";

// Server-side password strength (ASVS 5.0 V6.2): zxcvbn-ts with its common
// and French dictionaries. Never imported by a client component, so the
// dictionaries stay out of the browser bundles.
import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as fr from "@zxcvbn-ts/language-fr";
import { passwordProblems } from "./password-rules";

/** zxcvbn score (0–4) a new password must reach. */
export const MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
let commonPasswords: Set<string> | undefined;

function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...fr.dictionary },
    graphs: common.adjacencyGraphs,
    translations: fr.translations,
  });
  return factory;
}

/** The most common passwords of the breached lists that zxcvbn ships (~50,000). */
export function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set((common.dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  return commonPasswords.has(password.toLowerCase());
}

const fold = (v: string) =>
  v
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

const TOO_GUESSABLE =
  "Ce mot de passe est trop facile à deviner. Choisissez-en un plus long, par exemple une phrase de quatre mots ou plus.";

/**
 * The French message to show next to the field, or null when the password is
 * accepted. `userInputs` (email, names) count as guessable words.
 */
export async function passwordStrengthError(password: string, userInputs: string[] = []): Promise<string | null> {
  const lengthProblem = passwordProblems(password)[0];
  if (lengthProblem) return lengthProblem;
  if (isCommonPassword(password)) return "Ce mot de passe fait partie des plus utilisés : choisissez-en un autre.";
  const inputs = userInputs
    .flatMap((v) => [v, ...v.split(/[@.\s_-]+/)])
    .map(fold)
    .filter((v) => v.length >= 3);
  // The user's own email and names do not count towards the length.
  let rest = fold(password);
  for (const word of [...inputs].sort((a, b) => b.length - a.length)) rest = rest.split(word).join("");
  if ([...rest].length < 8) return TOO_GUESSABLE;
  const result = zxcvbn().check(password, inputs);
  if (result.score >= MIN_SCORE) return null;
  const warning = result.feedback.warning;
  return warning ? `${TOO_GUESSABLE} (${warning.replace(/\.$/, "")}.)` : TOO_GUESSABLE;
}

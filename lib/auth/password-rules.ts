// Length rules, shared with the browser forms. Strength and common-password
// checks need dictionaries and run on the server only (password-strength.ts).
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** French explanation of what is wrong with the length; empty when it is fine. Any character is allowed. */
export function passwordProblems(password: string): string[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return [`Le mot de passe doit faire au moins ${PASSWORD_MIN_LENGTH} caractères.`];
  if (length > PASSWORD_MAX_LENGTH) return [`Le mot de passe doit faire au plus ${PASSWORD_MAX_LENGTH} caractères.`];
  return [];
}

export const PASSWORD_RULES_TEXT =
  "Au moins 12 caractères, tous caractères permis (espaces compris). Une phrase de plusieurs mots est plus sûre et plus facile à retenir ; les mots de passe courants sont refusés.";

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

import { z } from "zod";
import { passwordProblems } from "./password-rules";

const email = z
  .string({ error: "Renseignez votre adresse e-mail." })
  .trim()
  .min(1, "Renseignez votre adresse e-mail.")
  .max(254, "Adresse e-mail trop longue.")
  .email("Adresse e-mail invalide.")
  .transform((v) => v.toLowerCase());

// Length only here (shared with the browser); the server also checks strength
// and common passwords (password-strength.ts) before using a new password.
const newPassword = z.string().superRefine((value, ctx) => {
  const problems = passwordProblems(value);
  if (problems.length) ctx.addIssue({ code: "custom", message: problems[0] });
});

export const loginSchema = z.object({
  email,
  password: z.string().min(1, "Renseignez votre mot de passe.").max(200),
});

const frenchMobile = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s.-]/g, ""))
  .refine((v) => /^(0[67]\d{8}|\+33[67]\d{8})$/.test(v), "Numéro de portable invalide (ex. 06 12 34 56 78).")
  .transform((v) => (v.startsWith("0") ? "+33" + v.slice(1) : v));

export const signupSchema = z
  .object({
    firstName: z.string().trim().min(1, "Renseignez votre prénom.").max(80),
    lastName: z.string().trim().min(1, "Renseignez votre nom.").max(80),
    email,
    phone: frenchMobile,
    agencyId: z.string().min(1, "Choisissez votre agence."),
    password: newPassword,
    confirmPassword: z.string(),
    acceptTerms: z.literal("on", { error: "Vous devez accepter les conditions d'utilisation." }),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "Les deux mots de passe ne correspondent pas." });

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z
  .object({ token: z.string().min(10), password: newPassword, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "Les deux mots de passe ne correspondent pas." });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Renseignez votre mot de passe actuel."),
    password: newPassword,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "Les deux mots de passe ne correspondent pas." })
  .refine((v) => v.password !== v.currentPassword, {
    path: ["password"],
    message: "Le nouveau mot de passe doit être différent de l'actuel.",
  });

import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "./forgot-form";

export const metadata: Metadata = { title: "Mot de passe oublié" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="text-2xl font-bold text-slate-900">Mot de passe oublié</h1>
      <p className="mt-1 text-sm text-slate-600">
        Indiquez votre adresse e-mail : nous vous enverrons un lien pour choisir un nouveau mot de passe.
      </p>
      <ForgotPasswordForm />
      <Link href="/connexion" className="text-brand-700 mt-6 inline-block text-sm font-semibold hover:underline">
        ‹ Retour à la connexion
      </Link>
    </>
  );
}

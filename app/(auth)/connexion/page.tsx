import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser, homeFor } from "@/lib/auth/session";
import { DemoAccounts } from "@/components/preview/demo-accounts";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Connexion" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LoginPage({ searchParams }: Props) {
  const user = await getSessionUser();
  if (user) redirect(homeFor(user.role));
  const params = await searchParams;
  const notice = params.confirme
    ? "Votre adresse e-mail est confirmée. Vous pouvez vous connecter."
    : params.reinitialise
      ? "Votre mot de passe a été modifié. Connectez-vous avec le nouveau mot de passe."
      : params.deconnecte
        ? "Vous êtes déconnecté."
        : params["demo-reinitialisee"]
          ? "La démonstration a été réinitialisée. Choisissez un compte pour continuer."
          : undefined;
  const next = typeof params.next === "string" ? params.next : undefined;
  return (
    <>
      <h1 className="text-2xl font-bold text-slate-900">Connexion</h1>
      <p className="mt-1 text-sm text-slate-600">Accédez à votre espace intérimaire, agence ou entreprise.</p>
      <DemoAccounts />
      <LoginForm notice={notice} next={next} />
    </>
  );
}

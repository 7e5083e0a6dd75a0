import type { Metadata } from "next";
import { inspectToken } from "@/lib/auth/accounts";
import { ActivateForm } from "./activate-form";

export const metadata: Metadata = { title: "Activer mon espace" };

type Props = { searchParams: Promise<{ token?: string }> };

export default async function ActivatePage({ searchParams }: Props) {
  const { token } = await searchParams;
  const state = token ? await inspectToken(token, "INVITATION") : "unknown";
  return (
    <>
      <h1 className="text-2xl font-bold text-slate-900">Activer mon espace</h1>
      {state === "valid" && token ? (
        <>
          <p className="mt-2 text-slate-700">
            Votre agence vous a invité(e) : choisissez votre mot de passe. Votre identifiant est votre adresse e-mail.
          </p>
          <ActivateForm token={token} />
        </>
      ) : (
        <p role="alert" className="mt-4 text-slate-700">
          {state === "expired"
            ? "Ce lien d'invitation a expiré. Demandez à votre agence de vous renvoyer une invitation."
            : state === "used"
              ? "Ce lien a déjà été utilisé : connectez-vous avec le mot de passe choisi, ou utilisez « J'ai oublié mon mot de passe »."
              : "Ce lien est incorrect."}
        </p>
      )}
    </>
  );
}

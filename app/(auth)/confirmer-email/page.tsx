import type { Metadata } from "next";
import Link from "next/link";
import { inspectToken } from "@/lib/auth/accounts";
import { ConfirmEmailForm } from "./confirm-form";

export const metadata: Metadata = { title: "Confirmer mon adresse e-mail" };

type Props = { searchParams: Promise<{ token?: string }> };

// The link only shows a button: the token is used by the POST, so that mail
// scanners that open links do not spend it.
export default async function ConfirmEmailPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const state = token ? await inspectToken(token, "EMAIL_CONFIRMATION") : "unknown";
  return (
    <>
      <h1 className="text-2xl font-bold text-slate-900">Confirmer mon adresse e-mail</h1>
      {state === "valid" && token ? (
        <ConfirmEmailForm token={token} />
      ) : (
        <div className="mt-4 space-y-3 text-slate-700">
          <p role="alert">
            {state === "expired"
              ? "Ce lien de confirmation a expiré."
              : state === "used"
                ? "Ce lien a déjà été utilisé. Si votre adresse est confirmée, vous pouvez vous connecter."
                : "Ce lien de confirmation est incorrect."}
          </p>
          <p className="text-sm">Depuis la page de connexion, vous pouvez demander un nouveau lien.</p>
          <Link href="/connexion" className="text-brand-700 inline-block font-semibold hover:underline">
            Aller à la page de connexion
          </Link>
        </div>
      )}
    </>
  );
}

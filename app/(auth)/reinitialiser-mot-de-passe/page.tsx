import type { Metadata } from "next";
import Link from "next/link";
import { inspectToken } from "@/lib/auth/accounts";
import { ResetPasswordForm } from "./reset-form";

export const metadata: Metadata = { title: "Nouveau mot de passe" };

type Props = { searchParams: Promise<{ token?: string }> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const state = token ? await inspectToken(token, "PASSWORD_RESET") : "unknown";
  return (
    <>
      <h1 className="text-2xl font-bold text-slate-900">Choisir un nouveau mot de passe</h1>
      {state === "valid" && token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div className="mt-4 space-y-3 text-slate-700">
          <p role="alert">
            {state === "expired"
              ? "Ce lien a expiré : il n'est valable qu'une heure."
              : state === "used"
                ? "Ce lien a déjà été utilisé."
                : "Ce lien est incorrect."}
          </p>
          <Link href="/mot-de-passe-oublie" className="text-brand-700 inline-block font-semibold hover:underline">
            Demander un nouveau lien
          </Link>
        </div>
      )}
    </>
  );
}

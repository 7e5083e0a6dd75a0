import type { Metadata } from "next";
import Link from "next/link";
import { signupAgencies } from "@/lib/backoffice/agencies";
import { SignupForm } from "./signup-form";

export const metadata: Metadata = { title: "Inscription" };
export const dynamic = "force-dynamic";

export default async function SignupPage() {
  const agencies = await signupAgencies();
  return (
    <>
      <h1 className="text-2xl font-bold text-slate-900">Créer mon espace intérimaire</h1>
      <p className="mt-1 text-sm text-slate-600">
        Après l&apos;inscription, vous recevrez un e-mail pour confirmer votre adresse. Vous pourrez ensuite vous connecter.
      </p>
      <SignupForm agencies={agencies.map((a) => ({ id: a.id, label: `${a.name}${a.city ? ` (${a.city})` : ""}` }))} />
      <p className="mt-6 border-t border-slate-200 pt-4 text-center text-sm text-slate-600">
        Déjà inscrit ?{" "}
        <Link href="/connexion" className="text-brand-700 font-semibold hover:underline">
          Se connecter
        </Link>
      </p>
    </>
  );
}

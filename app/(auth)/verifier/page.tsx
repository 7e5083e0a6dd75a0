import type { Metadata } from "next";
import Link from "next/link";
import { VerifyForm } from "./verify-form";

export const metadata: Metadata = { title: "Vérifier un contrat" };

export default function VerifyPage() {
  return (
    <>
      <h1 className="text-2xl font-bold text-slate-900">Vérifier un contrat</h1>
      <p className="mt-1 text-sm text-slate-600">
        Déposez un contrat de mission au format PDF, ou saisissez son empreinte SHA-256 : nous vous disons s&apos;il a été émis ou signé sur
        l&apos;espace intérimaire de Coop Emploi. Le fichier est vérifié dans votre navigateur : il n&apos;est ni envoyé ni conservé.
      </p>
      <VerifyForm />
      <p className="mt-6 text-xs text-slate-500">
        Les contrats signés portent aussi le cachet électronique de l&apos;agence : votre lecteur PDF indique si le fichier a été modifié
        depuis sa signature.
      </p>
      <Link href="/connexion" className="text-brand-700 mt-4 inline-block text-sm font-semibold hover:underline">
        ‹ Retour à la connexion
      </Link>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Vérifiez vos e-mails" };

export default function CheckEmailPage() {
  return (
    <>
      <h1 className="text-2xl font-bold text-slate-900">Vérifiez vos e-mails</h1>
      <p className="mt-3 text-slate-700">
        Un e-mail de confirmation vient d&apos;être envoyé à l&apos;adresse indiquée. Cliquez sur le lien qu&apos;il contient pour activer
        votre espace, puis connectez-vous.
      </p>
      <p className="mt-3 text-sm text-slate-600">Pensez à regarder dans les courriers indésirables. Le lien est valable 48 heures.</p>
      <Link href="/connexion" className="text-brand-700 mt-6 inline-block font-semibold hover:underline">
        Aller à la page de connexion
      </Link>
    </>
  );
}

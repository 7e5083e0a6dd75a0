import type { Metadata } from "next";
import Link from "next/link";
import { unstable_rethrow } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";
import { getSessionUser, homeFor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Page introuvable" };

/** The home of whoever is signed in (the worker's "/" is a 404 for staff). */
async function homeLink(): Promise<{ href: string; label: string }> {
  try {
    const user = await getSessionUser();
    if (user) return { href: homeFor(user.role), label: "Retour à l'accueil" };
  } catch (error) {
    unstable_rethrow(error);
  }
  return { href: "/connexion", label: "Aller à la page de connexion" };
}

export default async function NotFound() {
  const home = await homeLink();
  return (
    <div className="from-brand-50 flex min-h-screen flex-col bg-gradient-to-b to-slate-50">
      <header className="px-4 py-5 sm:px-8">
        <span className="text-brand-700 text-2xl font-bold tracking-tight">
          coop <span className="text-accent-700">emploi</span>
        </span>
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-4 pb-12 sm:pt-16">
        <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 text-center shadow-sm sm:p-8">
          <p className="text-brand-600 text-sm font-semibold">Erreur 404</p>
          <h1 className="mt-2 text-2xl font-bold text-slate-900">Page introuvable</h1>
          <p className="mt-3 text-slate-600">La page demandée n&apos;existe pas, a été déplacée, ou vous n&apos;y avez pas accès.</p>
          <Link href={home.href} className={buttonClasses({ className: "mt-6" })}>
            {home.label}
          </Link>
        </div>
      </main>
      <footer className="px-4 py-6 text-center text-xs text-slate-500">© 2026 Coop Emploi</footer>
    </div>
  );
}

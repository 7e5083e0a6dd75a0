"use client";

import { usePathname } from "next/navigation";
import "./globals.css";

/** Each space has its own home; the worker's "/" is a 404 for the others. */
function homeOf(pathname: string | null): string {
  if (pathname?.startsWith("/admin")) return "/admin";
  if (pathname?.startsWith("/client")) return "/client";
  return "/";
}

function referenceOf(error: unknown): string | null {
  if (typeof error === "object" && error !== null && "digest" in error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest) return digest;
  }
  return null;
}

// Replaces the root layout when it fails, so it brings its own <html>.
export default function GlobalError({ error, retry, reset }: { error: unknown; retry?: () => void; reset?: () => void }) {
  const reference = referenceOf(error);
  const home = homeOf(usePathname());
  return (
    <html lang="fr">
      <head>
        <title>Une erreur est survenue – Coop Emploi</title>
      </head>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900">
        <main className="flex min-h-screen items-center justify-center px-4 py-12">
          <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 text-center shadow-sm sm:p-8">
            <p className="text-brand-700 text-2xl font-bold tracking-tight">
              coop <span className="text-accent-700">emploi</span>
            </p>
            <h1 className="mt-4 text-2xl font-bold">Une erreur est survenue</h1>
            <p className="mt-3 text-slate-600">
              L&apos;espace en ligne n&apos;a pas pu s&apos;afficher. Réessayez dans un instant ; si le problème continue, contactez votre
              agence.
            </p>
            {reference ? (
              <p className="mt-3 text-sm text-slate-500">
                Code d&apos;erreur :{" "}
                <code data-testid="error-code" className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-700">
                  {reference}
                </code>
              </p>
            ) : null}
            <div className="mt-6 flex flex-wrap justify-center gap-3">
              <button
                type="button"
                onClick={() => (retry ?? reset)?.()}
                className="bg-brand-600 hover:bg-brand-700 inline-flex min-h-11 items-center justify-center rounded-lg px-5 text-sm font-semibold text-white"
              >
                Réessayer
              </button>
              <a
                href={home}
                className="inline-flex min-h-11 items-center justify-center rounded-lg border border-slate-300 bg-white px-5 text-sm font-semibold text-slate-800 hover:bg-slate-50"
              >
                Retour à l&apos;accueil
              </a>
            </div>
          </div>
        </main>
      </body>
    </html>
  );
}

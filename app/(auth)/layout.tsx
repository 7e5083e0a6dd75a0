import Link from "next/link";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="from-brand-50 flex min-h-screen flex-col bg-gradient-to-b to-slate-50">
      <header className="px-4 py-5 sm:px-8">
        <Link href="/connexion" className="text-brand-700 inline-flex items-baseline gap-1 text-2xl font-bold tracking-tight">
          coop <span className="text-accent-700">emploi</span>
        </Link>
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-4 pb-12 sm:pt-10">
        <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">{children}</div>
      </main>
      <footer className="px-4 py-6 text-center text-xs text-slate-500">© 2026 Coop Emploi</footer>
    </div>
  );
}

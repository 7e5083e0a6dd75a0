import { isPreview } from "@/lib/preview/env";
import { demoSignIn } from "@/lib/preview/actions";

const ACCOUNTS = [
  { role: "WORKER", label: "Essayer en tant qu'intérimaire" },
  { role: "STAFF", label: "Essayer en tant qu'agence" },
  { role: "CLIENT", label: "Essayer en tant qu'entreprise cliente" },
] as const;

/** Deploy previews only: one button per demo account, each a real sign-in. */
export function DemoAccounts() {
  if (!isPreview()) return null;
  return (
    <section aria-labelledby="demo-accounts" className="mb-6 rounded-lg border border-amber-200 bg-amber-50 p-4">
      <h2 id="demo-accounts" className="text-sm font-semibold text-amber-950">
        Découvrir la démonstration
      </h2>
      <p className="mt-1 text-xs text-amber-900">Sans compte ni mot de passe : les données sont fictives et remises à zéro chaque nuit.</p>
      <div className="mt-3 grid gap-2">
        {ACCOUNTS.map((account) => (
          <form key={account.role} action={demoSignIn}>
            <input type="hidden" name="role" value={account.role} />
            <button
              type="submit"
              className="w-full rounded-md border border-amber-300 bg-white px-3 py-2 text-sm font-medium text-slate-900 hover:bg-amber-100"
            >
              {account.label}
            </button>
          </form>
        ))}
      </div>
    </section>
  );
}

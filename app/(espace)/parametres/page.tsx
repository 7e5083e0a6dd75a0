import type { Metadata } from "next";
import { requireWorker } from "@/lib/auth/session";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { PageHeader } from "@/components/ui/page-header";
import { workerPages } from "@/components/shell/nav";

export const metadata: Metadata = { title: "Paramètres" };

export default async function SettingsPage() {
  await requireWorker();
  return (
    <div className="space-y-6">
      <PageHeader title={workerPages.parametres.title} breadcrumbs={workerPages.parametres.breadcrumbs} />
      <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold text-slate-900">Notification Mail</h2>
        <p className="mt-2 text-sm text-slate-600">
          Le choix des emails que vous recevez (acomptes, contrats, bulletins de salaire…) sera bientôt disponible ici. En attendant, toutes
          les notifications sont actives.
        </p>
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold text-slate-900">Changer le mot de passe</h2>
        <ChangePasswordForm />
      </section>
    </div>
  );
}

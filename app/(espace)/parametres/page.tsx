import type { Metadata } from "next";
import { requireWorker } from "@/lib/auth/session";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { SessionsSection } from "@/components/auth/sessions-section";
import { NotificationToggles } from "@/components/compte/notification-toggles";
import { PageHeader } from "@/components/ui/page-header";
import { workerPages } from "@/components/shell/nav";
import { NOTIFICATION_SETTINGS } from "@/lib/notifications";
import { notificationPreferences } from "@/lib/settings/queries";

export const metadata: Metadata = { title: "Paramètres" };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ sessions?: string | string[] }> }) {
  const worker = await requireWorker();
  const prefs = await notificationPreferences(worker);
  const items = NOTIFICATION_SETTINGS.map((s) => ({ ...s, enabled: prefs.find((p) => p.kind === s.kind)?.enabled ?? true }));
  return (
    <div className="space-y-6">
      <PageHeader title={workerPages.parametres.title} breadcrumbs={workerPages.parametres.breadcrumbs} />
      <section aria-labelledby="notifications" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="notifications" className="text-lg font-semibold text-slate-900">
          Notification Mail
        </h2>
        <NotificationToggles items={items} />
      </section>
      <section aria-labelledby="mot-de-passe" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="mot-de-passe" className="text-lg font-semibold text-slate-900">
          Changer le mot de passe
        </h2>
        <ChangePasswordForm />
      </section>
      <SessionsSection owner={worker} status={(await searchParams).sessions} />
    </div>
  );
}

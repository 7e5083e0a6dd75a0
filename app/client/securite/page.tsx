import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { SessionsSection } from "@/components/auth/sessions-section";
import { clientPages } from "@/components/shell/nav";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireClient } from "@/lib/auth/session";

const page = clientPages.securite;
export const metadata: Metadata = { title: page.title };

export default async function ClientSecurityPage({ searchParams }: { searchParams: Promise<{ sessions?: string | string[] }> }) {
  const user = await requireClient();
  return (
    <div className="space-y-6">
      <PageHeader title={page.title} breadcrumbs={page.breadcrumbs} />
      <SessionsSection owner={user} status={(await searchParams).sessions} />
      <Card as="section" aria-labelledby="mot-de-passe">
        <CardHeader id="mot-de-passe" title="Changer le mot de passe" />
        <ChangePasswordForm />
      </Card>
    </div>
  );
}

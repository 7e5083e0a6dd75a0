import type { Metadata } from "next";
import { adminPages } from "@/components/shell/nav";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { staffAgencies } from "@/lib/backoffice/agencies";
import { newFormKey } from "@/lib/forms";
import { ClientForm } from "../client-forms";

export const metadata: Metadata = { title: "Nouveau client" };

export default async function NewClientPage() {
  const staff = await requireStaff();
  const agencies = await staffAgencies(staff);
  return (
    <div>
      <PageHeader
        title="Nouveau client"
        breadcrumbs={[
          { label: "Accueil", href: "/admin" },
          { label: adminPages.clients.title, href: adminPages.clients.href },
          { label: "Nouveau client" },
        ]}
        description="Après la création, ajoutez le ou les sites où se déroulent les missions."
      />
      <Card>
        <ClientForm agencies={agencies} formKey={newFormKey()} />
      </Card>
    </div>
  );
}

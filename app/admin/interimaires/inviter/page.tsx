import type { Metadata } from "next";
import { adminPages } from "@/components/shell/nav";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { staffAgencies } from "@/lib/backoffice/agencies";
import { newFormKey } from "@/lib/forms";
import { InviteForm } from "../invite-form";

export const metadata: Metadata = { title: "Inviter un intérimaire" };

export default async function InvitePage() {
  const staff = await requireStaff();
  const agencies = await staffAgencies(staff);
  return (
    <div>
      <PageHeader
        title="Inviter un intérimaire"
        breadcrumbs={[
          { label: "Accueil", href: "/admin" },
          { label: adminPages.interimaires.title, href: adminPages.interimaires.href },
          { label: "Inviter" },
        ]}
        description="Le compte est créé avec un nouveau numéro dans l'agence ; l'intérimaire reçoit un e-mail avec un lien, valable 7 jours, pour choisir son mot de passe."
      />
      <Card>
        <InviteForm agencies={agencies} formKey={newFormKey()} />
      </Card>
    </div>
  );
}

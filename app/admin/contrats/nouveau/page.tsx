import type { Metadata } from "next";
import { adminPages } from "@/components/shell/nav";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { newContractChoices } from "@/lib/backoffice/contract-queries";
import { qualificationLabel } from "@/lib/backoffice/scope";
import { newFormKey } from "@/lib/forms";
import { recourseOptions } from "@/lib/contracts/rules";
import { ContractForm } from "./contract-form";

export const metadata: Metadata = { title: "Nouveau contrat" };

type Props = { searchParams: Promise<{ interimaire?: string; site?: string }> };

export default async function NewContractPage({ searchParams }: Props) {
  const staff = await requireStaff();
  const { interimaire, site: siteId } = await searchParams;
  const { worker, site, qualifications } = await newContractChoices(staff, { workerId: interimaire, siteId });
  return (
    <div>
      <PageHeader
        title="Nouveau contrat"
        breadcrumbs={[
          { label: "Accueil", href: "/admin" },
          { label: adminPages.contrats.title, href: adminPages.contrats.href },
          { label: "Nouveau contrat" },
        ]}
        description="Le contrat reste un brouillon, invisible pour l'intérimaire, jusqu'à son envoi à la signature."
      />
      <Card>
        <ContractForm
          formKey={newFormKey()}
          worker={worker}
          site={site}
          qualifications={qualifications.map((q) => ({ value: q.id, label: qualificationLabel(q) }))}
          recourseOptions={recourseOptions()}
        />
      </Card>
    </div>
  );
}

import type { Metadata } from "next";
import { adminPages } from "@/components/shell/nav";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { clientScope, personName, qualificationLabel, workerScope } from "@/lib/backoffice/scope";
import { newFormKey } from "@/lib/forms";
import { ContractForm } from "./contract-form";

export const metadata: Metadata = { title: "Nouveau contrat" };

type Props = { searchParams: Promise<{ interimaire?: string; site?: string }> };

export default async function NewContractPage({ searchParams }: Props) {
  const staff = await requireStaff();
  const { interimaire, site } = await searchParams;
  const [workers, clients, qualifications] = await Promise.all([
    db.workerProfile.findMany({
      where: { ...workerScope(staff), user: { active: true } },
      select: {
        id: true,
        user: { select: { firstName: true, lastName: true } },
        agencies: { where: { agencyId: { in: staff.agencyIds } }, select: { workerNumber: true, agency: { select: { code: true } } } },
      },
      orderBy: [{ user: { lastName: "asc" } }, { user: { firstName: "asc" } }],
    }),
    db.client.findMany({
      where: clientScope(staff),
      select: { name: true, agency: { select: { code: true } }, sites: { select: { id: true, name: true, city: true }, orderBy: { name: "asc" } } },
      orderBy: { name: "asc" },
    }),
    db.qualification.findMany({ orderBy: { code: "asc" } }),
  ]);
  return (
    <div>
      <PageHeader
        title="Nouveau contrat"
        breadcrumbs={[{ label: "Accueil", href: "/admin" }, { label: adminPages.contrats.title, href: adminPages.contrats.href }, { label: "Nouveau contrat" }]}
        description="Le contrat reste un brouillon, invisible pour l'intérimaire, jusqu'à son envoi à la signature."
      />
      <Card>
        <ContractForm
          formKey={newFormKey()}
          workers={workers.map((w) => ({
            value: w.id,
            label: `${w.user.lastName.toUpperCase()} ${w.user.firstName} – ${w.agencies.map((a) => `${a.agency.code} : ${a.workerNumber}`).join(", ")}`,
          }))}
          sites={clients.flatMap((c) => c.sites.map((s) => ({ value: s.id, label: `${s.name} (${s.city})`, group: `${c.name} – ${c.agency.code}` })))}
          qualifications={qualifications.map((q) => ({ value: q.id, label: qualificationLabel(q) }))}
          defaults={{ workerId: interimaire, siteId: site }}
        />
      </Card>
    </div>
  );
}

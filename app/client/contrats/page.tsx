import type { Metadata } from "next";
import Link from "next/link";
import { clientPages } from "@/components/shell/nav";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { requireClient } from "@/lib/auth/session";
import { clientContracts } from "@/lib/timesheets/client-queries";
import { frenchDate } from "@/lib/timesheets/rules";

const page = clientPages.contrats;
export const metadata: Metadata = { title: page.title };

const CONTRACT_STATE_LABELS: Record<string, { label: string; tone: "success" | "warning" | "neutral" }> = {
  SIGNED: { label: "Valide", tone: "success" },
  AWAITING_SIGNATURE: { label: "En attente de signature", tone: "warning" },
  INCOMPLETE: { label: "Incomplet", tone: "neutral" },
};

export default async function ClientContractsPage() {
  const user = await requireClient();
  const contracts = await clientContracts(user);
  const workers = new Set(contracts.map((c) => `${c.worker.user.firstName} ${c.worker.user.lastName}`));

  return (
    <div className="space-y-6">
      <PageHeader
        title={page.title}
        breadcrumbs={page.breadcrumbs}
        description={<p>Les contrats de mission des intérimaires qui travaillent chez vous.</p>}
      />
      <p className="text-sm text-slate-600">
        {contracts.length} contrat{contracts.length > 1 ? "s" : ""} · {workers.size} intérimaire{workers.size > 1 ? "s" : ""}
      </p>
      {contracts.length === 0 ? (
        <EmptyState title="Aucun contrat" description="Les contrats établis par l'agence pour votre entreprise apparaîtront ici." />
      ) : (
        <Table caption="Contrats de mission">
          <THead>
            <tr>
              <Th>Contrat</Th>
              <Th>Intérimaire</Th>
              <Th>Qualification</Th>
              <Th>Dates de mission</Th>
              <Th>Horaires</Th>
              <Th>Site</Th>
              <Th>État</Th>
            </tr>
          </THead>
          <TBody>
            {contracts.map((c) => {
              const state = CONTRACT_STATE_LABELS[c.state] ?? { label: c.state, tone: "neutral" as const };
              return (
                <Tr key={c.id}>
                  <Td label="Contrat">
                    <Link href={`/client/contrats/${c.id}`} className="text-brand-700 font-semibold hover:underline">
                      {c.number}
                    </Link>
                    <span className="block text-xs text-slate-500">{c.reference}</span>
                  </Td>
                  <Td label="Intérimaire">
                    {c.worker.user.firstName} {c.worker.user.lastName.toUpperCase()}
                  </Td>
                  <Td label="Qualification">
                    {c.qualification.label} ({c.qualification.code})
                  </Td>
                  <Td label="Dates de mission">
                    du {frenchDate(c.startDate)} au {frenchDate(c.endDate)}
                  </Td>
                  <Td label="Horaires">{c.hoursLabel.replace(/\s*00:00-00:00/, "")}</Td>
                  <Td label="Site">{c.site.name}</Td>
                  <Td label="État">
                    <Badge tone={state.tone}>{state.label}</Badge>
                  </Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import { newFormKey } from "@/lib/forms";
import Link from "next/link";
import { NeedForm } from "@/components/ciblage/need-form";
import { adminPages } from "@/components/shell/nav";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { requireStaff } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { staffTargetingDesk } from "@/lib/ciblage/queries";
import { frenchDate, isoDate, parisDay } from "@/lib/timesheets/rules";
import { createNeedAction } from "./actions";

const page = adminPages.ciblages;
export const metadata: Metadata = { title: page.title };

const NEED_STATUS = {
  OPEN: { label: "Ouvert", tone: "info" },
  FILLED: { label: "Pourvu", tone: "success" },
  CLOSED: { label: "Clôturé", tone: "neutral" },
} as const;

export default async function TargetingPage() {
  const staff = await requireStaff();
  const { needs, sites, qualifications } = await staffTargetingDesk(staff);
  const today = parisDay(await now());
  return (
    <div className="space-y-6">
      <PageHeader
        title={page.title}
        breadcrumbs={page.breadcrumbs}
        description={
          <p>
            Décrivez un besoin de mission, proposez-le aux intérimaires qualifiés, disponibles et dans leur rayon de mobilité, retenez un
            candidat puis clôturez le ciblage.
          </p>
        }
      />
      <Card as="section" aria-labelledby="nouveau">
        <h2 id="nouveau" className="mb-4 text-lg font-semibold">
          Nouveau ciblage
        </h2>
        <NeedForm
          action={createNeedAction}
          formKey={newFormKey()}
          minDate={isoDate(today)}
          sites={sites.map((s) => ({ id: s.id, label: `${s.client.name} – ${s.name} (${s.city})` }))}
          qualifications={qualifications.map((q) => ({ id: q.id, label: `${q.label} (${q.code})` }))}
        />
      </Card>
      <section aria-labelledby="liste" className="space-y-3">
        <h2 id="liste" className="text-lg font-semibold">
          Ciblages
        </h2>
        {needs.length === 0 ? (
          <EmptyState title="Aucun ciblage" />
        ) : (
          <Table caption="Ciblages">
            <THead>
              <tr>
                <Th>Besoin</Th>
                <Th>Client</Th>
                <Th>Dates</Th>
                <Th>Réponses</Th>
                <Th>État</Th>
              </tr>
            </THead>
            <TBody>
              {needs.map((n) => (
                <Tr key={n.id}>
                  <Td label="Besoin">
                    <Link href={`/admin/ciblages/${n.id}`} className="text-brand-700 font-semibold hover:underline">
                      {n.qualification.label} ({n.qualification.code})
                    </Link>
                    {n.description ? <span className="block text-xs text-slate-500">{n.description}</span> : null}
                  </Td>
                  <Td label="Client">
                    {n.site.client.name}
                    <span className="block text-xs text-slate-500">
                      {n.site.name}, {n.site.city}
                    </span>
                  </Td>
                  <Td label="Dates">
                    du {frenchDate(n.startDate)} au {frenchDate(n.endDate)}
                    <span className="block text-xs text-slate-500">{n.hoursLabel.replace(/\s*00:00-00:00/, "")}</span>
                  </Td>
                  <Td label="Réponses">
                    {n.offers.filter((o) => o.response === "ACCEPTED").length} oui ·{" "}
                    {n.offers.filter((o) => o.response === "DECLINED").length} non · {n.offers.length} envoyées ·{" "}
                    {n.offers.filter((o) => o.contractId).length}/{n.workersWanted} retenus
                  </Td>
                  <Td label="État">
                    <Badge tone={NEED_STATUS[n.status].tone}>{NEED_STATUS[n.status].label}</Badge>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import { newFormKey } from "@/lib/forms";
import { workerPages } from "@/components/shell/nav";
import { DiplomaForm } from "@/components/compte/diploma-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { requireWorker } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { workerDiplomas } from "@/lib/diplomas/queries";
import { formatDate, parisCalendarDate } from "@/lib/format";

const page = workerPages.diplomes;
export const metadata: Metadata = { title: page.title };

export default async function DiplomasPage() {
  const worker = await requireWorker();
  const { diplomas, qualifications } = await workerDiplomas(worker);
  const today = parisCalendarDate(await now())
    .toISOString()
    .slice(0, 10);

  return (
    <div className="space-y-6">
      <PageHeader
        title={page.title}
        breadcrumbs={page.breadcrumbs}
        description={<p>Saisissez ici vos diplômes d&apos;État et autres certifications.</p>}
      />
      <Alert variant="warning" title="Attention">
        Sans diplôme, l&apos;agence ne pourra pas vous attribuer de qualification. De ce fait, aucune mission ne pourra vous être proposée.
      </Alert>
      {qualifications.length ? (
        <p className="text-sm text-slate-700">
          Vos qualifications : {qualifications.map((q) => `${q.qualification.label} (${q.qualification.code})`).join(", ")}
        </p>
      ) : null}
      <section aria-labelledby="liste-diplomes" className="space-y-2">
        <h2 id="liste-diplomes" className="text-lg font-semibold text-slate-900">
          {diplomas.length} diplôme{diplomas.length > 1 ? "s" : ""} / certificat{diplomas.length > 1 ? "s" : ""}
        </h2>
        {diplomas.length === 0 ? (
          <EmptyState title="Aucun diplôme pour le moment" description="Ajoutez votre premier diplôme avec le formulaire ci-dessous." />
        ) : (
          <Table caption="Vos diplômes et certificats">
            <THead>
              <tr>
                <Th>Nom du diplôme</Th>
                <Th>Date d&apos;obtention</Th>
                <Th>Document</Th>
                <Th>Ajouté le</Th>
                <Th>État</Th>
              </tr>
            </THead>
            <TBody>
              {diplomas.map((d) => (
                <Tr key={d.id}>
                  <Td label="Nom du diplôme" className="font-medium">
                    {d.name}
                  </Td>
                  <Td label="Date d'obtention">{formatDate(d.obtainedOn)}</Td>
                  <Td label="Document">
                    {d.document ? (
                      <a className="text-brand-700 underline" href={`/api/documents-personnels/${d.document.id}`}>
                        Télécharger
                      </a>
                    ) : (
                      <span className="text-slate-500">Original présenté à l&apos;agence</span>
                    )}
                  </Td>
                  <Td label="Ajouté le">{formatDate(d.createdAt)}</Td>
                  <Td label="État">
                    {d.status === "APPROVED" ? (
                      <Badge tone="success">Validé{d.grants.length ? ` · ${d.grants.map((g) => g.code).join(", ")}` : ""}</Badge>
                    ) : d.status === "PENDING" ? (
                      <Badge tone="warning">En attente de validation</Badge>
                    ) : (
                      <span className="text-sm text-red-800">Refusé - {d.refusalReason}</span>
                    )}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
      <Card as="section" aria-labelledby="ajouter-diplome">
        <CardHeader
          id="ajouter-diplome"
          title="Ajouter un diplôme"
          description="Mon espace > Mes informations personnelles > Ajouter un diplôme"
        />
        <DiplomaForm today={today} formKey={newFormKey()} />
      </Card>
    </div>
  );
}

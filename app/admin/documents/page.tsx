import type { Metadata } from "next";
import { adminPages } from "@/components/shell/nav";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { BulkPublish } from "@/components/documents/bulk-publish";
import { PublishDocumentForm } from "@/components/documents/publish-form";
import { requireStaff } from "@/lib/auth/session";
import { staffDocumentsDesk } from "@/lib/documents/staff-queries";
import { formatDate, formatDateTime } from "@/lib/format";
import { KIND_LABELS, isWorkerDocumentKind } from "@/lib/documents/rules";

const page = adminPages.documents;
export const metadata: Metadata = { title: page.title };

export default async function DocumentsPage() {
  const staff = await requireStaff();
  const { agencies, requests, recent } = await staffDocumentsDesk(staff);

  return (
    <div className="space-y-8">
      <PageHeader
        title={page.title}
        breadcrumbs={page.breadcrumbs}
        description={
          <p>
            Publier les bulletins de salaire, attestations Assedic et certificats de travail, un par un ou par lot. L&apos;intérimaire est
            prévenu par e-mail si ses préférences le permettent.
          </p>
        }
      />

      <Card as="section" aria-labelledby="demandes">
        <CardHeader
          id="demandes"
          title={`Demandes en attente (${requests.length})`}
          description="Attestations et certificats demandés par les intérimaires depuis leur espace. Publier le document clôt la demande."
        />
        {requests.length === 0 ? (
          <p className="text-sm text-slate-600">Aucune demande en attente.</p>
        ) : (
          <Table caption="Demandes en attente">
            <THead>
              <tr>
                <Th>Date</Th>
                <Th>Intérimaire</Th>
                <Th>Document</Th>
                <Th>Message</Th>
              </tr>
            </THead>
            <TBody>
              {requests.map((r) => (
                <Tr key={r.id}>
                  <Td label="Date">{formatDateTime(r.createdAt)}</Td>
                  <Td label="Intérimaire">
                    {r.worker.user.firstName} {r.worker.user.lastName} (n° {r.worker.agencies.map((a) => a.workerNumber).join(", ")})
                  </Td>
                  <Td label="Document">{isWorkerDocumentKind(r.kind) ? KIND_LABELS[r.kind].title : r.kind}</Td>
                  <Td label="Message">{r.message ?? "—"}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>

      <Card as="section" aria-labelledby="publier-un">
        <CardHeader id="publier-un" title="Publier un document" description="Pour un intérimaire : type, période et fichier PDF." />
        <PublishDocumentForm agencies={agencies} />
      </Card>

      <Card as="section" aria-labelledby="publier-lot">
        <CardHeader
          id="publier-lot"
          title="Publication groupée des bulletins de salaire"
          description="Plusieurs PDF ou une archive ZIP. Vous voyez ce qui correspond à qui avant de publier ; chaque intérimaire reçoit un seul e-mail."
        />
        <BulkPublish agencies={agencies} />
      </Card>

      <Card as="section" aria-labelledby="recents">
        <CardHeader id="recents" title="Derniers documents publiés" />
        {recent.length === 0 ? (
          <EmptyState title="Aucun document publié" />
        ) : (
          <Table caption="Derniers documents publiés">
            <THead>
              <tr>
                <Th>Date d&apos;ajout</Th>
                <Th>Intérimaire</Th>
                <Th>Document</Th>
                <Th>n°</Th>
                <Th>Publié par</Th>
                <Th>PDF</Th>
              </tr>
            </THead>
            <TBody>
              {recent.map((d) => (
                <Tr key={d.id}>
                  <Td label="Date d'ajout">{formatDate(d.createdAt)}</Td>
                  <Td label="Intérimaire">{d.worker ? `${d.worker.user.firstName} ${d.worker.user.lastName}` : "—"}</Td>
                  <Td label="Document">{isWorkerDocumentKind(d.kind) ? KIND_LABELS[d.kind].title : d.kind}</Td>
                  <Td label="n°">{d.number ?? "—"}</Td>
                  <Td label="Publié par">{d.uploadedBy ? `${d.uploadedBy.firstName} ${d.uploadedBy.lastName}` : "—"}</Td>
                  <Td label="PDF">
                    <a href={`/api/documents/${d.id}`} className="text-brand-700 font-medium underline">
                      Télécharger
                    </a>
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </div>
  );
}

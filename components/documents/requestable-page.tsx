// Attestation Assedic and Certificat de travail: the list, and a button to ask
// the agency for a new one.
import type { PageDef } from "@/components/shell/nav";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { newFormKey } from "@/lib/forms";
import { workerAgencySettings } from "@/lib/documents/queries";
import { DocumentListPage } from "./document-list-page";
import { RequestDocumentForm } from "./request-button";

export async function RequestableDocumentsPage({
  page,
  kind,
  workerId,
  searchParams,
}: {
  page: PageDef;
  kind: "ASSEDIC_CERTIFICATE" | "WORK_CERTIFICATE";
  workerId: string;
  searchParams: Record<string, string | string[] | undefined>;
}) {
  const [agencies, open] = await Promise.all([
    workerAgencySettings(workerId),
    db.documentRequest.findFirst({
      where: { workerId, kind, status: "OPEN" },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    }),
  ]);
  const contact = agencies.map((a) => a.frontDeskEmail ?? a.email).find(Boolean);
  const what =
    kind === "ASSEDIC_CERTIFICATE" ? "attestations Assedic (attestations employeur destinées à France Travail)" : "certificats de travail";
  const buttonLabel = kind === "ASSEDIC_CERTIFICATE" ? "Demander une nouvelle attestation" : "Demander un nouveau certificat";

  return (
    <DocumentListPage
      page={page}
      kind={kind}
      workerId={workerId}
      searchParams={searchParams}
      intro={
        <>
          <p>
            Vous retrouvez ici vos {what}. Ces documents sont disponibles sur demande : faites-la ci-dessous, l&apos;agence la reçoit
            directement et vous êtes prévenu par e-mail dès que le document est ajouté.
          </p>
          {contact ? (
            <p className="mt-2">
              Pour toute question :{" "}
              <a href={`mailto:${contact}`} className="text-brand-700 font-medium [overflow-wrap:anywhere] underline underline-offset-2">
                {contact}
              </a>
            </p>
          ) : null}
        </>
      }
      aside={
        <RequestDocumentForm
          kind={kind}
          label={buttonLabel}
          formKey={newFormKey()}
          pendingSince={open ? formatDate(open.createdAt) : null}
        />
      }
    />
  );
}

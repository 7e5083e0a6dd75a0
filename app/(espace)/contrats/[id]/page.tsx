import type { Metadata } from "next";
import { idParam } from "@/lib/http/params";
import { notFound } from "next/navigation";
import { SignPanel } from "@/components/missions/sign-panel";
import { MissionDetailsDialog } from "@/components/missions/mission-details-dialog";
import { workerPages } from "@/components/shell/nav";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorker } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { latestSignatureCode, workerContract } from "@/lib/contracts/worker-queries";
import { codeState, hoursText, maskPhone, recourseLines, stateDisplay } from "@/lib/contracts/rules";
import { formatDashedDate, formatDateTime, formatEuros } from "@/lib/format";

export const metadata: Metadata = { title: "Contrat" };

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="py-2 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-slate-900 sm:col-span-2 sm:mt-0">{children}</dd>
    </div>
  );
}

export default async function ContractPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ signe?: string }>;
}) {
  const user = await requireWorker();
  const id = await idParam(params);
  const { signe } = await searchParams;
  // Reads only: the issued PDF is stored when staff issue the contract.
  const c = await workerContract(user, id);
  if (!c) notFound();
  const documentMissing = c.state !== "CANCELLED" && !c.issuedDocumentId;
  if (documentMissing) console.error("[contracts] issued contract without its stored document", c.id);
  const st = stateDisplay(c.state);
  const at = await now();
  let initial: { step: "consent" | "code"; maskedPhone?: string } = { step: "consent" };
  if (c.state === "AWAITING_SIGNATURE" && c.issuedSha256) {
    const code = await latestSignatureCode(user, c.id);
    if (code && codeState(code, { contractId: c.id, userId: user.id, documentSha256: c.issuedSha256 }, at) === "usable") {
      initial = { step: "code", maskedPhone: c.worker.phone ? maskPhone(c.worker.phone) : undefined };
    }
  }

  return (
    <>
      <PageHeader
        title={`Contrat n° ${c.number}`}
        breadcrumbs={[
          ...workerPages.contrats.breadcrumbs.slice(0, -1),
          { label: "Contrats", href: "/contrats" },
          { label: `Contrat ${c.number}` },
        ]}
        actions={<Badge tone={st.tone}>{st.label}</Badge>}
      />
      {signe && c.state === "SIGNED" ? (
        <Alert variant="success" className="mb-4" title="Contrat signé">
          Votre signature est enregistrée. Le contrat signé est disponible ci-dessous.
        </Alert>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-[3fr_2fr]">
        <Card as="section" aria-labelledby="mission-titre">
          <CardHeader
            id="mission-titre"
            title="La mission"
            action={
              <MissionDetailsDialog
                details={{ number: c.number, site: c.site, client: { name: c.client.name, phone: c.client.phone ?? c.site.phone } }}
              />
            }
          />
          <dl className="divide-y divide-slate-100">
            <Item label="Référence">{c.reference}</Item>
            <Item label="Qualification">
              {c.qualification.label} ({c.qualification.code})
            </Item>
            <Item label="Date de mission">
              Du {formatDashedDate(c.startDate)} Au {formatDashedDate(c.endDate)}
            </Item>
            <Item label="Horaires">{hoursText(c.hoursLabel)}</Item>
            {c.detail ? <Item label="Détail">{c.detail}</Item> : null}
            <Item label="Entreprise">{c.client.name}</Item>
            <Item label="Lieu">
              {c.site.address}, {c.site.postalCode} {c.site.city.toUpperCase()}
            </Item>
            <Item label="Taux horaire brut">{formatEuros(c.hourlyRateCents)}</Item>
            {c.recourseCase || c.recourseReason
              ? recourseLines(c).map((line) => (
                  <Item key={line.label} label={line.label}>
                    {line.value}
                  </Item>
                ))
              : null}
            <Item label="Date de création">{formatDateTime(c.createdAt)}</Item>
          </dl>
        </Card>
        <Card as="section" aria-labelledby="document-titre">
          <CardHeader id="document-titre" title="Contrat de mission" />
          {documentMissing ? (
            <Alert variant="error" className="mb-4" title="Document indisponible">
              Le document de ce contrat n&apos;est pas disponible pour le moment. Contactez votre agence.
            </Alert>
          ) : c.state !== "CANCELLED" ? (
            <p className="mb-4 flex flex-col gap-2">
              <a href={`/contrats/${c.id}/pdf`} className="text-brand-700 font-medium underline">
                Télécharger le contrat (PDF)
              </a>
              {c.signedDocumentId ? (
                <a href={`/contrats/${c.id}/pdf?signe=1`} className="text-brand-700 font-medium underline">
                  Télécharger le contrat signé (PDF)
                </a>
              ) : null}
            </p>
          ) : null}
          {c.state === "AWAITING_SIGNATURE" && !documentMissing ? (
            <>
              <p className="mb-4 text-sm text-slate-600">
                Signez votre contrat. Vous recevrez un code par SMS pour confirmer la signature électronique de votre contrat !
              </p>
              <SignPanel contractId={c.id} initial={initial} />
            </>
          ) : c.state === "AWAITING_SIGNATURE" ? null : c.state === "SIGNED" ? (
            <p className="text-sm text-green-800">
              Quand c&apos;est vert, le contrat est signé ! Signé le {c.signedAt ? formatDateTime(c.signedAt) : "—"}.
            </p>
          ) : c.state === "INCOMPLETE" ? (
            <p className="text-sm text-slate-600">
              Ce contrat est incomplet : votre agence doit le compléter avant que vous puissiez le signer.
            </p>
          ) : (
            <p className="text-sm text-slate-600">Ce contrat a été annulé.</p>
          )}
        </Card>
      </div>
    </>
  );
}

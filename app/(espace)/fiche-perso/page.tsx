import type { Metadata } from "next";
import { newFormKey } from "@/lib/forms";
import Link from "next/link";
import { workerPages } from "@/components/shell/nav";
import { DocumentRow, FieldRow } from "@/components/compte/field-row";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorker } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { CIVILITIES } from "@/lib/profile/fields";
import { getPersonalFile } from "@/lib/profile/queries";
import { notFound } from "next/navigation";

const page = workerPages.fichePerso;
export const metadata: Metadata = { title: page.title };

function StaticRow({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="py-3 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-slate-900 sm:col-span-2 sm:mt-0">{children}</dd>
    </div>
  );
}

export default async function PersonalFilePage() {
  const worker = await requireWorker();
  const file = await getPersonalFile(worker.workerId);
  if (!file) notFound();
  const { profile, agencies, rows, documents, history } = file;
  const civility = CIVILITIES.find((c) => c.value === profile.civility)?.label ?? "";

  return (
    <div className="space-y-6">
      <PageHeader
        title={page.title}
        breadcrumbs={page.breadcrumbs}
        description={
          <>
            <p className="font-medium text-slate-800">
              {civility} {profile.user.lastName.toUpperCase()} {profile.user.firstName}
            </p>
            <p className="mt-1">
              Vous pouvez mettre à jour ces informations : ajoutez ou modifiez une information avec les boutons « Ajouter » et « Modifier ».
              Vous pouvez, par exemple, venir sur votre fiche perso pour modifier votre RIB ou votre adresse.
            </p>
            <p className="mt-2">
              Le statut <Badge tone="warning">orange</Badge> indique que les éléments que vous avez saisis sont en attente de validation par
              l&apos;agence. La valeur validée reste en vigueur en attendant.
            </p>
          </>
        }
      />

      <Card as="section" aria-labelledby="general">
        <CardHeader id="general" title="Général" />
        <dl className="divide-y divide-slate-100">
          <StaticRow label="Numéro Tempo">{agencies.map((a) => `${a.agency.code} : ${a.workerNumber}`).join(", ") || "-"}</StaticRow>
          <FieldRow field="ssn" state={rows.ssn} />
          <FieldRow field="civility" state={rows.civility} />
          <FieldRow field="lastName" state={rows.lastName} />
          <FieldRow field="firstName" state={rows.firstName} />
          <FieldRow field="birthName" state={rows.birthName} />
          <FieldRow field="email" state={rows.email} />
          <StaticRow label="Agence(s)">{agencies.map((a) => a.agency.code).join(", ") || "-"}</StaticRow>
          <StaticRow label="Mot de passe">
            <span className="mr-3">*****</span>
            <Link href="/parametres" className="text-brand-700 text-sm underline">
              Changer le mot de passe
            </Link>
          </StaticRow>
          <FieldRow field="mobilityKm" state={rows.mobilityKm} />
          <FieldRow field="workPeriod" state={rows.workPeriod} />
        </dl>
      </Card>

      <Card as="section" aria-labelledby="coordonnees">
        <CardHeader id="coordonnees" title="Coordonnées et banque" />
        <dl className="divide-y divide-slate-100">
          <FieldRow field="address" state={rows.address} />
          <FieldRow field="phone" state={rows.phone} />
          <FieldRow field="iban" state={rows.iban} />
        </dl>
      </Card>

      <Card as="section" aria-labelledby="documents">
        <CardHeader id="documents" title="Documents administratifs" description="PDF, JPEG ou PNG, 10 Mo maximum." />
        <dl className="divide-y divide-slate-100">
          {documents.map((d) => (
            <DocumentRow key={d.kind} doc={d} formKey={newFormKey()} />
          ))}
        </dl>
      </Card>

      <Card as="section" aria-labelledby="situation">
        <CardHeader id="situation" title="Situation" />
        <dl className="divide-y divide-slate-100">
          <FieldRow field="familySituation" state={rows.familySituation} />
          <FieldRow field="childrenCount" state={rows.childrenCount} />
        </dl>
      </Card>

      {history.length ? (
        <Card as="section" aria-labelledby="suivi">
          <CardHeader id="suivi" title="Suivi de vos demandes de modification" />
          <ul className="divide-y divide-slate-100 text-sm">
            {history.map((h) => (
              <li key={h.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  {h.label}
                  {h.reviewedAt ? <span className="text-slate-500"> · {formatDate(h.reviewedAt)}</span> : null}
                </span>
                {h.status === "APPROVED" ? <Badge tone="success">Validée</Badge> : <Badge tone="danger">Refusé - {h.reason}</Badge>}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}

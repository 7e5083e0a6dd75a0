import type { Metadata } from "next";
import { idParam } from "@/lib/http/params";
import Link from "next/link";
import type { ReactNode } from "react";
import { ActionButton } from "@/components/backoffice/server-form";
import { ContractTable } from "@/components/backoffice/contract-table";
import { adminPages } from "@/components/shell/nav";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { staffWorkerFile } from "@/lib/backoffice/worker-queries";
import { personName, qualificationLabel, scopedWorkerOr404 } from "@/lib/backoffice/scope";
import { qualificationsForMinimum } from "@/lib/backoffice/remuneration-queries";
import { newFormKey } from "@/lib/forms";
import { CheckedDiplomaForm } from "./diploma-form";
import { parisHHMM, workedMinutes } from "@/lib/contracts/shifts";
import { formatDashedDate, formatDate, formatDateTime, formatDuration, formatEuros, formatLongDate, formatPhone } from "@/lib/format";
import { resendInvitationAction, setActiveAction } from "../actions";

export const metadata: Metadata = { title: "Intérimaire" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ invite?: string }> };

const SECTIONS = [
  ["profil", "Profil"],
  ["documents", "Documents"],
  ["diplomes", "Diplômes"],
  ["contrats", "Contrats"],
  ["planning", "Planning"],
  ["disponibilites", "Disponibilités"],
  ["acomptes", "Acomptes"],
] as const;

const DOCUMENT_KINDS: Record<string, string> = {
  PAYSLIP: "Bulletin de salaire",
  ASSEDIC_CERTIFICATE: "Attestation Assedic",
  WORK_CERTIFICATE: "Certificat de travail",
  CONTRACT_ISSUED: "Contrat émis",
  CONTRACT_SIGNED: "Contrat signé",
  DIPLOMA: "Diplôme",
  SOCIAL_SECURITY_CARD: "Carte de sécurité sociale",
  ID_CARD: "Pièce d'identité",
  PROOF_OF_ADDRESS: "Justificatif de domicile",
  RIB: "RIB",
  OTHER: "Autre",
};

const REVIEW: Record<string, { label: string; tone: "warning" | "success" | "danger" }> = {
  PENDING: { label: "En attente de validation", tone: "warning" },
  APPROVED: { label: "Validé", tone: "success" },
  REFUSED: { label: "Refusé", tone: "danger" },
};

const ADVANCE: Record<string, string> = {
  PENDING: "En attente",
  ACCEPTED: "Acompte en cours de traitement",
  PAID: "Acompte versé",
  REFUSED: "Refusé",
  CANCELLED: "Annulée",
};
const DAY_PART: Record<string, string> = { MORNING: "Matin", AFTERNOON: "Après-midi", NIGHT: "Nuit", FULL_DAY: "Journée" };
const PERIOD: Record<string, string> = { JOUR: "Jour", NUIT: "Nuit", MATIN: "Matin", APRES_MIDI: "Après-midi", INDIFFERENT: "Indifférent" };
const FAMILY: Record<string, string> = {
  CELIBATAIRE: "Célibataire",
  MARIE: "Marié(e)",
  PACSE: "Pacsé(e)",
  CONCUBINAGE: "Concubinage",
  DIVORCE: "Divorcé(e)",
  VEUF: "Veuf / veuve",
};

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[minmax(0,12rem)_1fr] gap-3 py-1.5">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-slate-900">{children || "—"}</dd>
    </div>
  );
}

export default async function WorkerPage({ params, searchParams }: Props) {
  const staff = await requireStaff();
  const id = await idParam(params);
  const { invite } = await searchParams;
  const worker = await scopedWorkerOr404(staff, id);
  const { pendingChanges, documents, diplomas, contracts, shifts, availabilities, advances } = await staffWorkerFile(staff, worker.id);
  const user = worker.user;
  const invited = !user.passwordHash;

  return (
    <div className="space-y-6">
      <PageHeader
        title={personName(user)}
        breadcrumbs={[
          { label: "Accueil", href: "/admin" },
          { label: adminPages.interimaires.title, href: adminPages.interimaires.href },
          { label: personName(user) },
        ]}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {worker.agencies.map((a) => (
              <span key={a.id}>
                N° {a.agency.code} : <strong>{a.workerNumber}</strong>
              </span>
            ))}
            {!user.active ? (
              <Badge tone="danger">Compte désactivé</Badge>
            ) : invited ? (
              <Badge tone="warning">Invitation envoyée</Badge>
            ) : (
              <Badge tone="success">Compte actif</Badge>
            )}
          </span>
        }
        actions={
          <ButtonLink href={`/admin/contrats/nouveau?interimaire=${worker.id}`} variant="primary">
            Nouveau contrat
          </ButtonLink>
        }
      />
      {invite ? (
        <Alert variant="success" role="status">
          Invitation envoyée à {user.email}. Le lien pour choisir un mot de passe est valable 7 jours.
        </Alert>
      ) : null}

      <nav aria-label="Sections de la fiche" className="sticky top-0 z-10 -mx-1 overflow-x-auto bg-slate-50/95 py-2">
        <ul className="flex flex-wrap gap-1">
          {SECTIONS.map(([anchor, label]) => (
            <li key={anchor}>
              <a
                href={`#${anchor}`}
                className="hover:bg-brand-50 hover:text-brand-900 inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium text-slate-700"
              >
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <Card as="section" aria-labelledby="profil">
        <CardHeader
          id="profil"
          title="Profil"
          action={
            <ButtonLink href={`/admin/interimaires/${worker.id}/modifier`} variant="secondary" size="sm">
              Modifier les informations
            </ButtonLink>
          }
          description={
            pendingChanges ? (
              <>
                {pendingChanges} modification{pendingChanges > 1 ? "s" : ""} en attente de validation :{" "}
                <Link href="/admin/validations" className="text-brand-700 font-medium hover:underline">
                  ouvrir les validations
                </Link>
                .
              </>
            ) : (
              "Valeurs validées en vigueur. Les modifications demandées par l'intérimaire se valident dans Validations ; l'agence peut aussi corriger les informations directement."
            )
          }
        />
        <dl className="grid text-sm md:grid-cols-2 md:gap-x-8">
          <Row label="Nom">{`${worker.civility === "MME" ? "Mme" : worker.civility === "M" ? "M." : ""} ${personName(user)}`.trim()}</Row>
          <Row label="Nom de naissance">{worker.birthName}</Row>
          <Row label="Adresse e-mail">{user.email}</Row>
          <Row label="Téléphone">{worker.phone ? formatPhone(worker.phone) : "—"}</Row>
          <Row label="Date de naissance">{worker.birthDate ? formatDate(worker.birthDate) : null}</Row>
          <Row label="Adresse">
            {[worker.address, [worker.postalCode, worker.city].filter(Boolean).join(" ")].filter(Boolean).join(", ")}
          </Row>
          <Row label="Mobilité">{worker.mobilityKm != null ? `${worker.mobilityKm} km` : null}</Row>
          <Row label="Préférence de période">{worker.workPeriod ? PERIOD[worker.workPeriod] : null}</Row>
          <Row label="Situation familiale">{worker.familySituation ? FAMILY[worker.familySituation] : null}</Row>
          <Row label="Nombre d'enfants">{worker.childrenCount != null ? String(worker.childrenCount) : null}</Row>
          <Row label="N° de sécurité sociale">{worker.ssnEncrypted ? "Renseigné" : null}</Row>
          <Row label="IBAN">{worker.ibanEncrypted ? "Renseigné" : null}</Row>
          <Row label="Qualifications">{worker.qualifications.map((q) => qualificationLabel(q.qualification)).join(", ")}</Row>
          <Row label="Inscrit le">{formatDateTime(user.createdAt)}</Row>
          <Row label="Dernière connexion">{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : null}</Row>
        </dl>
        <div className="mt-4 flex flex-wrap gap-4 border-t border-slate-100 pt-4">
          {user.active ? (
            <ActionButton
              action={setActiveAction}
              fields={{ workerId: worker.id, active: "0" }}
              label="Désactiver le compte"
              variant="danger"
              confirmText="Désactiver ce compte ? Ses sessions ouvertes seront fermées immédiatement."
            />
          ) : (
            <ActionButton
              action={setActiveAction}
              fields={{ workerId: worker.id, active: "1" }}
              label="Réactiver le compte"
              variant="secondary"
            />
          )}
          {invited && user.active ? (
            <ActionButton action={resendInvitationAction} fields={{ workerId: worker.id }} label="Renvoyer l'invitation" />
          ) : null}
        </div>
      </Card>

      <Card as="section" aria-labelledby="documents">
        <CardHeader id="documents" title="Documents" description="Les 15 derniers documents de l'intérimaire." />
        {documents.length ? (
          <ul className="divide-y divide-slate-100 text-sm">
            {documents.map((d) => (
              <li key={d.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span>
                  <strong>{DOCUMENT_KINDS[d.kind] ?? d.kind}</strong> – {d.number ?? d.fileName}
                </span>
                <span className="text-slate-500">ajouté le {formatDashedDate(d.createdAt)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">Aucun document.</p>
        )}
      </Card>

      <Card as="section" aria-labelledby="diplomes">
        <CardHeader
          id="diplomes"
          title="Diplômes / Certificats"
          description={
            <>
              Les diplômes en attente se valident dans{" "}
              <Link href="/admin/validations" className="text-brand-700 font-medium hover:underline">
                Validations
              </Link>
              .
            </>
          }
        />
        {diplomas.length ? (
          <ul className="divide-y divide-slate-100 text-sm">
            {diplomas.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <strong>{d.name}</strong> – obtenu le {formatDate(d.obtainedOn)}
                  {d.grants.length ? ` – qualification${d.grants.length > 1 ? "s" : ""} ${d.grants.map((g) => g.code).join(", ")}` : ""}
                </span>
                <Badge tone={REVIEW[d.status].tone}>{REVIEW[d.status].label}</Badge>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">Aucun diplôme déposé.</p>
        )}
        <details className="mt-4">
          <summary className="text-brand-700 cursor-pointer text-sm font-medium">
            Enregistrer un diplôme vérifié sur l&apos;original
          </summary>
          <div className="mt-3">
            <CheckedDiplomaForm
              workerId={worker.id}
              formKey={newFormKey()}
              qualifications={(await qualificationsForMinimum()).map((q) => ({ value: q.id, label: `${q.label} (${q.code})` }))}
            />
          </div>
        </details>
      </Card>

      <Card as="section" aria-labelledby="contrats">
        <CardHeader
          id="contrats"
          title="Contrats"
          action={
            <Link
              href={`/admin/contrats?interimaire=${encodeURIComponent(worker.agencies[0]?.workerNumber ?? user.lastName)}`}
              className="text-brand-700 text-sm font-medium hover:underline"
            >
              Tous ses contrats
            </Link>
          }
        />
        {contracts.length ? (
          <ContractTable caption="Contrats de l'intérimaire" contracts={contracts} />
        ) : (
          <p className="text-sm text-slate-600">Aucun contrat.</p>
        )}
      </Card>

      <Card as="section" aria-labelledby="planning">
        <CardHeader id="planning" title="Planning des 4 prochaines semaines" />
        {shifts.length ? (
          <ul className="divide-y divide-slate-100 text-sm">
            {shifts.map((s) => (
              <li key={s.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span>
                  {formatLongDate(s.startsAt)} – {parisHHMM(s.startsAt)} ({formatDuration(workedMinutes(s))}) –{" "}
                  {s.kind === "ABSENCE" ? `absent : ${s.absenceCode}` : s.contract.client.name}
                </span>
                <Link href={`/admin/contrats/${s.contract.id}`} className="text-brand-700 hover:underline">
                  Contrat n° {s.contract.number}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">Aucun créneau prévu.</p>
        )}
      </Card>

      <Card as="section" aria-labelledby="disponibilites">
        <CardHeader
          id="disponibilites"
          title="Disponibilités"
          action={
            <Link href={`/admin/interimaires/${worker.id}/disponibilites`} className="text-brand-700 text-sm font-medium hover:underline">
              Voir toutes ses disponibilités
            </Link>
          }
        />
        {availabilities.length ? (
          <ul className="divide-y divide-slate-100 text-sm">
            {availabilities.map((a) => (
              <li key={a.id} className="flex justify-between gap-2 py-2">
                <span>
                  {formatLongDate(a.date)} – {DAY_PART[a.part]}
                </span>
                <Badge tone={a.available ? "success" : "danger"}>{a.available ? "Disponible" : "Indisponible"}</Badge>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">Aucune disponibilité renseignée à venir.</p>
        )}
      </Card>

      <Card as="section" aria-labelledby="acomptes">
        <CardHeader
          id="acomptes"
          title="Demandes d'acompte"
          action={
            <Link href="/admin/acomptes" className="text-brand-700 text-sm font-medium hover:underline">
              Traiter les acomptes
            </Link>
          }
        />
        {advances.length ? (
          <ul className="divide-y divide-slate-100 text-sm">
            {advances.map((a) => (
              <li key={a.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span>
                  {formatEuros(a.amountCents)} – ajoutée le {formatDashedDate(a.createdAt)} – versement du {formatDashedDate(a.payDate)}
                </span>
                <span>
                  {ADVANCE[a.status]}
                  {a.status === "PAID" && a.paidOn ? ` le ${formatDashedDate(a.paidOn)}` : ""}
                  {a.status === "REFUSED" && a.refusalReason ? ` - ${a.refusalReason}` : ""}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">Aucune demande d&apos;acompte.</p>
        )}
      </Card>
    </div>
  );
}

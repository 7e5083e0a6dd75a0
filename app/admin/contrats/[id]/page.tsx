import type { Metadata } from "next";
import { idParam } from "@/lib/http/params";
import Link from "next/link";
import { ActionButton } from "@/components/backoffice/server-form";
import { adminPages } from "@/components/shell/nav";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { requireStaff } from "@/lib/auth/session";
import {
  CONTRACT_STATE_LABELS,
  CONTRACT_STATE_TONES,
  canCancel,
  canEdit,
  canIssue,
  missingForIssue,
  recourseOptions,
} from "@/lib/contracts/rules";
import { personName, qualificationLabel, scopedContractOr404 } from "@/lib/backoffice/scope";
import { allQualifications, workerUnavailability } from "@/lib/backoffice/contract-queries";
import { unavailabilityWarning } from "@/lib/missions/rules";
import { ABSENCE_CODES, isoDay, parisDayOf, parisHHMM, workedMinutes } from "@/lib/contracts/shifts";
import { formatDate, formatDateTime, formatDuration, formatEuros, formatLongDate } from "@/lib/format";
import { issueContractAction, removeShiftAction } from "../actions";
import { CancelForm, EditShiftToggle, RegenerateForm, ShiftForm, TermsForm } from "./contract-forms";

export const metadata: Metadata = { title: "Contrat" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ cree?: string }> };

export default async function ContractPage({ params, searchParams }: Props) {
  const staff = await requireStaff();
  const id = await idParam(params);
  const { cree } = await searchParams;
  const contract = await scopedContractOr404(staff, id);
  const qualifications = await allQualifications();
  const editable = canEdit(contract.state);
  const workMinutes = contract.shifts.filter((s) => s.kind === "WORK").reduce((sum, s) => sum + workedMinutes(s), 0);
  const workerName = personName(contract.worker.user);
  const hasSignedBefore = contract.signedAt !== null;
  const unavailable =
    contract.state === "CANCELLED"
      ? null
      : unavailabilityWarning(
          await workerUnavailability(staff, contract.workerId, contract.startDate, contract.endDate),
          contract.shifts.filter((s) => s.kind === "WORK").map((s) => ({ ...s, contractNumber: contract.number })),
          formatDate,
        );
  const missing = canIssue(contract.state)
    ? missingForIssue({ ...contract, workShiftCount: contract.shifts.filter((s) => s.kind === "WORK").length })
    : [];
  // A draft has no document yet; an issued one is rendered on first download if missing.
  const hasDocument = contract.issuedDocumentId !== null || (contract.state !== "DRAFT" && contract.state !== "CANCELLED");

  return (
    <div className="space-y-6">
      <PageHeader
        title={`Contrat n° ${contract.number}`}
        breadcrumbs={[
          { label: "Accueil", href: "/admin" },
          { label: adminPages.contrats.title, href: adminPages.contrats.href },
          { label: `Contrat n° ${contract.number}` },
        ]}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={CONTRACT_STATE_TONES[contract.state]}>{CONTRACT_STATE_LABELS[contract.state]}</Badge>
            <span>
              {contract.reference} ·{" "}
              <Link className="text-brand-700 font-medium hover:underline" href={`/admin/interimaires/${contract.workerId}`}>
                {workerName}
              </Link>{" "}
              ·{" "}
              <Link className="text-brand-700 font-medium hover:underline" href={`/admin/clients/${contract.clientId}`}>
                {contract.client.name}
              </Link>{" "}
              · version {contract.version}
            </span>
          </span>
        }
      />
      {cree ? (
        <Alert variant="success" role="status">
          Contrat créé avec {contract.shifts.length} créneau(x). Vérifiez-les, puis envoyez-le à la signature.
        </Alert>
      ) : null}

      {unavailable ? (
        <div data-testid="avertissement-indisponibilite">
          <Alert variant="warning">{unavailable}</Alert>
        </div>
      ) : null}

      <dl className="grid gap-4 rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-slate-500">Qualification</dt>
          <dd className="font-medium">{qualificationLabel(contract.qualification)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Date de mission</dt>
          <dd className="font-medium">
            Du {formatDate(contract.startDate).replaceAll("/", "-")} Au {formatDate(contract.endDate).replaceAll("/", "-")}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Lieu de mission</dt>
          <dd className="font-medium">
            {contract.site.name}, {contract.site.address}, {contract.site.postalCode} {contract.site.city}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Taux horaire · total planifié</dt>
          <dd className="font-medium">
            {formatEuros(contract.hourlyRateCents)} · {formatDuration(workMinutes)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Créé le</dt>
          <dd>{formatDateTime(contract.createdAt)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Envoyé à la signature</dt>
          <dd>{contract.issuedAt ? formatDateTime(contract.issuedAt) : "Non"}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Signé</dt>
          <dd>{contract.signedAt ? formatDateTime(contract.signedAt) : "Non"}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Empreinte du document (SHA-256)</dt>
          <dd className="font-mono text-xs break-all">{contract.issuedSha256 ?? "—"}</dd>
        </div>
        {hasDocument ? (
          <div className="sm:col-span-2 lg:col-span-4">
            <dt className="text-slate-500">Document</dt>
            <dd className="flex flex-wrap gap-x-6 gap-y-1">
              <a href={`/contrats/${contract.id}/pdf`} className="text-brand-700 font-medium underline" download>
                Télécharger le contrat (PDF)
              </a>
              {contract.signedDocumentId ? (
                <a href={`/contrats/${contract.id}/pdf?signe=1`} className="text-brand-700 font-medium underline" download>
                  Télécharger le contrat signé (PDF)
                </a>
              ) : null}
              <a href={`/admin/contrats/${contract.id}/preuve`} className="text-brand-700 font-medium underline" download>
                Dossier de preuve (PDF)
              </a>
            </dd>
          </div>
        ) : null}
      </dl>

      {contract.state === "CANCELLED" ? (
        <Alert variant="warning">Contrat annulé le {contract.cancelledAt ? formatDateTime(contract.cancelledAt) : "—"}.</Alert>
      ) : (
        <Card as="section" aria-labelledby="envoi">
          <CardHeader
            id="envoi"
            title="Signature"
            description={
              canIssue(contract.state)
                ? contract.state === "INCOMPLETE"
                  ? "Le contrat est incomplet : l'intérimaire n'a pas de téléphone portable pour recevoir le code. Complétez sa fiche puis renvoyez-le."
                  : "Envoyer le contrat génère le document et l'envoie à l'intérimaire, qui le signe avec un code reçu par SMS."
                : contract.state === "SIGNED"
                  ? "Le contrat est signé. Toute modification d'une date ou d'un horaire le renverra à la signature."
                  : `Le contrat attend la signature de l'intérimaire${hasSignedBefore ? "" : ""}. Une modification le renverra à nouveau.`
            }
          />
          {missing.length ? <Alert variant="warning">À compléter avant l&apos;envoi : {missing.join(", ")}.</Alert> : null}
          {canIssue(contract.state) ? (
            <ActionButton
              action={issueContractAction}
              fields={{ contractId: contract.id, version: contract.version }}
              label="Envoyer à la signature"
              pendingLabel="Envoi…"
              variant="primary"
            />
          ) : null}
        </Card>
      )}

      <Card as="section" aria-labelledby="creneaux">
        <CardHeader
          id="creneaux"
          title={`Créneaux (${contract.shifts.length})`}
          description="Modifier, ajouter ou supprimer un créneau un par un. Les créneaux validés (heures saisies) ne sont plus modifiables."
        />
        {contract.shifts.length ? (
          <Table caption="Créneaux du contrat">
            <THead>
              <tr>
                <Th>Jour</Th>
                <Th>Horaires</Th>
                <Th>Durée</Th>
                <Th>Type</Th>
                <Th>État</Th>
                {editable ? <Th>Actions</Th> : null}
              </tr>
            </THead>
            <TBody>
              {contract.shifts.map((s) => {
                const day = parisDayOf(s.startsAt);
                const label = `${formatLongDate(s.startsAt)} ${parisHHMM(s.startsAt)}-${parisHHMM(s.endsAt)}`;
                return (
                  <Tr key={s.id} data-testid="shift-row">
                    <Td label="Jour">{formatLongDate(s.startsAt)}</Td>
                    <Td label="Horaires">
                      {parisHHMM(s.startsAt)}-{parisHHMM(s.endsAt)}
                      {s.breakMinutes ? ` (pause ${s.breakMinutes} min)` : ""}
                    </Td>
                    <Td label="Durée">{formatDuration(workedMinutes(s))}</Td>
                    <Td label="Type">{s.kind === "ABSENCE" ? `absent : ${s.absenceCode}` : "Travail"}</Td>
                    <Td label="État">{s.validated ? <Badge tone="success">Validé</Badge> : <Badge>Prévu</Badge>}</Td>
                    {editable ? (
                      <Td label="Actions">
                        {s.validated ? null : (
                          <div className="flex flex-wrap items-start gap-2">
                            <EditShiftToggle
                              contractId={contract.id}
                              version={contract.version}
                              absenceCodes={ABSENCE_CODES}
                              label={`Modifier le créneau du ${label}`}
                              defaults={{
                                shiftId: s.id,
                                date: isoDay(day),
                                start: parisHHMM(s.startsAt),
                                end: parisHHMM(s.endsAt),
                                breakMinutes: String(s.breakMinutes),
                                kind: s.kind,
                                absenceCode: s.absenceCode ?? "",
                              }}
                            />
                            <ActionButton
                              action={removeShiftAction}
                              fields={{ contractId: contract.id, version: contract.version, shiftId: s.id }}
                              label="Supprimer"
                              size="sm"
                              variant="ghost"
                              confirmText={`Supprimer le créneau du ${label} ?`}
                            />
                          </div>
                        )}
                      </Td>
                    ) : null}
                  </Tr>
                );
              })}
            </TBody>
          </Table>
        ) : (
          <p className="text-sm text-slate-600">Aucun créneau.</p>
        )}
        {editable ? (
          <div className="mt-6 space-y-6">
            <section aria-labelledby="ajout-creneau">
              <h3 id="ajout-creneau" className="mb-2 font-semibold text-slate-900">
                Ajouter un créneau
              </h3>
              <ShiftForm
                contractId={contract.id}
                version={contract.version}
                absenceCodes={ABSENCE_CODES}
                submitLabel="Ajouter le créneau"
                defaults={{ date: isoDay(contract.startDate), start: "", end: "", breakMinutes: "0", kind: "WORK", absenceCode: "" }}
              />
            </section>
            <details className="rounded-lg border border-slate-200 p-4">
              <summary className="cursor-pointer font-semibold text-slate-900">
                Régénérer les créneaux à partir d&apos;un motif hebdomadaire
              </summary>
              <div className="mt-4">
                <RegenerateForm contractId={contract.id} version={contract.version} />
              </div>
            </details>
          </div>
        ) : null}
      </Card>

      <Card as="section" aria-labelledby="conditions">
        <CardHeader
          id="conditions"
          title="Conditions du contrat"
          description={
            editable
              ? "Changer une date ou les horaires d'un contrat envoyé le renvoie à la signature et prévient l'intérimaire par e-mail."
              : undefined
          }
        />
        <TermsForm
          readOnly={!editable}
          qualifications={qualifications.map((q) => ({ value: q.id, label: qualificationLabel(q) }))}
          recourseOptions={recourseOptions()}
          defaults={{
            contractId: contract.id,
            version: contract.version,
            qualificationId: contract.qualificationId,
            reference: contract.reference,
            startDate: isoDay(contract.startDate),
            endDate: isoDay(contract.endDate),
            hoursLabel: contract.hoursLabel,
            hourlyRate: (contract.hourlyRateCents / 100).toFixed(2).replace(".", ","),
            recourseCase: contract.recourseCase ?? "",
            replacedName: contract.replacedName ?? "",
            replacedPosition: contract.replacedPosition ?? "",
            recourseReason: contract.recourseReason ?? "",
            detail: contract.detail ?? "",
            weeklyHours: contract.weeklyHours ? String(contract.weeklyHours).replace(".", ",") : "",
          }}
        />
      </Card>

      {canCancel(contract.state) ? (
        <Card as="section" aria-labelledby="annulation">
          <CardHeader
            id="annulation"
            title="Annuler le contrat"
            description="L'annulation est définitive et figure dans le journal d'audit."
          />
          <CancelForm contractId={contract.id} version={contract.version} />
        </Card>
      ) : null}
    </div>
  );
}

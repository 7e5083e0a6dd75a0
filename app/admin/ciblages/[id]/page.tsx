import type { Metadata } from "next";
import { idParam } from "@/lib/http/params";
import Link from "next/link";
import { notFound } from "next/navigation";
import { adminPages } from "@/components/shell/nav";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ConfirmStep } from "@/components/backoffice/confirm-step";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { requireStaff } from "@/lib/auth/session";
import { formatKm } from "@/lib/ciblage/geo";
import { needForStaff } from "@/lib/ciblage/service";
import { MATCH_PAGE_SIZE, matchingPage, type MatchPage, type MatchStatus } from "@/lib/ciblage/matching";
import { offerUnavailability } from "@/lib/ciblage/queries";
import { formatDateTime, formatEuros } from "@/lib/format";
import { frenchDate } from "@/lib/timesheets/rules";
import { closeNeedAction, pickWorkerAction, sendOffersAction } from "../actions";

export const metadata: Metadata = { title: "Ciblage" };

const STATUS = { OPEN: "Ouvert", FILLED: "Pourvu", CLOSED: "Clôturé" } as const;
const GROUP = { match: "correspondants", unknown: "averifier", excluded: "ecartes" } as const;
const ANCHOR = { match: "correspondants", unknown: "a-verifier", excluded: "ecartes" } as const;
const RESPONSE = {
  PENDING: { label: "En attente", tone: "neutral" },
  ACCEPTED: { label: "Acceptée", tone: "success" },
  DECLINED: { label: "Refusée", tone: "danger" },
} as const;

export default async function TargetingNeedPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const staff = await requireStaff();
  const id = await idParam(params);
  const query = await searchParams;
  const need = await needForStaff(staff.agencyIds, id);
  if (!need) notFound();
  // "Voir plus" widens one group by a page: ?correspondants=100, ?averifier=, ?ecartes=.
  const shown = (key: string) => Math.min(Math.max(Number.parseInt(query[key] ?? "", 10) || MATCH_PAGE_SIZE, MATCH_PAGE_SIZE), 2000);
  const limits = { match: shown(GROUP.match), unknown: shown(GROUP.unknown), excluded: shown(GROUP.excluded) };
  const page: MatchPage =
    need.status === "CLOSED" ? { rows: [], totals: { match: 0, unknown: 0, excluded: 0 } } : await matchingPage(need, { limits });
  const { rows, totals } = page;
  const matches = rows.filter((r) => r.status === "match");
  const toCheck = rows.filter((r) => r.status === "unknown");
  const excluded = rows.filter((r) => r.status === "excluded");
  const more = (status: MatchStatus) => {
    const count = status === "match" ? matches.length : status === "unknown" ? toCheck.length : excluded.length;
    if (count >= totals[status]) return null;
    const params = new URLSearchParams();
    for (const s of ["match", "unknown", "excluded"] as const) if (limits[s] !== MATCH_PAGE_SIZE) params.set(GROUP[s], String(limits[s]));
    params.set(GROUP[status], String(limits[status] + MATCH_PAGE_SIZE));
    return (
      <p className="mt-3 text-sm">
        <Link href={`/admin/ciblages/${need.id}?${params}#${ANCHOR[status]}`} scroll={false} className="font-semibold underline">
          Voir plus ({totals[status] - count} de plus)
        </Link>
      </p>
    );
  };
  const title = `${need.qualification.label} – ${need.site.client.name}`;
  const open = need.status === "OPEN";
  const confirmingClose = query.confirmer === "cloture";
  const retained = need.offers.filter((o) => o.contract);
  const unavailable = need.status === "CLOSED" ? new Map<string, string>() : await offerUnavailability(need);

  return (
    <div className="space-y-6">
      <PageHeader
        title={title}
        breadcrumbs={[
          { label: "Accueil", href: "/admin" },
          { label: adminPages.ciblages.title, href: adminPages.ciblages.href },
          { label: need.qualification.label },
        ]}
        description={
          <p>
            {need.site.name}, {need.site.address}, {need.site.postalCode} {need.site.city} · du {frenchDate(need.startDate)} au{" "}
            {frenchDate(need.endDate)} · {need.hoursLabel.replace(/\s*00:00-00:00/, "")}
            {need.hourlyRateCents ? ` · ${formatEuros(need.hourlyRateCents)} / h` : ""} · {need.workersWanted} intérimaire
            {need.workersWanted > 1 ? "s" : ""} recherché{need.workersWanted > 1 ? "s" : ""}
          </p>
        }
        actions={
          <Badge tone={need.status === "OPEN" ? "info" : need.status === "FILLED" ? "success" : "neutral"}>{STATUS[need.status]}</Badge>
        }
      />
      {query.ok ? (
        <Alert variant="success" role="status">
          {query.ok}
        </Alert>
      ) : null}
      {query.err && !need.offers.some((o) => o.id === query.offre) ? <Alert variant="error">{query.err}</Alert> : null}
      {need.description ? <p className="text-slate-700">{need.description}</p> : null}

      <p className="text-sm font-medium text-slate-800" data-testid="retenus">
        {retained.length} / {need.workersWanted} intérimaire{need.workersWanted > 1 ? "s" : ""} retenu{retained.length > 1 ? "s" : ""}
      </p>
      {retained.length ? (
        <Alert variant="success" title={need.status === "FILLED" ? "Besoin pourvu" : "Intérimaires retenus"}>
          <ul className="space-y-1">
            {retained.map((o) => (
              <li key={o.id}>
                {o.worker.user.firstName} {o.worker.user.lastName.toUpperCase()} : contrat n° {o.contract!.number} créé en brouillon.{" "}
                <Link href={`/admin/contrats/${o.contract!.id}`} className="font-semibold underline">
                  Compléter et émettre le contrat
                </Link>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <Card as="section" aria-labelledby="reponses">
        <h2 id="reponses" className="mb-3 text-lg font-semibold">
          Propositions envoyées ({need.offers.length})
        </h2>
        {need.offers.length === 0 ? (
          <p className="text-sm text-slate-600">Aucune proposition envoyée pour l&apos;instant.</p>
        ) : (
          <Table caption="Propositions envoyées">
            <THead>
              <tr>
                <Th>Intérimaire</Th>
                <Th>Envoyée le</Th>
                <Th>Réponse</Th>
                <Th>Action</Th>
              </tr>
            </THead>
            <TBody>
              {need.offers.map((o) => {
                const r = RESPONSE[o.response];
                const isRetained = Boolean(o.contract);
                return (
                  <Tr key={o.id} aria-label={`${o.worker.user.firstName} ${o.worker.user.lastName}`}>
                    <Td label="Intérimaire">
                      {o.worker.user.firstName} {o.worker.user.lastName.toUpperCase()}
                    </Td>
                    <Td label="Envoyée le">{formatDateTime(o.createdAt)}</Td>
                    <Td label="Réponse">
                      <Badge tone={r.tone}>{r.label}</Badge>
                      {o.respondedAt ? <span className="ml-2 text-xs text-slate-500">le {formatDateTime(o.respondedAt)}</span> : null}
                    </Td>
                    <Td label="Action">
                      {unavailable.get(o.workerId) ? (
                        <p className="mb-2 text-sm font-medium text-amber-800" data-testid="avertissement-indisponibilite">
                          {unavailable.get(o.workerId)}
                        </p>
                      ) : null}
                      {isRetained ? (
                        <Badge tone="success">Retenu</Badge>
                      ) : open && o.response === "ACCEPTED" ? (
                        <form action={pickWorkerAction}>
                          <input type="hidden" name="needId" value={need.id} />
                          <input type="hidden" name="offerId" value={o.id} />
                          <Button type="submit" size="sm">
                            Retenir
                          </Button>
                        </form>
                      ) : null}
                      {query.err && query.offre === o.id ? (
                        <p role="alert" className="mt-2 max-w-md text-sm text-red-700">
                          {query.err}
                        </p>
                      ) : null}
                    </Td>
                  </Tr>
                );
              })}
            </TBody>
          </Table>
        )}
      </Card>

      {need.status !== "CLOSED" ? (
        <Card as="section" aria-labelledby="correspondants">
          <h2 id="correspondants" className="mb-1 text-lg font-semibold">
            Intérimaires correspondants ({totals.match})
          </h2>
          <p className="mb-3 text-sm text-slate-600">
            Qualifiés, sans indisponibilité ni autre mission sur ces dates, et dont le domicile est dans leur rayon de mobilité. Distances à
            vol d'oiseau entre les communes du domicile et du site.
          </p>
          {matches.length === 0 ? (
            <p className="text-sm text-slate-600">Aucun intérimaire ne correspond.</p>
          ) : (
            <form action={sendOffersAction} className="space-y-3">
              <input type="hidden" name="needId" value={need.id} />
              <Table caption="Intérimaires correspondants">
                <THead>
                  <tr>
                    <Th>
                      <span className="sr-only">Choisir</span>
                    </Th>
                    <Th>Intérimaire</Th>
                    <Th>Commune</Th>
                    <Th>Distance</Th>
                    <Th>Mobilité</Th>
                  </tr>
                </THead>
                <TBody>
                  {matches.map((m) => (
                    <Tr key={m.workerId} aria-label={m.name}>
                      <Td label="Choisir">
                        {m.offered ? (
                          <span className="text-xs text-slate-500">Déjà proposée</span>
                        ) : (
                          <input
                            type="checkbox"
                            name="workerId"
                            value={m.workerId}
                            aria-label={`Proposer à ${m.name}`}
                            disabled={!open}
                            className="accent-brand-600 size-5"
                          />
                        )}
                      </Td>
                      <Td label="Intérimaire">
                        {m.name}
                        {m.workerNumber ? <span className="block text-xs text-slate-500">n° {m.workerNumber}</span> : null}
                      </Td>
                      <Td label="Commune">{m.city ?? "–"}</Td>
                      <Td label="Distance" className="tabular-nums">
                        {m.distanceKm !== null ? formatKm(m.distanceKm) : "–"}
                      </Td>
                      <Td label="Mobilité">{m.mobilityKm !== null ? `${m.mobilityKm} km` : "–"}</Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
              {more("match")}
              {open ? <Button type="submit">Envoyer la proposition</Button> : null}
            </form>
          )}

          {toCheck.length ? (
            <div className="mt-6">
              <h3 id="a-verifier" className="font-semibold">
                À vérifier ({totals.unknown})
              </h3>
              <ul className="mt-2 space-y-1 text-sm" aria-label="À vérifier">
                {toCheck.map((m) => (
                  <li key={m.workerId}>
                    {m.name} ({m.city ?? "commune inconnue"}) : <span className="font-medium text-amber-800">{m.reason}</span>
                  </li>
                ))}
              </ul>
              {more("unknown")}
            </div>
          ) : null}
          {excluded.length ? (
            <div className="mt-6">
              <h3 id="ecartes" className="font-semibold">
                Écartés ({totals.excluded})
              </h3>
              <ul className="mt-2 space-y-1 text-sm text-slate-600" aria-label="Écartés">
                {excluded.map((m) => (
                  <li key={m.workerId}>
                    {m.name} ({m.city ?? "commune inconnue"}
                    {m.distanceKm !== null ? `, ${formatKm(m.distanceKm)}` : ""}) : {m.reason}
                  </li>
                ))}
              </ul>
              {more("excluded")}
            </div>
          ) : null}
        </Card>
      ) : null}

      {need.status !== "CLOSED" ? (
        confirmingClose ? (
          <ConfirmStep
            id="confirmer-cloture"
            title="Confirmer la clôture ?"
            action={closeNeedAction}
            fields={{ needId: need.id }}
            confirmLabel="Clôturer le ciblage"
            cancelHref={`/admin/ciblages/${need.id}`}
          >
            Le ciblage ne pourra plus être rouvert. Les intérimaires sollicités et non retenus seront prévenus par e-mail (« Fermeture
            d&apos;un ciblage »), selon leurs préférences.
          </ConfirmStep>
        ) : (
          <div>
            <ButtonLink href={`/admin/ciblages/${need.id}?confirmer=cloture`} scroll={false} variant="danger">
              Clôturer
            </ButtonLink>
            <p className="mt-2 text-sm text-slate-600">
              Les intérimaires sollicités et non retenus sont prévenus par e-mail (« Fermeture d&apos;un ciblage »), selon leurs
              préférences.
            </p>
          </div>
        )
      ) : (
        <p className="text-sm text-slate-600">Ciblage clôturé{need.closedAt ? ` le ${formatDateTime(need.closedAt)}` : ""}.</p>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { AutoSubmitSelect } from "@/components/missions/auto-submit-select";
import { ContractDetailsDialog, type MissionPlace } from "@/components/missions/contract-details-dialog";
import { workerPages } from "@/components/shell/nav";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { controlClasses } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { PageSizeSelect } from "@/components/ui/page-size-select";
import { Pagination } from "@/components/ui/pagination";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { requireWorker } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { listWorkerContracts } from "@/lib/contracts/queries";
import {
  PAGE_SIZES,
  SORT_KEYS,
  STATE_FILTERS,
  activeFilterCount,
  listQuery,
  parseListParams,
  stateDisplay,
  type ContractListParams,
  type SortKey,
  hoursText,
} from "@/lib/contracts/rules";
import { formatDashedDate, formatTime, parisCalendarDate } from "@/lib/format";

const page = workerPages.contrats;
export const metadata: Metadata = { title: page.title };

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: "reference", label: "Référence" },
  { key: "qualification", label: "Qualification" },
  { key: "debut", label: "Date de mission" },
  { key: "detail", label: "Détail" },
  { key: "horaires", label: "Horaires" },
  { key: "entreprise", label: "Entreprise" },
];

const SORT_LABELS: Record<SortKey, string> = {
  reference: "Référence",
  qualification: "Qualification",
  debut: "Date de mission",
  detail: "Détail",
  horaires: "Horaires",
  entreprise: "Entreprise",
  creation: "Date de création",
  etat: "État",
};

function SortHeader({ col, p }: { col: { key: SortKey; label: string }; p: ContractListParams }) {
  const active = p.sort === col.key;
  const nextDir = active && p.dir === "asc" ? "desc" : "asc";
  // The link's name says what a click does; the current order is the header's aria-sort.
  return (
    <Th aria-sort={active ? (p.dir === "asc" ? "ascending" : "descending") : "none"}>
      <Link
        href={`/contrats${listQuery(p, { sort: col.key, dir: nextDir, page: 1 })}`}
        aria-label={`${col.label}, trier par ordre ${nextDir === "asc" ? "croissant" : "décroissant"}`}
        className="hover:text-brand-700"
      >
        {col.label}
        <span aria-hidden="true" className={active ? "text-brand-700" : "text-slate-400"}>
          {" "}
          {active ? (p.dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </Link>
    </Th>
  );
}

/** The dialog's data: each contract's number and the index of its place, each place (site and client) once. */
function detailsOf(rows: Awaited<ReturnType<typeof listWorkerContracts>>["rows"]) {
  const places: MissionPlace[] = [];
  const index = new Map<string, number>();
  const items: Record<string, [string, number]> = {};
  for (const c of rows) {
    const key = JSON.stringify([c.site, c.client.name, c.client.phone]);
    let at = index.get(key);
    if (at === undefined) {
      at =
        places.push({
          site: {
            name: c.site.name,
            address: c.site.address,
            city: c.site.city,
            postalCode: c.site.postalCode,
            accessMeans: c.site.accessMeans,
          },
          client: { name: c.client.name, phone: c.client.phone ?? c.site.phone },
        }) - 1;
      index.set(key, at);
    }
    items[c.id] = [c.number, at];
  }
  return { items, places };
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

export default async function ContractsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireWorker();
  const p = parseListParams(await searchParams);
  const today = parisCalendarDate(await now());
  const { rows, total, page: current, pageCount } = await listWorkerContracts(user.workerId, p, today);
  const filters = activeFilterCount(p);
  const cleared = `/contrats${listQuery(p, { current: false, date: null, state: null, page: 1 })}`;

  return (
    <>
      <PageHeader
        title="Contrats"
        breadcrumbs={page.breadcrumbs}
        description="Quand c'est vert, le contrat est signé ! Signez votre contrat : vous recevrez un code par SMS pour confirmer la signature électronique."
      />

      <Card className="mb-4">
        <form
          key={listQuery(p)}
          method="get"
          action="/contrats"
          className="grid gap-4 sm:grid-cols-[auto_1fr_1fr_auto] sm:items-end"
          aria-label="Filtres des contrats"
        >
          {p.sort !== "creation" || p.dir !== "desc" ? (
            <>
              <input type="hidden" name="tri" value={p.sort} />
              <input type="hidden" name="ordre" value={p.dir} />
            </>
          ) : null}
          {p.perPage !== 15 ? <input type="hidden" name="par" value={p.perPage} /> : null}
          <label className="flex min-h-11 items-center gap-2 text-sm font-medium text-slate-800">
            <input type="checkbox" name="en-cours" value="1" defaultChecked={p.current} className="accent-brand-600 size-5" />
            Contrats en cours à ce jour
          </label>
          <div className="space-y-1.5">
            <label htmlFor="filtre-date" className="block text-sm font-medium text-slate-800">
              Contrats à la date du
            </label>
            <input id="filtre-date" type="date" name="date" defaultValue={p.date ?? ""} className={controlClasses()} />
          </div>
          <div className="space-y-1.5">
            <label htmlFor="filtre-etat" className="block text-sm font-medium text-slate-800">
              Statut du contrat
            </label>
            <select id="filtre-etat" name="etat" defaultValue={p.state ?? ""} className={controlClasses()}>
              <option value="">Tous les statuts</option>
              {Object.entries(STATE_FILTERS).map(([key, f]) => (
                <option key={key} value={key}>
                  {f.label}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="secondary">
            Filtrer
          </Button>
        </form>
      </Card>

      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-3 text-sm">
          {filters > 0 ? (
            <Link
              href={cleared}
              className="bg-brand-50 text-brand-900 ring-brand-600/20 hover:bg-brand-100 inline-flex min-h-9 items-center gap-1 rounded-full px-3 font-medium ring-1"
              title="Effacer les filtres"
            >
              {filters} {filters > 1 ? "filtres actifs" : "filtre actif"} <span aria-hidden="true">✕</span>
            </Link>
          ) : (
            <span className="text-slate-600">0 filtre actif</span>
          )}
          <span className="font-semibold text-slate-900" data-testid="contract-count">
            {plural(total, "contrat", "contrats")}
          </span>
        </div>
        <PageSizeSelect
          action="/contrats"
          keep={Object.fromEntries(new URLSearchParams(listQuery(p, { page: 1, perPage: 15 }).slice(1)))}
          value={p.perPage}
          sizes={PAGE_SIZES}
        />
      </div>

      <ul className="mb-3 flex flex-wrap gap-3 text-sm text-slate-600" aria-label="Légende">
        <li>
          <Badge tone="success">Valide</Badge>
        </li>
        <li>
          <Badge tone="warning" wrap>
            Des éléments sont en attente de validation
          </Badge>
        </li>
        <li>
          <Badge tone="danger">Incomplet</Badge>
        </li>
      </ul>

      {rows.length === 0 ? (
        <EmptyState
          title="Aucun contrat"
          description={filters ? "Aucun contrat ne correspond à ces filtres." : "Vos contrats apparaîtront ici."}
        />
      ) : (
        <>
          <form method="get" action="/contrats" className="mb-3 flex flex-wrap items-end gap-2 sm:hidden" aria-label="Tri des contrats">
            {Object.entries(Object.fromEntries(new URLSearchParams(listQuery(p, { page: 1, sort: "creation", dir: "desc" }).slice(1)))).map(
              ([k, v]) => (
                <input key={k} type="hidden" name={k} value={v} />
              ),
            )}
            <div className="min-w-0 flex-1 space-y-1.5">
              <label htmlFor="tri-mobile" className="block text-sm font-medium text-slate-800">
                Trier par
              </label>
              <AutoSubmitSelect id="tri-mobile" name="tri" defaultValue={p.sort} className={controlClasses()}>
                {SORT_KEYS.map((key) => (
                  <option key={key} value={key}>
                    {SORT_LABELS[key]}
                  </option>
                ))}
              </AutoSubmitSelect>
            </div>
            <div className="space-y-1.5">
              <label htmlFor="ordre-mobile" className="block text-sm font-medium text-slate-800">
                Ordre
              </label>
              <AutoSubmitSelect id="ordre-mobile" name="ordre" defaultValue={p.dir} className={controlClasses()}>
                <option value="asc">Croissant</option>
                <option value="desc">Décroissant</option>
              </AutoSubmitSelect>
            </div>
            <noscript>
              <Button type="submit" variant="secondary">
                Trier
              </Button>
            </noscript>
          </form>
          <Table caption="Vos contrats" dense className="ui-contracts">
            <THead>
              <tr>
                {COLUMNS.map((col) => (
                  <SortHeader key={col.key} col={col} p={p} />
                ))}
                <Th>Contrat de mission</Th>
                <SortHeader col={{ key: "creation", label: "Date de création" }} p={p} />
                <SortHeader col={{ key: "etat", label: "État" }} p={p} />
                <Th>Action</Th>
              </tr>
            </THead>
            <TBody>
              {rows.map((c) => {
                const st = stateDisplay(c.state);
                // Short markup: each row is sent twice (HTML and the component payload).
                // Spans inside .ui-lines cells do not wrap inside themselves.
                return (
                  <Tr key={c.id} data-testid="contract-row">
                    <Td label="Référence">{c.reference}</Td>
                    <Td label="Qualification">{`${c.qualification.label} (${c.qualification.code})`}</Td>
                    <Td label="Date de mission" className="ui-lines">
                      <span>{`Du ${formatDashedDate(c.startDate)}`}</span> <span>{`Au ${formatDashedDate(c.endDate)}`}</span>
                    </Td>
                    <Td label="Détail">{c.detail ?? "—"}</Td>
                    <Td label="Horaires" className="ui-lines">
                      {hoursText(c.hoursLabel)
                        .split(" ")
                        .flatMap((slot, i) => [i ? " " : null, <span key={i}>{slot}</span>])}
                    </Td>
                    <Td label="Entreprise">{c.client.name}</Td>
                    <Td label="Contrat de mission">
                      {c.state === "CANCELLED" ? (
                        "—"
                      ) : (
                        <span className="ui-pair">
                          <a href={`/contrats/${c.id}/pdf`} className="ui-link" download aria-label={`Télécharger le contrat ${c.number}`}>
                            Télécharger
                          </a>
                          {c.signedDocumentId ? (
                            <a href={`/contrats/${c.id}/pdf?signe=1`} className="ui-link" download aria-label={`Contrat signé ${c.number}`}>
                              Contrat signé
                            </a>
                          ) : null}
                        </span>
                      )}
                    </Td>
                    <Td label="Date de création" className="ui-lines">
                      <span>{formatDashedDate(c.createdAt)}</span> <span>{`à ${formatTime(c.createdAt)}`}</span>
                    </Td>
                    <Td label="État">
                      <Badge tone={st.tone} wrap>
                        {st.label}
                      </Badge>
                    </Td>
                    <Td label="Action">
                      <span className="ui-actions">
                        {c.state === "AWAITING_SIGNATURE" ? (
                          <ButtonLink href={`/contrats/${c.id}`} size="xs" aria-label={`Signer le contrat ${c.number}`}>
                            Signer
                          </ButtonLink>
                        ) : (
                          <Link href={`/contrats/${c.id}`} className="ui-link" aria-label={`Voir le contrat ${c.number}`}>
                            Voir
                          </Link>
                        )}
                        <button
                          type="button"
                          data-details={c.id}
                          aria-haspopup="dialog"
                          aria-label={`Afficher les détails de la mission ${c.number}`}
                          className="ui-link"
                        >
                          Détails
                        </button>
                      </span>
                    </Td>
                  </Tr>
                );
              })}
            </TBody>
          </Table>
          <ContractDetailsDialog {...detailsOf(rows)} />
        </>
      )}
      <Pagination page={current} pageCount={pageCount} hrefFor={(n) => `/contrats${listQuery(p, { page: n })}`} />
    </>
  );
}

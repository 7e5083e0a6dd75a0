import type { Metadata } from "next";
import { workerPages } from "@/components/shell/nav";
import { AdvanceRequestForm, AdvanceRowActions } from "@/components/compte/advance-forms";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { PageSizeSelect } from "@/components/ui/page-size-select";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { advanceStateLabel } from "@/lib/advances/labels";
import { advanceContexts } from "@/lib/advances/queries";
import { advanceOpenKey, advanceRuleText, calendarDay, DEFAULT_ADVANCE_RULES } from "@/lib/advances/rules";
import { requireWorker } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { hasOpenAdvance, workerAdvancePage } from "@/lib/advances/worker-queries";
import { formatDashedDate, formatDuration, formatEuros, formatLongDate, formatMonthYear } from "@/lib/format";
import type { AdvanceStatus } from "@/lib/generated/prisma/enums";

const page = workerPages.acomptes;
export const metadata: Metadata = { title: page.title };
const PAGE_SIZES = [15, 30, 50] as const;

const TONES: Record<AdvanceStatus, BadgeTone> = {
  PENDING: "warning",
  ACCEPTED: "info",
  PAID: "success",
  REFUSED: "danger",
  CANCELLED: "neutral",
};

export default async function AdvancesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const worker = await requireWorker();
  const params = await searchParams;
  const at = await now();
  const contexts = await advanceContexts(worker.workerId, at);
  const asked = Number.parseInt(String(params.par ?? ""), 10);
  const perPage = (PAGE_SIZES as readonly number[]).includes(asked) ? asked : PAGE_SIZES[0];
  const { total, pageCount, current, requests } = await workerAdvancePage(
    worker,
    Number.parseInt(String(params.page ?? "1"), 10) || 1,
    perPage,
  );
  const openKeys = new Set(contexts.map((c) => advanceOpenKey(worker.workerId, c.agencyId, c.schedule.payDate)));
  const hasOpen = await hasOpenAdvance(worker, [...openKeys]);
  const main = contexts[0];
  // The page states each agency's own rule (the one the request is checked against).
  const rule = advanceRuleText(main?.rules ?? DEFAULT_ADVANCE_RULES);
  const sameRule = contexts.every(
    (c) => advanceRuleText(c.rules).payDay === rule.payDay && advanceRuleText(c.rules).cutoff === rule.cutoff,
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title={page.title}
        breadcrumbs={page.breadcrumbs}
        description={
          sameRule ? (
            <p data-testid="regle-acompte">
              Les acomptes sont émis <strong>{rule.payDay}</strong>. Merci de passer vos demandes d&apos;acompte{" "}
              <strong>{rule.cutoff}</strong>.
            </p>
          ) : (
            <ul data-testid="regle-acompte">
              {contexts.map((c) => (
                <li key={c.agencyId}>
                  {c.agencyCode} : les acomptes sont émis <strong>{advanceRuleText(c.rules).payDay}</strong>, demandes{" "}
                  <strong>{advanceRuleText(c.rules).cutoff}</strong>.
                </li>
              ))}
            </ul>
          )
        }
      />
      {contexts.map((c) => {
        const cutoffShown = new Date(c.schedule.cutoff.getTime() - 60_000);
        return (
          <Card as="section" key={c.agencyId} aria-label={`Prochain versement ${c.agencyCode}`} className="space-y-3">
            <dl className="grid gap-4 sm:grid-cols-3">
              <div>
                <dt className="text-sm text-slate-600">Prochain versement{contexts.length > 1 ? ` (${c.agencyCode})` : ""}</dt>
                <dd className="text-lg font-semibold text-slate-900" data-testid="prochain-versement">
                  {formatLongDate(c.schedule.payDate)}
                </dd>
              </div>
              <div>
                <dt className="text-sm text-slate-600">Demande à faire au plus tard</dt>
                <dd className="text-lg font-semibold text-slate-900">
                  {formatLongDate(cutoffShown, { withYear: false, now: at })} à 23h59
                </dd>
              </div>
              <div>
                <dt className="text-sm text-slate-600">Montant disponible</dt>
                <dd className="text-lg font-semibold text-slate-900" data-testid="montant-disponible">
                  {formatEuros(c.availableCents)}
                </dd>
              </div>
            </dl>
            <p className="text-sm text-slate-600" data-testid="base-acompte">
              Heures validées pas encore payées par un bulletin
              {c.months.length ? ` (${c.months.map((m) => formatMonthYear(calendarDay(m.year, m.month, 1))).join(", ")})` : ""} :{" "}
              {formatDuration(c.minutes)}, soit {formatEuros(c.earnedCents)} brut. Jusqu&apos;à {c.rules.ratioPct} % peuvent être avancés
              {c.advancedCents
                ? `, moins ${formatEuros(c.advancedCents)} d'acomptes acceptés ou versés pas encore déduits d'un bulletin`
                : ""}
              . Montant minimum : {formatEuros(c.rules.minCents)}. Vous pouvez demander davantage : l&apos;agence vérifie chaque demande
              avec les heures validées.
            </p>
            {c.schedule.monthClosed ? (
              <Alert variant="warning">
                Aucun acompte ne peut être versé après {advanceRuleText(c.rules).lastOfMonth} (
                {formatLongDate(c.schedule.lastPayDateOfCurrentMonth, { withYear: false, now: at })}). Le prochain versement possible est le{" "}
                {formatLongDate(c.schedule.payDate)}, sur vos heures validées pas encore payées.
              </Alert>
            ) : (
              <Alert variant="info">
                Aucun acompte ne peut être versé après {advanceRuleText(c.rules).lastOfMonth} (
                {formatLongDate(c.schedule.lastPayDateOfCurrentMonth, { withYear: false, now: at })}).
              </Alert>
            )}
          </Card>
        );
      })}

      {main ? (
        <Card as="section" aria-labelledby="faire-demande">
          <CardHeader id="faire-demande" title="Faire une demande d'acompte" />
          <AdvanceRequestForm
            agencies={contexts.map((c) => ({ id: c.agencyId, code: c.agencyCode, availableCents: c.availableCents }))}
            hasOpen={hasOpen}
          />
        </Card>
      ) : null}

      <section aria-labelledby="liste-acomptes" className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="liste-acomptes" className="text-lg font-semibold text-slate-900">
            {total} demande{total > 1 ? "s" : ""} d&apos;acompte
          </h2>
          <PageSizeSelect action="/acomptes" value={perPage} sizes={PAGE_SIZES} />
        </div>
        {requests.length === 0 ? (
          <EmptyState title="Aucune demande d'acompte" description="Vos demandes apparaîtront ici avec leur état." />
        ) : (
          <Table caption="Vos demandes d'acompte">
            <THead>
              <tr>
                <Th>Montant</Th>
                <Th>Ajouté le</Th>
                <Th>État</Th>
                <Th>Action</Th>
              </tr>
            </THead>
            <TBody>
              {requests.map((r) => (
                <Tr key={r.id} data-testid="demande-acompte">
                  <Td label="Montant" className="font-medium">
                    {formatEuros(r.amountCents)}
                  </Td>
                  <Td label="Ajouté le">{formatDashedDate(r.createdAt)}</Td>
                  <Td label="État">
                    {/* One block: on a phone card the label and this stack sit side by side without overflowing. */}
                    <div className="min-w-0">
                      <Badge tone={TONES[r.status]} wrap>
                        {advanceStateLabel(r)}
                      </Badge>
                      {r.status === "PENDING" && r.overCap ? (
                        <div className="mt-1 text-xs text-orange-800">Au-delà du montant disponible : l&apos;agence la vérifiera.</div>
                      ) : null}
                      {r.status === "PENDING" || r.status === "ACCEPTED" ? (
                        <div className="mt-1 text-xs text-slate-500">Versement du {formatDashedDate(r.payDate)}</div>
                      ) : null}
                    </div>
                  </Td>
                  <Td label="Action">
                    {r.status === "PENDING" ? (
                      <AdvanceRowActions
                        id={r.id}
                        version={r.version}
                        amountEuros={Math.round(r.amountCents / 100)}
                        availableCents={contexts.find((c) => c.agencyId === r.agencyId)?.availableCents ?? 0}
                      />
                    ) : null}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
        <Pagination
          page={current}
          pageCount={pageCount}
          pathname="/acomptes"
          searchParams={{ par: perPage === PAGE_SIZES[0] ? undefined : String(perPage) }}
        />
      </section>
    </div>
  );
}

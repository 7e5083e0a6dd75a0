import type { Metadata } from "next";
import { searchParamDate } from "@/lib/time/dates";
import { adminPages } from "@/components/shell/nav";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { InputField, SelectField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { CursorPagination } from "@/components/ui/cursor-pagination";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { requireStaff } from "@/lib/auth/session";
import { formatCount, formatDateTime } from "@/lib/format";
import { cappedCount, pageRequest } from "@/lib/paging/keyset";
import { AUDIT_WORKER_MATCH_CAP, staffAuditPage } from "@/lib/audit/queries";
import { AUDIT_EVENTS, ROLE_LABELS, auditActionOptions, auditLabel, renderAuditDetails } from "@/lib/audit/events";

const page = adminPages.audit;
export const metadata: Metadata = { title: page.title };

const PER_PAGE = 50;

type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";

function parseDay(value: string): Date | null {
  const d = searchParamDate(value);
  // Noon UTC is always inside the same Paris calendar day.
  return d ? new Date(d.getTime() + 12 * 3_600_000) : null;
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Params> }) {
  const staff = await requireStaff();
  const params = await searchParams;
  const worker = first(params.interimaire).slice(0, 100);
  const actorId = first(params.agent);
  const action = first(params.action);
  const fromRaw = first(params.du);
  const toRaw = first(params.au);
  const from = parseDay(fromRaw);
  const to = parseDay(toRaw);
  const { staffMembers, total, entries, newer, older, tooManyWorkers } = await staffAuditPage(
    staff,
    { worker, actorId, action, from, to },
    pageRequest(params),
    PER_PAGE,
  );
  const filtered = Boolean(worker || actorId || action || fromRaw || toRaw);

  return (
    <div className="space-y-6">
      <PageHeader
        title={page.title}
        breadcrumbs={page.breadcrumbs}
        description={
          <p>Toutes les actions de l&apos;agence et les signatures, des plus récentes aux plus anciennes, limitées à vos agences.</p>
        }
      />
      <form
        method="get"
        action="/admin/audit"
        role="search"
        aria-label="Filtrer le journal"
        className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-5"
      >
        <InputField
          label="Intérimaire"
          name="interimaire"
          type="search"
          defaultValue={worker}
          placeholder="Nom, email ou n°"
          hint={
            tooManyWorkers
              ? `Plus de ${AUDIT_WORKER_MATCH_CAP} intérimaires correspondent : seules les actions des ${AUDIT_WORKER_MATCH_CAP} premiers (par nom) sont affichées. Précisez la recherche.`
              : undefined
          }
        />
        <SelectField label="Membre de l'agence" name="agent" defaultValue={actorId}>
          <option value="">Tous</option>
          {staffMembers.map((s) => (
            <option key={s.id} value={s.id}>
              {s.firstName} {s.lastName}
            </option>
          ))}
        </SelectField>
        <SelectField label="Action" name="action" defaultValue={action}>
          <option value="">Toutes</option>
          {auditActionOptions(Object.keys(AUDIT_EVENTS)).map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </SelectField>
        <InputField label="Du" name="du" type="date" defaultValue={fromRaw} />
        <InputField label="Au" name="au" type="date" defaultValue={toRaw} />
        <div className="flex flex-wrap gap-3 sm:col-span-2 lg:col-span-5">
          <Button type="submit">Filtrer</Button>
          {filtered ? (
            <ButtonLink href="/admin/audit" variant="ghost">
              Effacer les filtres
            </ButtonLink>
          ) : null}
        </div>
      </form>

      <p className="text-sm text-slate-600" aria-live="polite">
        {total === 0 ? "Aucune entrée" : cappedCount(total, "entrée", formatCount)}
      </p>
      {entries.length === 0 ? (
        <EmptyState title="Aucune entrée" description={filtered ? "Aucune action ne correspond à ces filtres." : undefined} />
      ) : (
        <Table caption="Journal d'audit">
          <THead>
            <tr>
              <Th>Date</Th>
              <Th>Action</Th>
              <Th>Par</Th>
              <Th>Intérimaire / compte</Th>
              <Th>Détails</Th>
              <Th>IP</Th>
            </tr>
          </THead>
          <TBody>
            {entries.map((e) => (
              <Tr key={e.id} data-testid="audit-row">
                <Td label="Date" className="whitespace-nowrap tabular-nums">
                  {formatDateTime(e.createdAt)}
                </Td>
                <Td label="Action">
                  <span className="font-medium">{auditLabel(e.action)}</span>
                </Td>
                <Td label="Par">
                  <div>
                    {e.actor ? `${e.actor.firstName} ${e.actor.lastName}` : "—"}
                    {e.actor ? <span className="block text-xs text-slate-500">{ROLE_LABELS[e.actor.role]}</span> : null}
                  </div>
                </Td>
                <Td label="Intérimaire / compte">
                  <div>
                    {e.subjectUser ? `${e.subjectUser.firstName} ${e.subjectUser.lastName}` : "—"}
                    {e.subjectUser ? <span className="block text-xs text-slate-500">{ROLE_LABELS[e.subjectUser.role]}</span> : null}
                    {e.subjectUser?.workerProfile?.agencies.length ? (
                      <span className="block text-xs text-slate-500">
                        n° {e.subjectUser.workerProfile.agencies.map((a) => a.workerNumber).join(", ")}
                      </span>
                    ) : null}
                  </div>
                </Td>
                <Td label="Détails" className="max-w-md text-xs [overflow-wrap:anywhere] text-slate-700">
                  <AuditDetails lines={renderAuditDetails(e.action, e.details)} />
                </Td>
                <Td label="IP" className="text-xs text-slate-600">
                  {e.ipAddress ?? "—"}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <CursorPagination pathname="/admin/audit" searchParams={params} newer={newer} older={older} />
    </div>
  );
}

/** The event's data as French lines, one under the other. */
function AuditDetails({ lines }: { lines: string[] }) {
  if (!lines.length) return <>—</>;
  return (
    <ul className="space-y-0.5" data-testid="audit-details">
      {lines.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}

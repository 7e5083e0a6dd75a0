import type { Metadata } from "next";
import { searchParamDate } from "@/lib/time/dates";
import { adminPages } from "@/components/shell/nav";
import { Button, ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { InputField, SelectField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination, pageHref } from "@/components/ui/pagination";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatDateTime, parisDayBounds } from "@/lib/format";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ROLE_LABELS, auditActionOptions, auditLabel, renderAuditDetails } from "@/lib/audit/events";

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
  const requestedPage = Math.max(1, Number.parseInt(first(params.page) || "1", 10) || 1);

  const mine = { in: staff.agencyIds };
  // What this staff member may read: entries of their agencies, about their
  // agencies' workers, or made by their agencies' staff.
  const scope: Prisma.AuditLogWhereInput = {
    OR: [
      { agencyId: mine },
      { subjectUser: { workerProfile: { agencies: { some: { agencyId: mine } } } } },
      { actor: { staffMemberships: { some: { agencyId: mine } } } },
    ],
  };
  const filters: Prisma.AuditLogWhereInput[] = [scope];
  if (worker) {
    filters.push({
      subjectUser: {
        role: "WORKER",
        OR: [
          { firstName: { contains: worker, mode: "insensitive" } },
          { lastName: { contains: worker, mode: "insensitive" } },
          { email: { contains: worker.toLowerCase() } },
          { workerProfile: { agencies: { some: { workerNumber: worker, agencyId: mine } } } },
        ],
      },
    });
  }
  if (actorId) filters.push({ actorId });
  if (action) filters.push({ action });
  if (from) filters.push({ createdAt: { gte: parisDayBounds(from).start } });
  if (to) filters.push({ createdAt: { lt: parisDayBounds(to).end } });
  const where: Prisma.AuditLogWhereInput = { AND: filters };

  const [staffMembers, actions, total] = await Promise.all([
    db.user.findMany({
      where: { role: "STAFF", staffMemberships: { some: { agencyId: mine } } },
      select: { id: true, firstName: true, lastName: true },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    }),
    db.auditLog.groupBy({ by: ["action"], where: scope, orderBy: { action: "asc" } }),
    db.auditLog.count({ where }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / PER_PAGE));
  const current = Math.min(requestedPage, pageCount);
  const entries = await db.auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * PER_PAGE,
    take: PER_PAGE,
    select: {
      id: true,
      action: true,
      createdAt: true,
      entityType: true,
      details: true,
      ipAddress: true,
      actor: { select: { firstName: true, lastName: true, role: true } },
      subjectUser: { select: { firstName: true, lastName: true, role: true, workerProfile: { select: { agencies: { where: { agencyId: mine }, select: { workerNumber: true } } } } } },
    },
  });
  const filtered = Boolean(worker || actorId || action || fromRaw || toRaw);

  return (
    <div className="space-y-6">
      <PageHeader
        title={page.title}
        breadcrumbs={page.breadcrumbs}
        description={<p>Toutes les actions de l&apos;agence et les signatures, des plus récentes aux plus anciennes, limitées à vos agences.</p>}
      />
      <form method="get" action="/admin/audit" role="search" aria-label="Filtrer le journal" className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-5">
        <InputField label="Intérimaire" name="interimaire" type="search" defaultValue={worker} placeholder="Nom, email ou n°" />
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
          {auditActionOptions(actions.map((a) => a.action)).map((a) => (
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
        {total === 0 ? "Aucune entrée" : `${total.toLocaleString("fr-FR")} entrée${total > 1 ? "s" : ""}`}
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
                  {e.actor ? `${e.actor.firstName} ${e.actor.lastName}` : "—"}
                  {e.actor ? <span className="block text-xs text-slate-500">{ROLE_LABELS[e.actor.role]}</span> : null}
                </Td>
                <Td label="Intérimaire / compte">
                  {e.subjectUser ? `${e.subjectUser.firstName} ${e.subjectUser.lastName}` : "—"}
                  {e.subjectUser ? <span className="block text-xs text-slate-500">{ROLE_LABELS[e.subjectUser.role]}</span> : null}
                  {e.subjectUser?.workerProfile?.agencies.length ? (
                    <span className="block text-xs text-slate-500">n° {e.subjectUser.workerProfile.agencies.map((a) => a.workerNumber).join(", ")}</span>
                  ) : null}
                </Td>
                <Td label="Détails" className="max-w-md text-xs text-slate-700 [overflow-wrap:anywhere]">
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
      <Pagination page={current} pageCount={pageCount} hrefFor={(p) => pageHref("/admin/audit", params, p)} />
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

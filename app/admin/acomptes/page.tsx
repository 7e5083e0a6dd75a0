import type { Metadata } from "next";
import { searchParamDate } from "@/lib/time/dates";
import Link from "next/link";
import { adminPages } from "@/components/shell/nav";
import { AdvanceDecisions, type StaffAdvanceRow } from "@/components/compte/advance-decisions";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { advanceStateLabel, REFUSAL_REASONS } from "@/lib/advances/labels";
import { calendarDay, parisDay } from "@/lib/advances/rules";
import { requireStaff } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { ADVANCE_DEFAULT_PAGE_SIZE, ADVANCE_PAGE_SIZES, staffAdvancesOfPayDay, staffNextPayDate } from "@/lib/advances/staff-queries";
import { PageSizeSelect } from "@/components/ui/page-size-select";
import { Pagination, pageHref } from "@/components/ui/pagination";
import { formatDateTime, formatDuration, formatEuros, formatLongDate, formatMonthYear } from "@/lib/format";

const page = adminPages.acomptes;
export const metadata: Metadata = { title: page.title };
const DAY_MS = 86_400_000;

export default async function StaffAdvancesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaff();
  const params = await searchParams;
  const at = await now();
  // The next payment day, today included (on a Wednesday, today's batch).
  const next = await staffNextPayDate(staff, at);
  const payDate = searchParamDate(params.date) ?? next;
  const iso = (d: Date) => d.toISOString().slice(0, 10);

  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  const perPageAsked = Number.parseInt(one(params.par), 10);
  const perPage = (ADVANCE_PAGE_SIZES as readonly number[]).includes(perPageAsked) ? perPageAsked : ADVANCE_DEFAULT_PAGE_SIZE;
  const pageAsked = Math.max(1, Number.parseInt(one(params.page) || "1", 10) || 1);
  const { requests, total, pageCount, current, otherPending } = await staffAdvancesOfPayDay(staff, payDate, at, {
    page: pageAsked,
    perPage,
  });
  const rows: StaffAdvanceRow[] = requests.map((r) => {
    const number = r.worker.agencies.find((a) => a.agencyId === r.agencyId);
    return {
      key: `${r.id}:${r.version}`,
      worker: `${r.worker.user.lastName.toUpperCase()} ${r.worker.user.firstName}`,
      number: number ? `${number.agency.code} : ${number.workerNumber}` : r.agency.code,
      amount: formatEuros(r.amountCents),
      createdAt: formatDateTime(r.createdAt),
      state: advanceStateLabel(r),
      status: r.status,
      hours: formatDuration(r.basis.minutes),
      months: r.basis.months.map((m) => formatMonthYear(calendarDay(m.year, m.month, 1))).join(", "),
      available: formatEuros(r.basis.availableCents),
      overLimit: r.overCapNow,
      askedOverCap: r.overCap
        ? `Signalée à la demande${r.availableCentsAtRequest !== null ? ` (disponible : ${formatEuros(r.availableCentsAtRequest)})` : ""}`
        : null,
    };
  });
  const accepted = requests.filter((r) => r.status === "ACCEPTED");
  const prev = new Date(payDate.getTime() - 7 * DAY_MS);
  const following = new Date(payDate.getTime() + 7 * DAY_MS);

  return (
    <div className="space-y-6">
      <PageHeader
        title={page.title}
        breadcrumbs={page.breadcrumbs}
        description={
          <p>
            Demandes d&apos;acompte de vos agences pour un versement, avec les heures validées pas encore payées par un bulletin et le
            montant disponible de chaque intérimaire. Une demande au-delà du disponible ne s&apos;accepte qu&apos;après confirmation.
          </p>
        }
        actions={
          accepted.length ? (
            <ButtonLink href={`/admin/acomptes/export?date=${iso(payDate)}`} variant="secondary" prefetch={false}>
              Exporter les acomptes acceptés (CSV)
            </ButtonLink>
          ) : null
        }
      />
      <nav aria-label="Versements" className="flex flex-wrap items-center gap-3 text-sm">
        <Link className="text-brand-700 underline" href={`/admin/acomptes?date=${iso(prev)}`}>
          ← Versement précédent
        </Link>
        <h2 className="text-lg font-semibold text-slate-900">Versement du {formatLongDate(payDate)}</h2>
        <Link className="text-brand-700 underline" href={`/admin/acomptes?date=${iso(following)}`}>
          Versement suivant →
        </Link>
        {iso(payDate) !== iso(next) ? (
          <Link className="text-brand-700 underline" href="/admin/acomptes">
            Prochain versement
          </Link>
        ) : null}
      </nav>
      {otherPending.length ? (
        <p className="text-sm text-slate-700">
          Autres demandes en attente :{" "}
          {otherPending.map((g, i) => (
            <span key={iso(g.payDate)}>
              {i ? ", " : ""}
              <Link className="text-brand-700 underline" href={`/admin/acomptes?date=${iso(g.payDate)}`}>
                {g._count._all} pour le {formatLongDate(g.payDate, { withYear: false })}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState title="Aucune demande pour ce versement" />
      ) : (
        <>
          <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
            <p className="font-semibold text-slate-900" data-testid="advance-count">
              {total} demande{total > 1 ? "s" : ""}
            </p>
            <PageSizeSelect action="/admin/acomptes" keep={{ date: one(params.date) }} value={perPage} sizes={ADVANCE_PAGE_SIZES} />
          </div>
          <AdvanceDecisions rows={rows} reasons={REFUSAL_REASONS} today={iso(parisDay(at))} />
          <Pagination page={current} pageCount={pageCount} hrefFor={(n) => pageHref("/admin/acomptes", params, n)} />
        </>
      )}
    </div>
  );
}

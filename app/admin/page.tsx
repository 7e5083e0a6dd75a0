import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Icon, type IconName } from "@/components/shell/icons";
import { adminPages } from "@/components/shell/nav";
import { cx } from "@/components/ui/cx";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { formatEuros, formatLongDate, parisCalendarDate } from "@/lib/format";

export const metadata: Metadata = { title: "Accueil – Espace agence" };

/** The next advance payment day (Wednesday by default), today included, as a calendar date. */
function nextPayDate(today: Date, weekday: number): Date {
  const iso = ((today.getUTCDay() + 6) % 7) + 1;
  return new Date(today.getTime() + (((weekday - iso + 7) % 7) * 86_400_000));
}

async function loadCounts(agencyIds: string[]) {
  const inAgencies = { some: { agencyId: { in: agencyIds } } };
  const clock = await now();
  const today = parisCalendarDate(clock);
  const payDate = nextPayDate(today, 3);
  const weekAgo = new Date(clock.getTime() - 7 * 86_400_000);

  const [workers, awaitingSignature, incomplete, drafts, profileChanges, diplomas, advancesPending, advancesAccepted, timesheets, offersAnswered] = await Promise.all([
    db.workerProfile.count({ where: { agencies: inAgencies } }),
    db.contract.count({ where: { agencyId: { in: agencyIds }, state: "AWAITING_SIGNATURE" } }),
    db.contract.count({ where: { agencyId: { in: agencyIds }, state: "INCOMPLETE" } }),
    db.contract.count({ where: { agencyId: { in: agencyIds }, state: "DRAFT" } }),
    db.profileChange.count({ where: { status: "PENDING", worker: { agencies: inAgencies } } }),
    db.diploma.count({ where: { status: "PENDING", worker: { agencies: inAgencies } } }),
    db.advanceRequest.aggregate({
      where: { agencyId: { in: agencyIds }, status: "PENDING", payDate },
      _count: { _all: true },
      _sum: { amountCents: true },
    }),
    db.advanceRequest.count({ where: { agencyId: { in: agencyIds }, status: "ACCEPTED", payDate } }),
    db.timesheet.count({ where: { status: "SUBMITTED", submittedAt: { gte: weekAgo }, contract: { agencyId: { in: agencyIds } } } }),
    db.missionOffer.count({ where: { response: { not: "PENDING" }, need: { status: "OPEN", agencyId: { in: agencyIds } } } }),
  ]);

  return {
    workers,
    awaitingSignature,
    incomplete,
    drafts,
    profileChanges,
    diplomas,
    advances: { payDate, count: advancesPending._count._all, totalCents: advancesPending._sum.amountCents ?? 0, accepted: advancesAccepted },
    timesheets,
    offersAnswered,
  };
}

function StatCard({
  href,
  icon,
  label,
  value,
  detail,
  attention = false,
}: {
  href: string;
  icon: IconName;
  label: string;
  value: number;
  detail?: ReactNode;
  attention?: boolean;
}) {
  return (
    <li>
      <Link
        href={href}
        className="group flex h-full flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm transition hover:border-brand-500 hover:shadow"
      >
        <span className="flex items-center justify-between gap-3">
          <span className="text-sm font-medium text-slate-600">{label}</span>
          <span
            aria-hidden="true"
            className={cx(
              "flex size-9 items-center justify-center rounded-full",
              attention ? "bg-orange-50 text-orange-600" : "bg-brand-50 text-brand-600",
            )}
          >
            <Icon name={icon} className="size-5" />
          </span>
        </span>
        <span className={cx("mt-2 text-3xl font-bold tabular-nums", attention ? "text-orange-700" : "text-slate-900")}>
          {value.toLocaleString("fr-FR")}
        </span>
        {detail ? <span className="mt-1 text-sm text-slate-500">{detail}</span> : null}
      </Link>
    </li>
  );
}

export default async function AdminHomePage() {
  const staff = await requireStaff();
  const counts = await loadCounts(staff.agencyIds);

  return (
    <div>
      <PageHeader
        title={adminPages.home.title}
        description={`Bonjour ${staff.firstName}, voici ce qui attend vos agences aujourd'hui.`}
      />
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        <StatCard
          href={adminPages.interimaires.href}
          icon="users"
          label="Intérimaires"
          value={counts.workers}
          detail="inscrits dans vos agences"
        />
        <StatCard
          href={`${adminPages.contrats.href}?etat=a-signer`}
          icon="pen"
          label="Contrats en attente de signature"
          value={counts.awaitingSignature}
          detail={counts.incomplete > 0 ? `et ${counts.incomplete} incomplet${counts.incomplete > 1 ? "s" : ""}` : "envoyés aux intérimaires"}
          attention={counts.awaitingSignature + counts.incomplete > 0}
        />
        <StatCard
          href={adminPages.validations.href}
          icon="idCard"
          label="Modifications de fiches à valider"
          value={counts.profileChanges}
          attention={counts.profileChanges > 0}
        />
        <StatCard
          href={adminPages.validations.href}
          icon="diploma"
          label="Diplômes à valider"
          value={counts.diplomas}
          attention={counts.diplomas > 0}
        />
        <StatCard
          href={adminPages.acomptes.href}
          icon="euro"
          label="Acomptes du prochain mercredi"
          value={counts.advances.count}
          detail={`${counts.advances.count ? `${formatEuros(counts.advances.totalCents)} à traiter` : "Aucune demande à traiter"}${counts.advances.accepted ? `, ${counts.advances.accepted} acceptée${counts.advances.accepted > 1 ? "s" : ""} à verser` : ""} pour le ${formatLongDate(counts.advances.payDate)}`}
          attention={counts.advances.count > 0}
        />
        <StatCard
          href="/admin/heures"
          icon="clock"
          label="Relevés d'heures soumis"
          value={counts.timesheets}
          detail="par les entreprises ces 7 derniers jours"
        />
        <StatCard
          href={adminPages.ciblages.href}
          icon="target"
          label="Réponses aux offres"
          value={counts.offersAnswered}
          detail="sur les ciblages encore ouverts"
          attention={counts.offersAnswered > 0}
        />
        <StatCard
          href={`${adminPages.contrats.href}?etat=brouillon`}
          icon="contract"
          label="Contrats en brouillon"
          value={counts.drafts}
          detail="pas encore envoyés à la signature"
        />
      </ul>
    </div>
  );
}

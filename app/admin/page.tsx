import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Icon, type IconName } from "@/components/shell/icons";
import { adminPages } from "@/components/shell/nav";
import { cx } from "@/components/ui/cx";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { staffDashboardCounts } from "@/lib/backoffice/dashboard";
import { formatCount, formatEuros, formatLongDate } from "@/lib/format";
import { ResetDemo } from "@/components/preview/reset-demo";

export const metadata: Metadata = { title: "Accueil – Espace agence" };

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
        className="group hover:border-brand-500 flex h-full flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm transition hover:shadow"
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
        <span data-testid="valeur" className={cx("mt-2 text-3xl font-bold tabular-nums", attention ? "text-orange-700" : "text-slate-900")}>
          {formatCount(value)}
        </span>
        {detail ? <span className="mt-1 text-sm text-slate-500">{detail}</span> : null}
      </Link>
    </li>
  );
}

export default async function AdminHomePage() {
  const staff = await requireStaff();
  const counts = await staffDashboardCounts(staff);

  return (
    <div>
      <PageHeader title={adminPages.home.title} description={`Bonjour ${staff.firstName}, voici ce qui attend vos agences aujourd'hui.`} />
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
          detail={
            counts.incomplete > 0 ? `et ${counts.incomplete} incomplet${counts.incomplete > 1 ? "s" : ""}` : "envoyés aux intérimaires"
          }
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
          href={counts.advances.href}
          icon="euro"
          label="Demandes d'acompte à traiter"
          value={counts.advances.pending}
          detail={
            <span data-testid="detail-acomptes">
              {`pour le versement du ${formatLongDate(counts.advances.payDate)}`}
              {counts.advances.pending ? `, ${formatEuros(counts.advances.pendingCents)}` : ""}
              {counts.advances.accepted ? `, ${counts.advances.accepted} acceptée${counts.advances.accepted > 1 ? "s" : ""} à verser` : ""}
              {counts.advances.otherPending ? ` ; ${counts.advances.otherPending} en attente pour d'autres versements` : ""}
            </span>
          }
          attention={counts.advances.pending > 0}
        />
        <StatCard
          href={counts.timesheets.href}
          icon="clock"
          label="Relevés d'heures soumis"
          value={counts.timesheets.submitted}
          detail={`par les entreprises pour la semaine ${counts.timesheets.week.number}`}
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
      <ResetDemo />
    </div>
  );
}

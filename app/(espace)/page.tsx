import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Icon, type IconName } from "@/components/shell/icons";
import { workerPages } from "@/components/shell/nav";
import { Card } from "@/components/ui/card";
import { cx } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorker } from "@/lib/auth/session";
import { workerDashboard } from "@/lib/dashboard/worker";
import { formatDuration, formatEuros, formatLongDate, formatTime, parisParts } from "@/lib/format";
import { Markdown } from "@/lib/markdown";

export const metadata: Metadata = { title: workerPages.dashboard.title };

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** "jeudi 26 novembre à 14:00 (07h00) – RESIDENCE JEAN XXIII" */
function describeShift(
  shift: { startsAt: Date; endsAt: Date; breakMinutes: number; contract: { client: { name: string } } },
  now: Date,
): string {
  const sameYear = parisParts(shift.startsAt).year === parisParts(now).year;
  const worked = Math.max(0, Math.round((shift.endsAt.getTime() - shift.startsAt.getTime()) / 60_000) - shift.breakMinutes);
  return `${formatLongDate(shift.startsAt, { withYear: !sameYear })} à ${formatTime(shift.startsAt)} (${formatDuration(worked)}) – ${shift.contract.client.name}`;
}

function AttentionTile({
  href,
  icon,
  title,
  attention,
  children,
  cta,
}: {
  href: string;
  icon: IconName;
  title: string;
  attention: boolean;
  children: ReactNode;
  cta: string;
}) {
  return (
    <li>
      <Link
        href={href}
        className={cx(
          "group hover:border-brand-500 flex h-full gap-4 rounded-xl border bg-white p-4 shadow-sm transition hover:shadow sm:p-5",
          attention ? "border-l-4 border-orange-200 border-l-orange-500" : "border-slate-200",
        )}
      >
        <span
          aria-hidden="true"
          className={cx(
            "flex size-10 shrink-0 items-center justify-center rounded-full",
            attention ? "bg-orange-50 text-orange-600" : "bg-brand-50 text-brand-600",
          )}
        >
          <Icon name={icon} className="size-5" />
        </span>
        <span className="flex min-w-0 flex-1 flex-col">
          <span className="text-sm font-medium text-slate-500">{title}</span>
          <span className="mt-0.5 font-semibold text-slate-900">{children}</span>
          <span className="text-brand-700 mt-2 inline-flex items-center gap-1 text-sm font-medium group-hover:underline">
            {cta}
            <Icon name="chevronRight" className="size-4" />
          </span>
        </span>
      </Link>
    </li>
  );
}

export default async function DashboardPage() {
  const user = await requireWorker();
  const { now, toSign, pendingAdvance, nextShift, pendingChanges, blocks } = await workerDashboard(user);

  return (
    <div className="space-y-10">
      <PageHeader
        title={workerPages.dashboard.title}
        description={
          <>
            <p>Bonjour {user.firstName}, vous arrivez sur votre bureau virtuel.</p>
            <p className="mt-1">
              Vous retrouvez sur cette page des informations, des coordonnées et des actualités. Prenez le temps de lire ces renseignements.
            </p>
          </>
        }
      />

      <section aria-labelledby="a-suivre">
        <h2 id="a-suivre" className="mb-3 text-lg font-semibold text-slate-900">
          À suivre
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          <AttentionTile
            href={`${workerPages.contrats.href}?etat=a-signer`}
            icon="pen"
            title="Contrats"
            attention={toSign > 0}
            cta={toSign > 0 ? "Signer mes contrats" : "Voir mes contrats"}
          >
            {toSign > 0 ? `${plural(toSign, "contrat", "contrats")} à signer` : "Aucun contrat à signer"}
          </AttentionTile>

          <AttentionTile
            href={workerPages.plannings.href}
            icon="calendar"
            title="Prochain créneau"
            attention={false}
            cta="Voir mon planning"
          >
            {nextShift ? describeShift(nextShift, now) : "Aucun créneau prévu pour le moment"}
          </AttentionTile>

          <AttentionTile
            href={workerPages.acomptes.href}
            icon="euro"
            title="Demande d'acompte"
            attention={false}
            cta={pendingAdvance ? "Voir ma demande" : "Faire une demande d'acompte"}
          >
            {pendingAdvance ? (
              <>
                {formatEuros(pendingAdvance.amountCents)} en attente de validation
                <span className="block text-sm font-normal text-slate-600">
                  Versement prévu le {formatLongDate(pendingAdvance.payDate)}
                </span>
              </>
            ) : (
              "Aucune demande en attente"
            )}
          </AttentionTile>

          <AttentionTile href={workerPages.fichePerso.href} icon="idCard" title="Fiche perso" attention={false} cta="Voir ma fiche perso">
            {pendingChanges > 0
              ? `${plural(pendingChanges, "modification", "modifications")} en attente de validation par l'agence`
              : "Aucune modification en attente"}
          </AttentionTile>
        </ul>
      </section>

      <section aria-labelledby="infos-agence">
        <h2 id="infos-agence" className="mb-3 text-lg font-semibold text-slate-900">
          Votre bureau virtuel
        </h2>
        {blocks.length === 0 ? (
          <EmptyState
            title="Aucune information pour le moment"
            description="Votre agence publiera ici ses coordonnées, ses procédures et ses actualités."
          />
        ) : (
          <div className="grid gap-4 xl:grid-cols-2">
            {blocks.map((block) => (
              <Card as="article" key={block.id} aria-labelledby={`bloc-${block.id}`}>
                <h3 id={`bloc-${block.id}`} className="text-brand-700 mb-3 text-base font-bold tracking-wide uppercase">
                  {block.title}
                </h3>
                <Markdown source={block.body} headingLevel={4} className="text-sm sm:text-base" />
              </Card>
            ))}
          </div>
        )}
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import { clientPages } from "@/components/shell/nav";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireClient } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatDate, parisCalendarDate } from "@/lib/format";

const page = clientPages.heures;
export const metadata: Metadata = { title: page.title };

export default async function TimesheetEntryPage() {
  const user = await requireClient();
  const today = parisCalendarDate();
  const [clients, current] = await Promise.all([
    db.client.findMany({
      where: { id: { in: user.clientIds } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    // Contracts in force today: issued to the worker (not draft, not cancelled).
    db.contract.groupBy({
      by: ["clientId"],
      where: {
        clientId: { in: user.clientIds },
        state: { in: ["INCOMPLETE", "AWAITING_SIGNATURE", "SIGNED"] },
        startDate: { lte: today },
        endDate: { gte: today },
      },
      _count: { _all: true },
    }),
  ]);
  const countFor = (clientId: string) => current.find((row) => row.clientId === clientId)?._count._all ?? 0;

  return (
    <div className="space-y-6">
      <PageHeader
        title={page.title}
        description={
          <p>
            Saisissez et transmettez chaque semaine les heures travaillées par les intérimaires en mission dans votre entreprise.
            Les heures transmises sont reportées sur le planning de chaque intérimaire.
          </p>
        }
      />

      <section aria-labelledby="entreprises">
        <h2 id="entreprises" className="sr-only">
          Vos entreprises
        </h2>
        {clients.length === 0 ? (
          <EmptyState title="Aucune entreprise n'est rattachée à votre compte" description="Contactez votre agence." />
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {clients.map((client) => {
              const count = countFor(client.id);
              return (
                <li key={client.id}>
                  <Card className="h-full">
                    <p className="font-semibold text-slate-900">{client.name}</p>
                    <p className="mt-1 text-sm text-slate-600">
                      <span className="text-2xl font-bold text-brand-700 tabular-nums">{count}</span>{" "}
                      {count > 1 ? "contrats en cours" : "contrat en cours"} au {formatDate(today)}
                    </p>
                  </Card>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <EmptyState
        title="La saisie des heures sera bientôt disponible."
        description="Vous pourrez choisir une période et un contrat, puis saisir les heures travaillées par semaine et par intérimaire."
      />
    </div>
  );
}

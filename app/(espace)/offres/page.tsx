import type { Metadata } from "next";
import { workerPages } from "@/components/shell/nav";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireWorker } from "@/lib/auth/session";
import { workerOffers } from "@/lib/ciblage/queries";
import { isVisibleToWorker } from "@/lib/contracts/rules";
import { formatEuros } from "@/lib/format";
import { frenchDate } from "@/lib/timesheets/rules";
import { answerOfferAction } from "./actions";

const page = workerPages.offres;
export const metadata: Metadata = { title: page.title };

export default async function OffersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const worker = await requireWorker();
  const query = await searchParams;
  const offers = await workerOffers(worker);
  return (
    <div className="space-y-6">
      <PageHeader
        title={page.title}
        breadcrumbs={page.breadcrumbs}
        description={
          <p>
            Les missions que votre agence vous propose. Indiquez si vous êtes intéressé(e) : l&apos;agence vous recontacte si vous êtes
            retenu(e).
          </p>
        }
      />
      {query.ok ? (
        <Alert variant="success" role="status">
          {query.ok === "oui"
            ? "Merci, l'agence sait que cette mission vous intéresse."
            : "Merci, votre réponse a été transmise à l'agence."}
        </Alert>
      ) : null}
      {query.err ? <Alert variant="error">{query.err}</Alert> : null}
      {offers.length === 0 ? (
        <EmptyState
          title="Aucune proposition de mission pour le moment"
          description="Pensez à tenir vos disponibilités à jour dans Mes disponibilités."
        />
      ) : (
        <ul className="space-y-4">
          {offers.map((o) => {
            const n = o.need;
            const open = n.status === "OPEN";
            const retained = o.contract !== null && isVisibleToWorker(o.contract) && o.contract.state !== "CANCELLED";
            return (
              <li key={o.id}>
                <Card as="article" aria-label={`${n.qualification.label} – ${n.site.client.name}`}>
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div>
                      <h2 className="font-semibold text-slate-900">
                        {n.qualification.label} ({n.qualification.code})
                      </h2>
                      <p className="text-sm text-slate-700">
                        {n.site.client.name} · {n.site.name}, {n.site.postalCode} {n.site.city}
                      </p>
                    </div>
                    {retained ? (
                      <Badge tone="success">Vous êtes retenu(e)</Badge>
                    ) : !open ? (
                      <Badge tone="neutral">Mission pourvue ou fermée</Badge>
                    ) : o.response === "ACCEPTED" ? (
                      <Badge tone="success">Intéressé(e)</Badge>
                    ) : o.response === "DECLINED" ? (
                      <Badge tone="danger">Pas intéressé(e)</Badge>
                    ) : (
                      <Badge tone="warning">En attente de votre réponse</Badge>
                    )}
                  </div>
                  <p className="mt-2 text-sm text-slate-700">
                    Du {frenchDate(n.startDate)} au {frenchDate(n.endDate)} · {n.hoursLabel.replace(/\s*00:00-00:00/, "")}
                    {n.hourlyRateCents ? ` · ${formatEuros(n.hourlyRateCents)} brut / heure` : ""}
                  </p>
                  {n.description ? <p className="mt-1 text-sm text-slate-600">{n.description}</p> : null}
                  {open ? (
                    <form action={answerOfferAction} className="mt-4 flex flex-wrap gap-2">
                      <input type="hidden" name="offerId" value={o.id} />
                      <Button
                        type="submit"
                        name="answer"
                        value="yes"
                        variant={o.response === "ACCEPTED" ? "secondary" : "primary"}
                        disabled={o.response === "ACCEPTED"}
                      >
                        Oui, je suis intéressé(e)
                      </Button>
                      <Button type="submit" name="answer" value="no" variant="secondary" disabled={o.response === "DECLINED"}>
                        Non merci
                      </Button>
                    </form>
                  ) : null}
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

"use client";

import { Dialog } from "@/components/ui/dialog";
import { formatPhone } from "@/lib/format";

export type MissionDetails = {
  number: string;
  site: { name: string; address: string; city: string; postalCode: string; accessMeans: string | null };
  client: { name: string; phone: string | null };
};

function telHref(phone: string): string {
  const compact = phone.replace(/[^\d+]/g, "");
  return `tel:${compact.startsWith("0") ? `+33${compact.slice(1)}` : compact}`;
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-wrap justify-between gap-x-4 gap-y-0.5 py-1.5">
      <dt className="font-medium text-slate-500">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

/** The place and client of a contract, phone as a tap-to-call link. */
export function MissionDetailsContent({ details }: { details: MissionDetails }) {
  return (
    <>
      <section aria-labelledby={`lieu-${details.number}`}>
        <h3 id={`lieu-${details.number}`} className="font-semibold text-slate-900">
          Lieu de mission
        </h3>
        <dl className="mt-1 divide-y divide-slate-100 text-sm">
          <Row label="Établissement">{details.site.name}</Row>
          <Row label="Adresse">{details.site.address}</Row>
          <Row label="Ville">{details.site.city.toUpperCase()}</Row>
          <Row label="Code postal">{details.site.postalCode}</Row>
          <Row label="Moyen d'accès">{details.site.accessMeans ?? "Non précisé"}</Row>
        </dl>
      </section>
      <section aria-labelledby={`client-${details.number}`} className="mt-4">
        <h3 id={`client-${details.number}`} className="font-semibold text-slate-900">
          Client
        </h3>
        <dl className="mt-1 divide-y divide-slate-100 text-sm">
          <Row label="Nom">{details.client.name}</Row>
          <Row label="Téléphone">
            {details.client.phone ? (
              <a href={telHref(details.client.phone)} className="text-brand-700 font-medium underline">
                {formatPhone(details.client.phone)}
              </a>
            ) : (
              "Non renseigné"
            )}
          </Row>
        </dl>
      </section>
    </>
  );
}

/** "Afficher les détails de la mission" for one contract (its own page). */
export function MissionDetailsDialog({ details, triggerClassName }: { details: MissionDetails; triggerClassName?: string }) {
  return (
    <Dialog
      title={`Détail du contrat ${details.number}`}
      triggerLabel="Afficher les détails de la mission"
      triggerVariant="ghost"
      triggerSize="sm"
      triggerClassName={triggerClassName}
    >
      <MissionDetailsContent details={details} />
    </Dialog>
  );
}

import type { Metadata } from "next";
import { idParam } from "@/lib/http/params";
import { adminPages } from "@/components/shell/nav";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { personName, scopedClientOr404 } from "@/lib/backoffice/scope";
import { newFormKey } from "@/lib/forms";
import { ClientForm, SiteForm } from "../client-forms";

export const metadata: Metadata = { title: "Client" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ cree?: string }> };

export default async function ClientPage({ params, searchParams }: Props) {
  const staff = await requireStaff();
  const id = await idParam(params);
  const { cree } = await searchParams;
  const client = await scopedClientOr404(staff, id);
  return (
    <div className="space-y-6">
      <PageHeader
        title={client.name}
        breadcrumbs={[
          { label: "Accueil", href: "/admin" },
          { label: adminPages.clients.title, href: adminPages.clients.href },
          { label: client.name },
        ]}
        description={`Agence ${client.agency.code}`}
        actions={
          <ButtonLink href={`/admin/contrats?client=${client.id}`} variant="secondary">
            Contrats de ce client
          </ButtonLink>
        }
      />
      {cree ? (
        <Alert variant="success" role="status">
          Client créé. Ajoutez maintenant son site de mission.
        </Alert>
      ) : null}
      <Card as="section" aria-labelledby="fiche-client">
        <CardHeader id="fiche-client" title="Coordonnées" />
        <ClientForm
          agencies={[]}
          defaults={{
            clientId: client.id,
            agencyId: client.agencyId,
            name: client.name,
            phone: client.phone ?? "",
            email: client.email ?? "",
            siret: client.siret ?? "",
          }}
        />
      </Card>
      <Card as="section" aria-labelledby="sites">
        <CardHeader
          id="sites"
          title={`Sites (${client.sites.length})`}
          description="Lieux de mission : adresse, moyen d'accès et téléphone sont montrés à l'intérimaire dans le détail de la mission."
        />
        <div className="space-y-6">
          {client.sites.map((s) => (
            <div key={s.id} className="rounded-lg border border-slate-200 p-4">
              <h3 className="mb-3 font-semibold text-slate-900">{s.name}</h3>
              <SiteForm
                clientId={client.id}
                title={`Modifier le site ${s.name}`}
                defaults={{
                  siteId: s.id,
                  name: s.name,
                  address: s.address,
                  postalCode: s.postalCode,
                  city: s.city,
                  phone: s.phone ?? "",
                  accessMeans: s.accessMeans ?? "",
                }}
              />
              <p className="mt-3 text-sm text-slate-600">
                {s.latitude !== null
                  ? `Localisé : commune INSEE ${s.inseeCode ?? "?"}, pour les distances du ciblage.`
                  : "Adresse non localisée : les distances du ciblage ne pourront pas être calculées."}
              </p>
              <p className="mt-1 text-sm">
                <a className="text-brand-700 font-medium hover:underline" href={`/admin/contrats/nouveau?site=${s.id}`}>
                  Nouveau contrat sur ce site
                </a>
              </p>
            </div>
          ))}
          <div className="rounded-lg border border-dashed border-slate-300 p-4">
            <h3 className="mb-3 font-semibold text-slate-900">Ajouter un site</h3>
            <SiteForm clientId={client.id} title="Ajouter un site" formKey={newFormKey()} />
          </div>
        </div>
      </Card>
      <Card as="section" aria-labelledby="utilisateurs">
        <CardHeader id="utilisateurs" title="Utilisateurs du client" description="Les comptes qui saisissent les heures en ligne." />
        {client.members.length ? (
          <ul className="space-y-1 text-sm">
            {client.members.map((m) => (
              <li key={m.id}>
                {personName(m.user)} – {m.user.email}
                {m.user.active ? "" : " (désactivé)"}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">Aucun utilisateur : les heures sont saisies par l&apos;agence.</p>
        )}
      </Card>
    </div>
  );
}

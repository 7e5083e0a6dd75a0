import type { Metadata } from "next";
import { newFormKey } from "@/lib/forms";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConfirmStep } from "@/components/backoffice/confirm-step";
import { adminPages } from "@/components/shell/nav";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { dashboardBlocksOfAgency, staffAgencies } from "@/lib/backoffice/agencies";
import { formatDateTime } from "@/lib/format";
import { Markdown } from "@/lib/markdown";
import { deleteBlock, moveBlock, setBlockPublished } from "./actions";
import { BlockEditor } from "./block-editor";

const page = adminPages.blocs;
export const metadata: Metadata = { title: page.title };

type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function DashboardBlocksPage({ searchParams }: { searchParams: Promise<Params> }) {
  const staff = await requireStaff();
  const params = await searchParams;
  const agencies = await staffAgencies(staff);
  if (agencies.length === 0) notFound();
  const agency = agencies.find((a) => a.code === first(params.agence)) ?? agencies[0];
  const base = `/admin/blocs?agence=${agency.code}`;
  const blocks = await dashboardBlocksOfAgency(staff, agency.id);
  const editId = first(params.modifier);
  const editing = editId ? blocks.find((b) => b.id === editId) : undefined;
  if (editId && !editing) notFound();
  const creating = first(params.nouveau) === "1";
  // Deleting asks first: "Supprimer" opens the page with the block to confirm.
  const deletingId = first(params.supprimer);

  return (
    <div className="space-y-6">
      <PageHeader
        title={page.title}
        breadcrumbs={page.breadcrumbs}
        description={
          <p>
            Les blocs d&apos;information du Tableau de bord des intérimaires de chaque agence : procédures, contacts par pôle, actualités.
            Ils s&apos;affichent dans l&apos;ordre ci-dessous.
          </p>
        }
      />
      {agencies.length > 1 ? (
        <nav aria-label="Agences" className="flex flex-wrap gap-2">
          {agencies.map((a) => (
            <Link
              key={a.id}
              href={`/admin/blocs?agence=${a.code}`}
              aria-current={a.id === agency.id ? "page" : undefined}
              className={
                a.id === agency.id
                  ? "bg-brand-600 rounded-full px-4 py-2 text-sm font-semibold text-white"
                  : "hover:bg-brand-50 rounded-full border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800"
              }
            >
              {a.name}
            </Link>
          ))}
        </nav>
      ) : null}

      {editing || creating ? (
        <Card as="section" aria-labelledby="editeur">
          <h2 id="editeur" className="mb-4 text-lg font-semibold text-slate-900">
            {editing ? `Modifier « ${editing.title} »` : `Nouveau bloc – ${agency.name}`}
          </h2>
          <BlockEditor
            key={editing?.id ?? "new"}
            agencyId={agency.id}
            onDoneHref={base}
            formKey={editing ? undefined : newFormKey()}
            block={
              editing
                ? {
                    id: editing.id,
                    title: editing.title,
                    body: editing.body,
                    published: editing.published,
                    version: editing.updatedAt.toISOString(),
                  }
                : undefined
            }
          />
          <p className="mt-4">
            <Link href={base} className="text-brand-700 text-sm font-medium underline">
              Annuler et revenir à la liste
            </Link>
          </p>
        </Card>
      ) : (
        <ButtonLink href={`${base}&nouveau=1`}>Ajouter un bloc</ButtonLink>
      )}

      {blocks.length === 0 ? (
        <EmptyState
          title="Aucun bloc pour cette agence"
          description="Ajoutez un premier bloc : il s'affichera sur le Tableau de bord des intérimaires."
        />
      ) : (
        <ol className="space-y-4" aria-label={`Blocs de ${agency.name}`}>
          {blocks.map((b, i) => (
            <li key={b.id}>
              <Card as="article" aria-labelledby={`bloc-${b.id}`} className={b.published ? undefined : "border-dashed bg-slate-50"}>
                <div className="mb-3 flex flex-wrap items-start justify-between gap-3">
                  <div>
                    <h3 id={`bloc-${b.id}`} className="text-brand-700 text-base font-bold tracking-wide uppercase">
                      {i + 1}. {b.title}
                    </h3>
                    <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
                      {b.published ? <Badge tone="success">Publié</Badge> : <Badge tone="neutral">Non publié</Badge>}
                      Modifié le {formatDateTime(b.updatedAt)}
                    </p>
                  </div>
                  <div className="flex flex-wrap gap-2">
                    <ButtonLink href={`${base}&modifier=${b.id}`} size="sm" variant="secondary" aria-label={`Modifier ${b.title}`}>
                      Modifier
                    </ButtonLink>
                    <form action={setBlockPublished}>
                      <input type="hidden" name="id" value={b.id} />
                      <input type="hidden" name="published" value={b.published ? "false" : "true"} />
                      <Button type="submit" size="sm" variant="secondary" aria-label={`${b.published ? "Retirer" : "Publier"} ${b.title}`}>
                        {b.published ? "Retirer" : "Publier"}
                      </Button>
                    </form>
                    <form action={moveBlock}>
                      <input type="hidden" name="id" value={b.id} />
                      <input type="hidden" name="direction" value="up" />
                      <Button type="submit" size="sm" variant="ghost" disabled={i === 0} aria-label={`Monter ${b.title}`}>
                        ↑ Monter
                      </Button>
                    </form>
                    <form action={moveBlock}>
                      <input type="hidden" name="id" value={b.id} />
                      <input type="hidden" name="direction" value="down" />
                      <Button
                        type="submit"
                        size="sm"
                        variant="ghost"
                        disabled={i === blocks.length - 1}
                        aria-label={`Descendre ${b.title}`}
                      >
                        ↓ Descendre
                      </Button>
                    </form>
                    {deletingId === b.id ? null : (
                      <ButtonLink
                        href={`${base}&supprimer=${b.id}`}
                        scroll={false}
                        size="sm"
                        variant="danger"
                        aria-label={`Supprimer ${b.title}`}
                      >
                        Supprimer
                      </ButtonLink>
                    )}
                  </div>
                </div>
                {deletingId === b.id ? (
                  <div className="mb-3">
                    <ConfirmStep
                      id={`confirmer-suppression-${b.id}`}
                      title={`Supprimer le bloc « ${b.title} » ?`}
                      headingLevel={4}
                      action={deleteBlock}
                      fields={{ id: b.id }}
                      confirmLabel="Supprimer le bloc"
                      cancelHref={base}
                    >
                      Le bloc disparaîtra du Tableau de bord des intérimaires. La suppression est définitive.
                    </ConfirmStep>
                  </div>
                ) : null}
                <Markdown source={b.body} headingLevel={4} className="text-sm" />
              </Card>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

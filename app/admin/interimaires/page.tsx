import type { Metadata } from "next";
import Link from "next/link";
import { adminPages } from "@/components/shell/nav";
import { Badge } from "@/components/ui/badge";
import { ButtonLink, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { InputField, SelectField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { requireStaff } from "@/lib/auth/session";
import { staffWorkerPage } from "@/lib/backoffice/worker-queries";
import { personName } from "@/lib/backoffice/scope";

const page = adminPages.interimaires;
export const metadata: Metadata = { title: page.title };
const PAGE_SIZE = 20;

type Search = { nom?: string; numero?: string; qualification?: string; ville?: string; page?: string };

export default async function WorkersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const staff = await requireStaff();
  const search = await searchParams;
  const name = search.nom?.trim() ?? "";
  const number = search.numero?.trim() ?? "";
  const city = search.ville?.trim() ?? "";
  const words = name.split(/\s+/).filter(Boolean).slice(0, 6);
  const current = Math.max(1, Number.parseInt(search.page ?? "1", 10) || 1);
  const { count, workers, qualifications } = await staffWorkerPage(
    staff,
    { words, number, qualificationId: search.qualification, city },
    current,
    PAGE_SIZE,
  );
  const active = [name, number, search.qualification, city].filter(Boolean).length;
  return (
    <div className="space-y-6">
      <PageHeader
        title={page.title}
        breadcrumbs={page.breadcrumbs}
        actions={
          <ButtonLink href="/admin/interimaires/inviter" variant="primary">
            Inviter un intérimaire
          </ButtonLink>
        }
      />
      <form
        method="get"
        role="search"
        className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-5"
      >
        <InputField label="Nom" name="nom" defaultValue={name} />
        <InputField label="N° intérimaire" name="numero" defaultValue={number} placeholder="3985 ou MEDIMP 3985" />
        <SelectField label="Qualification" name="qualification" defaultValue={search.qualification ?? ""}>
          <option value="">Toutes</option>
          {qualifications.map((q) => (
            <option key={q.id} value={q.id}>
              {q.label} ({q.code})
            </option>
          ))}
        </SelectField>
        <InputField label="Ville ou code postal" name="ville" defaultValue={city} />
        <div className="flex items-end">
          <button type="submit" className={buttonClasses({ variant: "primary" })}>
            Rechercher
          </button>
        </div>
      </form>
      <p className="flex flex-wrap gap-3 text-sm text-slate-600">
        <Link href="/admin/interimaires" className="text-brand-700 font-medium hover:underline">
          {active} filtre{active > 1 ? "s" : ""} actif{active > 1 ? "s" : ""}
        </Link>
        <span>
          {count} intérimaire{count > 1 ? "s" : ""}
        </span>
      </p>
      {workers.length ? (
        <Table caption="Intérimaires">
          <THead>
            <tr>
              <Th>Nom</Th>
              <Th>N° intérimaire</Th>
              <Th>Qualifications</Th>
              <Th>Ville</Th>
              <Th>Compte</Th>
            </tr>
          </THead>
          <TBody>
            {workers.map((w) => (
              <Tr key={w.id}>
                <Td label="Nom">
                  <div className="min-w-0 max-sm:wrap-anywhere">
                    <Link href={`/admin/interimaires/${w.id}`} className="text-brand-700 font-semibold hover:underline">
                      {personName(w.user)}
                    </Link>
                    <span className="block text-xs text-slate-500">{w.user.email}</span>
                  </div>
                </Td>
                <Td label="N° intérimaire">{w.agencies.map((a) => `${a.agency.code} : ${a.workerNumber}`).join(", ")}</Td>
                <Td label="Qualifications">{w.qualifications.map((q) => q.qualification.code).join(", ") || "—"}</Td>
                <Td label="Ville">{[w.postalCode, w.city].filter(Boolean).join(" ") || "—"}</Td>
                <Td label="Compte">
                  {!w.user.active ? (
                    <Badge tone="danger">Désactivé</Badge>
                  ) : w.user.passwordHash ? (
                    <Badge tone="success">Actif</Badge>
                  ) : (
                    <Badge tone="warning">Invité</Badge>
                  )}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      ) : (
        <EmptyState title="Aucun intérimaire ne correspond à cette recherche." />
      )}
      <Pagination page={current} pageCount={Math.ceil(count / PAGE_SIZE)} pathname="/admin/interimaires" searchParams={search} />
    </div>
  );
}

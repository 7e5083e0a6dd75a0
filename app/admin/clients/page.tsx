import type { Metadata } from "next";
import Link from "next/link";
import { adminPages } from "@/components/shell/nav";
import { ButtonLink, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { InputField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { requireStaff } from "@/lib/auth/session";
import { staffClientPage } from "@/lib/backoffice/client-queries";
import { formatPhone } from "@/lib/format";

const page = adminPages.clients;
export const metadata: Metadata = { title: page.title };
const PAGE_SIZE = 20;

export default async function ClientsPage({ searchParams }: { searchParams: Promise<{ q?: string; page?: string }> }) {
  const staff = await requireStaff();
  const search = await searchParams;
  const q = search.q?.trim() ?? "";
  const current = Math.max(1, Number.parseInt(search.page ?? "1", 10) || 1);
  const { count, clients } = await staffClientPage(staff, q, current, PAGE_SIZE);
  return (
    <div className="space-y-6">
      <PageHeader
        title={page.title}
        breadcrumbs={page.breadcrumbs}
        actions={
          <ButtonLink href="/admin/clients/nouveau" variant="primary">
            Nouveau client
          </ButtonLink>
        }
      />
      <form method="get" className="flex flex-wrap items-end gap-3" role="search">
        <InputField label="Rechercher un client" name="q" defaultValue={q} placeholder="Nom ou ville" className="min-w-64" />
        <button type="submit" className={buttonClasses({ variant: "secondary" })}>
          Rechercher
        </button>
      </form>
      <p className="text-sm text-slate-600">
        {count} client{count > 1 ? "s" : ""}
      </p>
      {clients.length ? (
        <Table caption="Clients">
          <THead>
            <tr>
              <Th>Nom</Th>
              <Th>Agence</Th>
              <Th>Sites</Th>
              <Th>Téléphone</Th>
              <Th>Contrats</Th>
            </tr>
          </THead>
          <TBody>
            {clients.map((c) => (
              <Tr key={c.id}>
                <Td label="Nom">
                  <Link href={`/admin/clients/${c.id}`} className="text-brand-700 font-semibold hover:underline">
                    {c.name}
                  </Link>
                </Td>
                <Td label="Agence">{c.agency.code}</Td>
                <Td label="Sites">{c.sites.map((s) => `${s.name} (${s.city})`).join(", ") || "—"}</Td>
                <Td label="Téléphone">{c.phone ? formatPhone(c.phone) : "—"}</Td>
                <Td label="Contrats">{c._count.contracts}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      ) : (
        <EmptyState title="Aucun client." />
      )}
      <Pagination page={current} pageCount={Math.ceil(count / PAGE_SIZE)} pathname="/admin/clients" searchParams={search} />
    </div>
  );
}

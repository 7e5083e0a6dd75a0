import type { Metadata } from "next";
import Link from "next/link";
import { adminPages } from "@/components/shell/nav";
import { ContractTable } from "@/components/backoffice/contract-table";
import { ButtonLink, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { InputField, SelectField } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { CursorPagination } from "@/components/ui/cursor-pagination";
import { formatCount } from "@/lib/format";
import { cappedCount, pageRequest } from "@/lib/paging/keyset";
import { requireStaff } from "@/lib/auth/session";
import type { ContractState } from "@/lib/generated/prisma/enums";
import { CONTRACT_STATE_LABELS } from "@/lib/contracts/rules";
import { staffContractPage } from "@/lib/backoffice/contract-queries";
import { parseDay } from "@/lib/contracts/shifts";

const page = adminPages.contrats;
export const metadata: Metadata = { title: page.title };

const PAGE_SIZE = 15;

const STATE_SLUGS: Record<string, ContractState> = {
  brouillon: "DRAFT",
  incomplet: "INCOMPLETE",
  "a-signer": "AWAITING_SIGNATURE",
  signe: "SIGNED",
  annule: "CANCELLED",
};

type Search = {
  etat?: string;
  interimaire?: string;
  client?: string;
  du?: string;
  au?: string;
  page?: string;
  apres?: string;
  avant?: string;
};

export default async function ContractsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const staff = await requireStaff();
  const search = await searchParams;
  const state = search.etat ? STATE_SLUGS[search.etat] : undefined;
  const from = search.du ? parseDay(search.du) : null;
  const to = search.au ? parseDay(search.au) : null;
  const workerQuery = search.interimaire?.trim() ?? "";
  const { count, contracts, clients, newer, older } = await staffContractPage(
    staff,
    { state, clientId: search.client, from, to, workerQuery },
    pageRequest(search),
    PAGE_SIZE,
  );
  const active = [state, search.client, from, to, workerQuery].filter(Boolean).length;

  return (
    <div className="space-y-6">
      <PageHeader
        title={page.title}
        breadcrumbs={page.breadcrumbs}
        actions={
          <ButtonLink href="/admin/contrats/nouveau" variant="primary">
            Nouveau contrat
          </ButtonLink>
        }
      />
      <form
        method="get"
        className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-6"
        aria-label="Filtres"
      >
        <SelectField label="État" name="etat" defaultValue={search.etat ?? ""}>
          <option value="">Tous</option>
          {Object.entries(STATE_SLUGS).map(([slug, s]) => (
            <option key={slug} value={slug}>
              {CONTRACT_STATE_LABELS[s]}
            </option>
          ))}
        </SelectField>
        <InputField label="Intérimaire" name="interimaire" defaultValue={workerQuery} placeholder="Nom ou n°" />
        <SelectField label="Client" name="client" defaultValue={search.client ?? ""}>
          <option value="">Tous</option>
          {clients.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <InputField label="Du" name="du" type="date" defaultValue={search.du ?? ""} />
        <InputField label="Au" name="au" type="date" defaultValue={search.au ?? ""} />
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClasses({ variant: "primary" })}>
            Filtrer
          </button>
        </div>
      </form>
      <p className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
        <Link href="/admin/contrats" className="text-brand-700 font-medium hover:underline">
          {active} filtre{active > 1 ? "s" : ""} actif{active > 1 ? "s" : ""}
        </Link>
        <span>{cappedCount(count, "contrat", formatCount)}</span>
      </p>
      {contracts.length ? (
        <ContractTable caption="Contrats" detailed contracts={contracts} />
      ) : (
        <EmptyState title="Aucun contrat ne correspond à ces filtres." />
      )}
      <CursorPagination pathname="/admin/contrats" searchParams={search} newer={newer} older={older} />
    </div>
  );
}

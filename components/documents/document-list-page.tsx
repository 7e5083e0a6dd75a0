// The worker's list of one kind of document (Bulletins de salaire, Attestation
// Assedic, Certificat de travail): count, page size, sortable columns, pages,
// all in the URL; selection and downloads in DocumentTable.
import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { PageSizeSelect } from "@/components/ui/page-size-select";
import { EmptyState } from "@/components/ui/empty-state";
import type { PageDef } from "@/components/shell/nav";
import { formatDate, formatMonthYear } from "@/lib/format";
import { listWorkerDocuments } from "@/lib/documents/queries";
import {
  documentCount,
  listHref,
  PAGE_SIZES,
  parseListQuery,
  type DocumentSort,
  type WorkerDocumentKind,
  KIND_LABELS,
} from "@/lib/documents/rules";
import { DocumentTable, type DocumentTableRow, type SortHeader } from "./document-table";

type Params = Record<string, string | string[] | undefined>;

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function issueLabel(kind: WorkerDocumentKind, row: { periodStart: Date | null; periodEnd: Date | null; createdAt: Date }): string {
  if (kind === "PAYSLIP") return capitalize(formatMonthYear(row.periodStart ?? row.createdAt));
  if (row.periodStart && row.periodEnd) return `Du ${formatDate(row.periodStart)} au ${formatDate(row.periodEnd)}`;
  return formatDate(row.periodEnd ?? row.createdAt);
}

export async function DocumentListPage({
  page,
  kind,
  workerId,
  searchParams,
  intro,
  aside,
}: {
  page: PageDef;
  kind: WorkerDocumentKind;
  workerId: string;
  searchParams: Params;
  intro: ReactNode;
  aside?: ReactNode;
}) {
  const q = parseListQuery(searchParams);
  const list = await listWorkerDocuments(workerId, kind, q);
  const current = { ...q, page: list.page };
  const rows: DocumentTableRow[] = list.rows.map((r) => ({
    id: r.id,
    number: r.number ?? "—",
    issued: issueLabel(kind, r),
    added: formatDate(r.createdAt),
    sizeBytes: r.sizeBytes,
  }));
  const header = (sort: DocumentSort, label: string): SortHeader => {
    const active = q.sort === sort;
    const nextDir = active && q.dir === "desc" ? "asc" : active ? "desc" : sort === "numero" ? "asc" : "desc";
    return { label, href: listHref(page.href, current, { sort, dir: nextDir, page: 1 }), active, dir: active ? q.dir : null };
  };

  return (
    <div className="space-y-6">
      <PageHeader title={page.title} breadcrumbs={page.breadcrumbs} description={intro} />
      {aside}
      <section aria-labelledby="liste-documents" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="liste-documents" className="text-base font-semibold text-slate-900" aria-live="polite">
            {documentCount(kind, list.total)}
          </h2>
          <PageSizeSelect
            action={page.href}
            keep={{ tri: q.sort !== "ajout" ? q.sort : undefined, ordre: q.dir !== "desc" ? q.dir : undefined }}
            value={q.perPage}
            sizes={PAGE_SIZES}
            id="par"
          />
        </div>
        {list.total === 0 ? (
          <EmptyState
            title={`Aucun ${kind === "ASSEDIC_CERTIFICATE" ? "document" : KIND_LABELS[kind].one} pour le moment`}
            description="Vous serez prévenu par e-mail dès qu'un document sera ajouté sur votre espace."
          />
        ) : (
          <>
            <DocumentTable
              kind={kind}
              rows={rows}
              headers={{
                number: header("numero", "n°"),
                issued: header("emission", "Date d'émission"),
                added: header("ajout", "Date d'ajout"),
              }}
            />
            <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(p) => listHref(page.href, current, { page: p })} />
          </>
        )}
      </section>
    </div>
  );
}

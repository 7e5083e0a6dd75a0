import Link from "next/link";
import { cx } from "./cx";

type HrefSource =
  | { hrefFor: (page: number) => string }
  | {
      /** Path of the list, e.g. "/contrats". */
      pathname: string;
      /** Current query (other filters are kept). */
      searchParams?: Record<string, string | string[] | undefined>;
      /** Name of the page parameter. Default "page". */
      param?: string;
    };

type SearchParams = Record<string, string | string[] | undefined>;

/** The list's address with the other filters kept, the `drop` parameters removed and `set` applied. */
export function listHref(pathname: string, searchParams: SearchParams, drop: string[], set: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    if (drop.includes(key) || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) query.append(key, v);
  }
  for (const [key, value] of Object.entries(set)) query.set(key, value);
  const qs = query.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

/** Builds "/contrats?etat=a-signer&page=2"; page 1 drops the parameter. */
export function pageHref(pathname: string, searchParams: SearchParams = {}, page: number, param = "page"): string {
  return listHref(pathname, searchParams, [param], page > 1 ? { [param]: String(page) } : {});
}

// .ui-page of app/globals.css: a 44 px page link.
const itemBase = "ui-page";

/** "Précédent" / "Suivant": a link when there is somewhere to go, a greyed label otherwise. */
export function PageEdge({ href, label, rel }: { href: string | null; label: string; rel: "prev" | "next" }) {
  return href ? (
    <Link
      href={href}
      rel={rel}
      className={cx(itemBase, "hover:bg-brand-50 hover:text-brand-900 border border-slate-300 bg-white text-slate-800")}
    >
      {label}
    </Link>
  ) : (
    <span aria-disabled="true" className={cx(itemBase, "border border-slate-200 text-slate-400")}>
      {label}
    </span>
  );
}

/** The pages to show as numbers around the current one (0 stands for "…"). */
function pageWindow(page: number, pageCount: number): number[] {
  const pages = new Set([1, pageCount, page - 1, page, page + 1]);
  const sorted = [...pages].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const out: number[] = [];
  for (const p of sorted) {
    if (out.length && p - out[out.length - 1] > 1) out.push(0);
    out.push(p);
  }
  return out;
}

/** Server-rendered pagination: plain links, "Précédent" / "Page 2 sur 5" / "Suivant". */
export function Pagination({
  page,
  pageCount,
  className,
  ...source
}: { page: number; pageCount: number; className?: string } & HrefSource) {
  if (pageCount <= 1) return null;
  const current = Math.min(Math.max(1, page), pageCount);
  const href = (p: number) => ("hrefFor" in source ? source.hrefFor(p) : pageHref(source.pathname, source.searchParams, p, source.param));

  return (
    <nav aria-label="Pagination" className={cx("mt-4 flex flex-wrap items-center justify-between gap-2 sm:justify-end", className)}>
      <PageEdge href={current > 1 ? href(current - 1) : null} label="Précédent" rel="prev" />
      <p className="text-sm text-slate-600 sm:order-first sm:mr-auto">
        Page {current} sur {pageCount}
      </p>
      <ul className="hidden items-center gap-1 sm:flex">
        {pageWindow(current, pageCount).map((p, index) =>
          p === 0 ? (
            <li key={`gap-${index}`} aria-hidden="true" className="px-1 text-slate-400">
              …
            </li>
          ) : (
            <li key={p}>
              {p === current ? (
                <span aria-current="page" className={cx(itemBase, "bg-brand-600 text-white")}>
                  <span className="sr-only">Page </span>
                  {p}
                  <span className="sr-only"> sur {pageCount}</span>
                </span>
              ) : (
                <Link href={href(p)} className={cx(itemBase, "hover:bg-brand-50 hover:text-brand-900 text-slate-700")}>
                  <span className="sr-only">Page </span>
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
      </ul>
      <PageEdge href={current < pageCount ? href(current + 1) : null} label="Suivant" rel="next" />
    </nav>
  );
}

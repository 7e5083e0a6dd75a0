import Link from "next/link";
import { cx } from "./cx";

const itemBase = "inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg px-3 text-sm font-medium";

/** Builds the list's address with the other filters kept and `apres`/`avant` set to the cursor. */
export function cursorHref(
  pathname: string,
  searchParams: Record<string, string | string[] | undefined>,
  cursor: { apres: string } | { avant: string } | null,
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    if (key === "apres" || key === "avant" || key === "page" || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) query.append(key, v);
  }
  if (cursor) for (const [key, value] of Object.entries(cursor)) query.set(key, value);
  const qs = query.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

/** Server-rendered keyset pagination: "Précédent" (newer rows) and "Suivant" (older rows), plain links. */
export function CursorPagination({
  pathname,
  searchParams,
  newer,
  older,
  className,
}: {
  pathname: string;
  searchParams: Record<string, string | string[] | undefined>;
  newer: string | null;
  older: string | null;
  className?: string;
}) {
  if (!newer && !older) return null;
  const edge = (cursor: { apres: string } | { avant: string } | null, label: string, rel: "prev" | "next") =>
    cursor ? (
      <Link
        href={cursorHref(pathname, searchParams, cursor)}
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
  return (
    <nav aria-label="Pagination" className={cx("mt-4 flex flex-wrap items-center justify-end gap-2", className)}>
      {edge(newer ? { avant: newer } : null, "Précédent", "prev")}
      {edge(older ? { apres: older } : null, "Suivant", "next")}
    </nav>
  );
}

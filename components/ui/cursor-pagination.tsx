import { cx } from "./cx";
import { listHref, PageEdge } from "./pagination";

/** Builds the list's address with the other filters kept and `apres`/`avant` set to the cursor. */
export function cursorHref(
  pathname: string,
  searchParams: Record<string, string | string[] | undefined>,
  cursor: { apres: string } | { avant: string } | null,
): string {
  return listHref(pathname, searchParams, ["apres", "avant", "page"], cursor ?? {});
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
  return (
    <nav aria-label="Pagination" className={cx("mt-4 flex flex-wrap items-center justify-end gap-2", className)}>
      <PageEdge href={newer ? cursorHref(pathname, searchParams, { avant: newer }) : null} label="Précédent" rel="prev" />
      <PageEdge href={older ? cursorHref(pathname, searchParams, { apres: older }) : null} label="Suivant" rel="next" />
    </nav>
  );
}

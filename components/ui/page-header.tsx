import Link from "next/link";
import type { ReactNode } from "react";
import { cx } from "./cx";

export type Crumb = { label: string; href?: string };

/** "Mon espace > Contrats": the last crumb is the current page. */
export function Breadcrumbs({ items, className }: { items: Crumb[]; className?: string }) {
  if (items.length === 0) return null;
  return (
    <nav aria-label="Fil d'Ariane" className={cx("text-sm text-slate-500", className)}>
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1">
        {items.map((item, index) => {
          const last = index === items.length - 1;
          return (
            <li key={`${item.label}-${index}`} className="flex items-center gap-x-1.5">
              {index > 0 ? (
                <span aria-hidden="true" className="text-slate-400">
                  &gt;
                </span>
              ) : null}
              {item.href && !last ? (
                <Link href={item.href} className="hover:text-brand-700 rounded hover:underline">
                  {item.label}
                </Link>
              ) : (
                <span aria-current={last ? "page" : undefined} className={last ? "font-medium text-slate-700" : undefined}>
                  {item.label}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** The page's h1, its breadcrumbs above and optional intro text and actions. */
export function PageHeader({
  title,
  breadcrumbs = [],
  description,
  actions,
  className,
}: {
  title: ReactNode;
  breadcrumbs?: Crumb[];
  description?: ReactNode;
  actions?: ReactNode;
  className?: string;
}) {
  return (
    <header className={cx("mb-6 space-y-2", className)}>
      <Breadcrumbs items={breadcrumbs} />
      <div className="flex flex-wrap items-end justify-between gap-x-4 gap-y-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold tracking-tight wrap-break-word text-slate-900 sm:text-3xl">{title}</h1>
          {description ? <div className="mt-2 max-w-3xl wrap-break-word text-slate-600">{description}</div> : null}
        </div>
        {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
      </div>
    </header>
  );
}

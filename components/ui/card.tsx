import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "./cx";

/** A white panel. Use `as="section"` with a CardTitle for a titled region. */
export function Card({
  as: Tag = "div",
  className,
  padded = true,
  ...props
}: HTMLAttributes<HTMLElement> & { as?: "div" | "section" | "article" | "aside"; padded?: boolean }) {
  return <Tag className={cx("rounded-xl border border-slate-200 bg-white shadow-sm", padded && "p-4 sm:p-6", className)} {...props} />;
}

/** Title row of a card, with an optional description and action on the right. */
export function CardHeader({
  title,
  description,
  action,
  as: Heading = "h2",
  id,
  className,
}: {
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  as?: "h2" | "h3" | "h4";
  id?: string;
  className?: string;
}) {
  return (
    <div className={cx("mb-4 flex flex-wrap items-start justify-between gap-x-4 gap-y-2", className)}>
      <div className="min-w-0">
        <Heading id={id} className="text-base font-semibold text-slate-900 sm:text-lg">
          {title}
        </Heading>
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      </div>
      {action ? <div className="shrink-0">{action}</div> : null}
    </div>
  );
}

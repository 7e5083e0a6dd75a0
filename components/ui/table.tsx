import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cx } from "./cx";

// A styled table. On phones (< 640 px) a `stack` table shows each row as a
// card: the header row is hidden and each cell prints its `label` before its
// value, so nothing scrolls sideways. Without `stack` the table scrolls inside
// its own frame instead.

export function Table({
  caption,
  stack = true,
  className,
  children,
}: {
  caption?: ReactNode;
  stack?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      data-stack={stack ? "" : undefined}
      className={cx(
        "group/table overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm",
        "max-sm:data-stack:overflow-visible",
        className,
      )}
    >
      <table className="w-full border-collapse text-left text-sm max-sm:group-data-stack/table:block">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        {children}
      </table>
    </div>
  );
}

export function THead({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className={cx("border-b border-slate-200 bg-slate-50 max-sm:group-data-stack/table:sr-only", className)} {...props} />;
}

export function TBody({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className={cx("divide-y divide-slate-100 max-sm:group-data-stack/table:block", className)} {...props} />;
}

export function Tr({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return (
    <tr
      className={cx("align-top hover:bg-slate-50/60 max-sm:group-data-stack/table:block max-sm:group-data-stack/table:py-2", className)}
      {...props}
    />
  );
}

export function Th({ className, scope = "col", ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope={scope}
      className={cx("px-4 py-3 text-xs font-semibold tracking-wide whitespace-nowrap text-slate-600 uppercase", className)}
      {...props}
    />
  );
}

/** A cell; `label` is the column name shown before the value on phones. */
export function Td({ className, label, ...props }: TdHTMLAttributes<HTMLTableCellElement> & { label?: string }) {
  return (
    <td
      data-label={label}
      className={cx(
        "px-4 py-3 text-slate-800",
        "max-sm:group-data-stack/table:flex max-sm:group-data-stack/table:justify-between max-sm:group-data-stack/table:gap-4",
        "max-sm:group-data-stack/table:py-1.5 max-sm:group-data-stack/table:text-right",
        "max-sm:group-data-stack/table:before:shrink-0 max-sm:group-data-stack/table:before:text-left",
        "max-sm:group-data-stack/table:before:font-medium max-sm:group-data-stack/table:before:text-slate-500",
        "max-sm:group-data-stack/table:before:content-[attr(data-label)]",
        className,
      )}
      {...props}
    />
  );
}

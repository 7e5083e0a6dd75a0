import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cx } from "./cx";

// A styled table. On phones (< 640 px) a `stack` table shows each row as a
// card: the header row is hidden and each cell prints its `label` before its
// value, so nothing scrolls sideways. Without `stack` the table scrolls inside
// its own frame instead. The cell styles are the shared classes .ui-th/.ui-td
// of app/globals.css, so rows do not repeat long class strings.

export function Table({
  caption,
  stack = true,
  dense = false,
  className,
  children,
}: {
  caption?: ReactNode;
  stack?: boolean;
  /** Narrower cell padding and wrapping headers, for tables with many columns. */
  dense?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      data-stack={stack ? "" : undefined}
      data-dense={dense ? "" : undefined}
      // relative: the screen-reader-only labels inside (position: absolute) stay in this frame, not widening the page.
      className={cx("relative overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm", className)}
    >
      <table className="w-full border-collapse text-left text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        {children}
      </table>
    </div>
  );
}

export function THead({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className={cx("border-b border-slate-200 bg-slate-50", className)} {...props} />;
}

export function TBody({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className={cx("divide-y divide-slate-100", className)} {...props} />;
}

export function Tr({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cx("ui-tr", className)} {...props} />;
}

export function Th({ className, scope = "col", ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope={scope} className={cx("ui-th", className)} {...props} />;
}

/** A cell; `label` is the column name shown before the value on phones. */
export function Td({ className, label, ...props }: TdHTMLAttributes<HTMLTableCellElement> & { label?: string }) {
  return <td data-label={label} className={cx("ui-td", className)} {...props} />;
}

import type { ReactNode } from "react";
import { cx } from "./cx";

export type AlertVariant = "info" | "success" | "warning" | "error";

const styles: Record<AlertVariant, { box: string; icon: string }> = {
  info: { box: "border-brand-200 bg-brand-50 text-brand-900", icon: "text-brand-600" },
  success: { box: "border-green-200 bg-green-50 text-green-900", icon: "text-green-600" },
  warning: { box: "border-amber-200 bg-amber-50 text-amber-900", icon: "text-amber-600" },
  error: { box: "border-red-200 bg-red-50 text-red-900", icon: "text-red-600" },
};

const paths: Record<AlertVariant, string> = {
  info: "M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-7-4a1 1 0 1 1-2 0 1 1 0 0 1 2 0ZM9 9a.75.75 0 0 0 0 1.5h.25v3.75a.75.75 0 0 0 1.5 0V9.75A.75.75 0 0 0 10 9H9Z",
  success:
    "M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.86-9.6a.75.75 0 0 0-1.22-.88l-3.24 4.5-1.6-1.6a.75.75 0 1 0-1.06 1.06l2.22 2.22a.75.75 0 0 0 1.14-.09l3.76-5.21Z",
  warning:
    "M8.48 2.91c.67-1.16 2.37-1.16 3.04 0l6.28 10.88c.67 1.17-.17 2.63-1.52 2.63H3.72c-1.35 0-2.19-1.46-1.52-2.63L8.48 2.9ZM10 6a.75.75 0 0 1 .75.75v3.5a.75.75 0 0 1-1.5 0v-3.5A.75.75 0 0 1 10 6Zm0 9a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z",
  error:
    "M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z",
};

/**
 * A message box. Errors are announced (role="alert"); pass `role="status"` for
 * a success message that appears after an action.
 */
export function Alert({
  variant = "info",
  title,
  children,
  className,
  role,
}: {
  variant?: AlertVariant;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
  role?: "alert" | "status";
}) {
  const style = styles[variant];
  return (
    <div
      role={role ?? (variant === "error" ? "alert" : undefined)}
      className={cx("flex gap-3 rounded-lg border p-4 text-sm", style.box, className)}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className={cx("mt-0.5 size-5 shrink-0", style.icon)}>
        <path fillRule="evenodd" clipRule="evenodd" d={paths[variant]} />
      </svg>
      <div className="min-w-0 space-y-1 leading-relaxed">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children}
      </div>
    </div>
  );
}

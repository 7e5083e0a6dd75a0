import type { ReactNode } from "react";
import { cx } from "./cx";

/** success: green ("Valide"), warning: orange ("en attente"), neutral: grey, danger: red, info: brand. */
export type BadgeTone = "success" | "warning" | "neutral" | "danger" | "info";

const tones: Record<BadgeTone, { box: string; dot: string }> = {
  success: { box: "bg-green-50 text-green-800 ring-green-600/20", dot: "bg-green-500" },
  warning: { box: "bg-orange-50 text-orange-800 ring-orange-600/20", dot: "bg-orange-500" },
  neutral: { box: "bg-slate-100 text-slate-700 ring-slate-500/20", dot: "bg-slate-400" },
  danger: { box: "bg-red-50 text-red-800 ring-red-600/20", dot: "bg-red-500" },
  info: { box: "bg-brand-50 text-brand-900 ring-brand-600/20", dot: "bg-brand-500" },
};

/** `wrap`: long labels may wrap (narrow table cells, phone cards) instead of sticking out. */
export function Badge({
  tone = "neutral",
  wrap = false,
  children,
  className,
}: {
  tone?: BadgeTone;
  wrap?: boolean;
  children: ReactNode;
  className?: string;
}) {
  const style = tones[tone];
  return (
    <span
      className={cx(
        "inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset",
        wrap ? "text-left" : "whitespace-nowrap",
        style.box,
        className,
      )}
    >
      <span aria-hidden="true" className={cx("size-1.5 shrink-0 rounded-full", style.dot)} />
      {children}
    </span>
  );
}

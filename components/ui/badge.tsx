import type { ReactNode } from "react";
import { cx } from "./cx";

/** success: green ("Valide"), warning: orange ("en attente"), neutral: grey, danger: red, info: brand. */
export type BadgeTone = "success" | "warning" | "neutral" | "danger" | "info";

/**
 * A state label with its coloured dot (.ui-badge of app/globals.css, the dot drawn by CSS).
 * `wrap`: long labels may wrap (narrow table cells, phone cards) instead of sticking out.
 */
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
  return <span className={cx("ui-badge", `ui-badge-${tone}`, wrap && "ui-badge-wrap", className)}>{children}</span>;
}

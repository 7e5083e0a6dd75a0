import Link from "next/link";
import type { ButtonHTMLAttributes, ComponentProps } from "react";
import { cx } from "./cx";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
/** xs: a compact button in a dense table row (24 px), 44 px on phones. */
export type ButtonSize = "xs" | "sm" | "md" | "lg";

// The styles are the short classes .ui-btn, .ui-btn-<variant>, .ui-btn-<size> of
// app/globals.css (md and lg keep a 44 px touch target).
export function buttonClasses({
  variant = "primary",
  size = "md",
  block = false,
  className,
}: { variant?: ButtonVariant; size?: ButtonSize; block?: boolean; className?: string } = {}): string {
  return cx("ui-btn", `ui-btn-${variant}`, `ui-btn-${size}`, block && "w-full", className);
}

type StyleProps = { variant?: ButtonVariant; size?: ButtonSize; block?: boolean };

export function Button({
  variant,
  size,
  block,
  className,
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & StyleProps) {
  return <button type={type} className={buttonClasses({ variant, size, block, className })} {...props} />;
}

/** A link that looks like a button. */
export function ButtonLink({ variant, size, block, className, ...props }: ComponentProps<typeof Link> & StyleProps) {
  return <Link className={buttonClasses({ variant, size, block, className })} {...props} />;
}

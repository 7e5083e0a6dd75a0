"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { buttonClasses, type ButtonSize, type ButtonVariant } from "./button";
import { cx } from "./cx";

type DialogProps = {
  title: ReactNode;
  children: ReactNode;
  /** Buttons under the content; "Fermer" is always offered in the corner. */
  footer?: ReactNode;
  /** Uncontrolled use: the label of the button that opens the dialog. */
  triggerLabel?: ReactNode;
  triggerVariant?: ButtonVariant;
  triggerSize?: ButtonSize;
  triggerClassName?: string;
  /** Controlled use: open state and its setter. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  className?: string;
};

/**
 * A modal built on the native <dialog>: focus is trapped and restored by the
 * browser, Escape closes it, and so does a click on the backdrop.
 */
export function Dialog({
  title,
  children,
  footer,
  triggerLabel,
  triggerVariant = "secondary",
  triggerSize = "md",
  triggerClassName,
  open: controlledOpen,
  onOpenChange,
  className,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [uncontrolledOpen, setUncontrolledOpen] = useState(false);
  const open = controlledOpen ?? uncontrolledOpen;

  const setOpen = (next: boolean) => {
    if (controlledOpen === undefined) setUncontrolledOpen(next);
    onOpenChange?.(next);
  };

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <>
      {triggerLabel ? (
        <button
          type="button"
          aria-haspopup="dialog"
          className={buttonClasses({ variant: triggerVariant, size: triggerSize, className: triggerClassName })}
          onClick={() => setOpen(true)}
        >
          {triggerLabel}
        </button>
      ) : null}
      <dialog
        ref={ref}
        aria-labelledby={titleId}
        onClose={() => {
          if (open) setOpen(false);
        }}
        onClick={(event) => {
          // A click on the ::backdrop lands on the <dialog> element itself.
          if (event.target === event.currentTarget) setOpen(false);
        }}
        className={cx(
          "m-auto w-[calc(100%-2rem)] max-w-lg rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl",
          "backdrop:bg-slate-900/50",
          className,
        )}
      >
        <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-5 py-4">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <button
            type="button"
            onClick={() => setOpen(false)}
            className="-m-2 inline-flex size-11 shrink-0 items-center justify-center rounded-lg text-slate-500 hover:bg-slate-100 hover:text-slate-900"
          >
            <span className="sr-only">Fermer</span>
            <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-5">
              <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
            </svg>
          </button>
        </div>
        <div className="max-h-[70vh] overflow-y-auto px-5 py-4">{children}</div>
        <div className="flex flex-wrap justify-end gap-2 border-t border-slate-200 px-5 py-4">
          {footer}
          <button type="button" className={buttonClasses({ variant: footer ? "ghost" : "secondary" })} onClick={() => setOpen(false)}>
            Fermer
          </button>
        </div>
      </dialog>
    </>
  );
}

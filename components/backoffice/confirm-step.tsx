import Link from "next/link";
import type { ReactNode } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { FocusOnMount } from "./focus-on-mount";

type Props = {
  /** id of the heading, unique in the page. */
  id: string;
  /** The question, e.g. "Confirmer la clôture ?". */
  title: string;
  headingLevel?: 2 | 3 | 4;
  children?: ReactNode;
  action: (formData: FormData) => Promise<void>;
  fields: Record<string, string>;
  confirmLabel: string;
  /** Where "Annuler" goes back to: the same page without the confirmation. */
  cancelHref: string;
};

/**
 * The second step of a destructive action. The first step is a link that opens
 * the page with a query flag, so the confirmation is server-rendered and works
 * without JavaScript; "Annuler" is a plain link back and posts nothing.
 */
export function ConfirmStep({ id, title, headingLevel = 2, children, action, fields, confirmLabel, cancelHref }: Props) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby={id} className="rounded-xl border border-red-200 bg-red-50 p-4">
      <Heading id={id} tabIndex={-1} className="font-semibold text-red-900 outline-none">
        {title}
      </Heading>
      <FocusOnMount targetId={id} />
      {children ? <div className="mt-1 text-sm text-slate-700">{children}</div> : null}
      <form action={action} className="mt-3 flex flex-wrap gap-2">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <Button type="submit" variant="danger" size="sm">
          {confirmLabel}
        </Button>
        <Link href={cancelHref} scroll={false} className={buttonClasses({ variant: "secondary", size: "sm" })}>
          Annuler
        </Link>
      </form>
    </section>
  );
}

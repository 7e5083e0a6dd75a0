import { AutoSubmitSelect } from "@/components/missions/auto-submit-select";
import { Button } from "./button";
import { controlClasses } from "./field";
import { cx } from "./cx";

/**
 * "Nombre par page" for a server-rendered list: a GET form keeping the list's
 * other parameters, submitted on change (an OK button without JavaScript).
 * Changing the size goes back to the first page (no `page` kept).
 */
export function PageSizeSelect({
  action,
  keep = {},
  value,
  sizes,
  id = "par-page",
  name = "par",
  className,
}: {
  action: string;
  /** The list's other parameters to keep (sort, filters), by name. */
  keep?: Record<string, string | undefined>;
  value: number;
  sizes: readonly number[];
  id?: string;
  name?: string;
  className?: string;
}) {
  return (
    <form method="get" action={action} className={cx("flex items-center gap-2 text-sm", className)}>
      {Object.entries(keep).map(([k, v]) => (v === undefined || v === "" ? null : <input key={k} type="hidden" name={k} value={v} />))}
      <label htmlFor={id} className="font-medium text-slate-700">
        Nombre par page :
      </label>
      <AutoSubmitSelect id={id} name={name} defaultValue={String(value)} className={controlClasses() + " w-auto py-1.5"}>
        {sizes.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </AutoSubmitSelect>
      <noscript>
        <Button type="submit" size="sm" variant="secondary">
          OK
        </Button>
      </noscript>
    </form>
  );
}

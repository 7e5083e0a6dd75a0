"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId } from "react";
import { cx } from "@/components/ui/cx";
import { Icon } from "./icons";
import { isCurrent, type NavGroup } from "./nav";

/** The menu of a space; marks the current page with aria-current="page". */
export function NavLinks({ groups, label = "Menu principal" }: { groups: NavGroup[]; label?: string }) {
  const pathname = usePathname();
  const baseId = useId();
  return (
    <nav aria-label={label} className="space-y-5">
      {groups.map((group, index) => {
        const headingId = `${baseId}-g${index}`;
        return (
          <div key={group.label ?? index}>
            {group.label ? (
              <p id={headingId} className="mb-1 flex items-center gap-2 px-3 text-xs font-semibold tracking-wider text-slate-500 uppercase">
                {group.icon ? <Icon name={group.icon} className="size-4" /> : null}
                {group.label}
              </p>
            ) : null}
            <ul className="space-y-0.5" aria-labelledby={group.label ? headingId : undefined}>
              {group.items.map((item) => {
                const current = isCurrent(item, pathname);
                return (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      aria-current={current ? "page" : undefined}
                      className={cx(
                        "flex min-h-11 items-center gap-3 rounded-lg border-l-4 px-3 py-2 text-[0.95rem] transition-colors",
                        current
                          ? "border-brand-600 bg-brand-50 text-brand-900 font-semibold"
                          : "border-transparent text-slate-700 hover:bg-slate-100 hover:text-slate-900",
                      )}
                    >
                      <Icon name={item.icon} className={cx("size-5 shrink-0", current ? "text-brand-600" : "text-slate-400")} />
                      <span className="min-w-0">{item.label}</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}

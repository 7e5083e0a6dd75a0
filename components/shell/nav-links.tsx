"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId } from "react";
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
              <p id={headingId} className="ui-nav-group">
                {group.icon ? <Icon name={group.icon} className="size-4" /> : null}
                {group.label}
              </p>
            ) : null}
            <ul className="space-y-0.5" aria-labelledby={group.label ? headingId : undefined}>
              {group.items.map((item) => {
                const current = isCurrent(item, pathname);
                return (
                  <li key={item.href}>
                    <Link href={item.href} aria-current={current ? "page" : undefined} className="ui-nav-link">
                      <Icon name={item.icon} className="" />
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

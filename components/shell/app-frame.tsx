import Link from "next/link";
import type { ReactNode } from "react";
import { Icon } from "./icons";
import { LogoutButton } from "./logout-button";
import { MobileMenu } from "./mobile-menu";
import { NavLinks } from "./nav-links";
import { RouteFocus } from "./route-focus";
import type { NavGroup } from "./nav";

/** "coop emploi", as on the sign-in page, with the name of the space under it. */
export function Brand({ href, space }: { href: string; space?: string }) {
  return (
    <Link href={href} className="flex min-h-11 shrink-0 flex-col justify-center rounded-md leading-none">
      <span className="text-brand-700 text-xl font-bold tracking-tight">
        coop <span className="text-accent-700">emploi</span>
      </span>
      {space ? <span className="ui-space">{space}</span> : null}
    </Link>
  );
}

function Initials({ name }: { name: string }) {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");
  return (
    <span aria-hidden="true" className="ui-initials">
      {initials}
    </span>
  );
}

/**
 * The frame shared by the three spaces: a top bar (brand, who is signed in,
 * "Mon compte", "Déconnexion"), the menu as a left sidebar on large screens
 * and behind a "Menu" button on phones, the page, and the footer.
 */
export function AppFrame({
  homeHref,
  space,
  nav,
  navLabel,
  userName,
  userDetail,
  accountHref,
  children,
}: {
  homeHref: string;
  space: string;
  nav: NavGroup[];
  navLabel?: string;
  userName: string;
  /** A second line under the name (agencies, companies). */
  userDetail?: ReactNode;
  /** Target of "Mon compte", when the space has one. */
  accountHref?: string;
  children: ReactNode;
}) {
  const accountLink = accountHref ? (
    <Link href={accountHref} className="ui-account">
      <Icon name="user" className="size-5 text-slate-400" />
      Mon compte
    </Link>
  ) : null;

  return (
    <div className="flex min-h-screen flex-col">
      <a href="#contenu" className="ui-skip">
        Aller au contenu
      </a>

      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white">
        <div className="ui-topbar">
          <Brand href={homeHref} space={space} />

          <div className="hidden items-center gap-2 lg:flex">
            <div className="mr-2 flex items-center gap-3">
              <Initials name={userName} />
              <div className="leading-tight">
                <p className="text-sm font-semibold text-slate-900">{userName}</p>
                {userDetail ? <p className="text-xs text-slate-500">{userDetail}</p> : null}
              </div>
            </div>
            {accountLink}
            <LogoutButton />
          </div>

          <MobileMenu>
            <div className="flex items-center gap-3 border-b border-slate-200 px-4 py-3">
              <Initials name={userName} />
              <div className="min-w-0 leading-tight">
                <p className="truncate text-sm font-semibold text-slate-900">{userName}</p>
                {userDetail ? <p className="truncate text-xs text-slate-500">{userDetail}</p> : null}
              </div>
            </div>
            <div className="px-2 py-4">
              <NavLinks groups={nav} label={navLabel} />
            </div>
            <div className="flex flex-wrap items-center gap-1 border-t border-slate-200 px-2 py-2">
              {accountLink}
              <LogoutButton />
            </div>
          </MobileMenu>
        </div>
      </header>

      <div className="mx-auto flex w-full max-w-7xl flex-1 gap-5 px-4 sm:px-6">
        <aside className="hidden w-52 shrink-0 lg:block">
          <div className="sticky top-16 max-h-[calc(100vh-4rem)] overflow-y-auto py-6 pr-1">
            <NavLinks groups={nav} label={navLabel} />
          </div>
        </aside>
        <main id="contenu" tabIndex={-1} className="min-w-0 flex-1 py-6 focus:outline-none sm:py-8">
          {children}
        </main>
        <RouteFocus />
      </div>

      <footer className="ui-footer">© 2026 Coop Emploi</footer>
    </div>
  );
}

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
      {space ? <span className="mt-1 text-[0.7rem] font-medium tracking-wider text-slate-500 uppercase">{space}</span> : null}
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
    <span
      aria-hidden="true"
      className="bg-brand-100 text-brand-700 flex size-9 shrink-0 items-center justify-center rounded-full text-sm font-semibold"
    >
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
    <Link
      href={accountHref}
      className="inline-flex min-h-11 items-center gap-2 rounded-lg px-3 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900"
    >
      <Icon name="user" className="size-5 text-slate-400" />
      Mon compte
    </Link>
  ) : null;

  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#contenu"
        className="text-brand-700 fixed top-2 left-2 z-50 -translate-y-24 rounded-md bg-white px-4 py-2 font-medium shadow transition-transform focus:translate-y-0"
      >
        Aller au contenu
      </a>

      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white">
        <div className="relative mx-auto flex h-16 max-w-7xl items-center justify-between gap-3 px-4 sm:px-6">
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

      <footer className="border-t border-slate-200 bg-white px-4 py-5 text-center text-xs text-slate-500">© 2026 Coop Emploi</footer>
    </div>
  );
}

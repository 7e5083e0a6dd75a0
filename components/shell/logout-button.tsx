import { logout } from "@/lib/auth/actions";
import { cx } from "@/components/ui/cx";
import { Icon } from "./icons";

/** "Déconnexion": a form posting to the logout server action (works without JS). */
export function LogoutButton({ className }: { className?: string }) {
  return (
    <form action={logout}>
      <button
        type="submit"
        className={cx(
          "inline-flex min-h-11 items-center gap-2 rounded-lg px-3 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900",
          className,
        )}
      >
        <Icon name="logout" className="size-5 text-slate-400" />
        Déconnexion
      </button>
    </form>
  );
}

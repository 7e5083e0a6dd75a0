import type { ReactNode } from "react";
import { AppFrame } from "./app-frame";
import { workerAccountHref, workerNav } from "./nav";

/** The worker's space: brand, name, "Mon compte", "Déconnexion" and the guide's menu. */
export function WorkerShell({ user, children }: { user: { firstName: string; lastName: string }; children: ReactNode }) {
  return (
    <AppFrame
      homeHref="/"
      space="Espace intérimaire"
      nav={workerNav}
      userName={`${user.firstName} ${user.lastName}`}
      accountHref={workerAccountHref}
    >
      {children}
    </AppFrame>
  );
}

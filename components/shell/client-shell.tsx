import type { ReactNode } from "react";
import { AppFrame } from "./app-frame";
import { clientNav } from "./nav";

/** The client company's space: the user's name and their companies. */
export function ClientShell({
  user,
  companyNames,
  children,
}: {
  user: { firstName: string; lastName: string };
  companyNames: string[];
  children: ReactNode;
}) {
  return (
    <AppFrame
      homeHref="/client"
      space="Espace entreprise"
      nav={clientNav}
      userName={`${user.firstName} ${user.lastName}`}
      userDetail={companyNames.join(", ") || undefined}
    >
      {children}
    </AppFrame>
  );
}

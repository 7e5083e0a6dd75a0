import type { ReactNode } from "react";
import { AppFrame } from "./app-frame";
import { adminNav } from "./nav";

/** The agency's back office: staff name and the codes of their agencies. */
export function AdminShell({
  user,
  agencyCodes,
  children,
}: {
  user: { firstName: string; lastName: string };
  agencyCodes: string[];
  children: ReactNode;
}) {
  return (
    <AppFrame
      homeHref="/admin"
      space="Espace agence"
      nav={adminNav}
      userName={`${user.firstName} ${user.lastName}`}
      userDetail={agencyCodes.length ? `Agence${agencyCodes.length > 1 ? "s" : ""} ${agencyCodes.join(", ")}` : "Aucune agence"}
    >
      {children}
    </AppFrame>
  );
}

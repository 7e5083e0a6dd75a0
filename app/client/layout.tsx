import type { ReactNode } from "react";
import { ClientShell } from "@/components/shell/client-shell";
import { requireClient } from "@/lib/auth/session";
import { clientCompanies } from "@/lib/timesheets/client-queries";

// Every page below also calls requireClient(): the layout alone is not a guard.
export default async function ClientLayout({ children }: { children: ReactNode }) {
  const user = await requireClient();
  const clients = await clientCompanies(user);
  return (
    <ClientShell user={user} companyNames={clients.map((c) => c.name)}>
      {children}
    </ClientShell>
  );
}

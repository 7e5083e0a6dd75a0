import type { ReactNode } from "react";
import { AdminShell } from "@/components/shell/admin-shell";
import { requireStaff } from "@/lib/auth/session";
import { staffAgencies } from "@/lib/backoffice/agencies";

// Every page below also calls requireStaff(): the layout alone is not a guard.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaff();
  const agencies = await staffAgencies(staff);
  return (
    <AdminShell user={staff} agencyCodes={agencies.map((a) => a.code)}>
      {children}
    </AdminShell>
  );
}

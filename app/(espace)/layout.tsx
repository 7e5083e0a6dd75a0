import type { ReactNode } from "react";
import { WorkerShell } from "@/components/shell/worker-shell";
import { requireWorker } from "@/lib/auth/session";

// Every page below also calls requireWorker(): the layout alone is not a guard.
export default async function WorkerLayout({ children }: { children: ReactNode }) {
  const user = await requireWorker();
  return <WorkerShell user={user}>{children}</WorkerShell>;
}

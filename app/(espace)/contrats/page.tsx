import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { workerPages } from "@/components/shell/nav";
import { Badge } from "@/components/ui/badge";
import { requireWorker } from "@/lib/auth/session";

const page = workerPages.contrats;
export const metadata: Metadata = { title: page.title };

export default async function ContractsPage() {
  await requireWorker();
  return (
    <ComingSoon
      page={page}
      intro={
        <>
          <p>
            Consultez les informations de vos missions et signez vos contrats. Chaque ligne correspond à un contrat ; vous recevrez
            un code par SMS pour confirmer la signature électronique de votre contrat.
          </p>
          <p className="mt-2">
            Quand c&apos;est vert, le contrat est signé : <Badge tone="success">Valide</Badge>
          </p>
        </>
      }
    />
  );
}

import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { workerPages } from "@/components/shell/nav";
import { Badge } from "@/components/ui/badge";
import { requireWorker } from "@/lib/auth/session";

const page = workerPages.fichePerso;
export const metadata: Metadata = { title: page.title };

export default async function PersonalFilePage() {
  await requireWorker();
  return (
    <ComingSoon
      page={page}
      intro={
        <>
          <p>
            Vous retrouverez l&apos;ensemble des informations saisies lors de votre inscription : nom, coordonnées, documents
            administratifs, RIB, etc.
          </p>
          <p className="mt-2">
            Vous pourrez mettre à jour ces informations, par exemple pour modifier votre RIB ou votre adresse. Le statut{" "}
            <Badge tone="warning">en attente</Badge> indique que les éléments que vous avez saisis sont en attente de validation
            par l&apos;agence.
          </p>
        </>
      }
    />
  );
}

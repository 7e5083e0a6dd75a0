import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { workerPages } from "@/components/shell/nav";
import { Alert } from "@/components/ui/alert";
import { requireWorker } from "@/lib/auth/session";

const page = workerPages.acomptes;
export const metadata: Metadata = { title: page.title };

export default async function AdvancesPage() {
  await requireWorker();
  return (
    <ComingSoon
      page={page}
      intro={
        <>
          <p>
            Les acomptes sont émis <strong>le mercredi</strong>. Merci de passer vos demandes d&apos;acompte{" "}
            <strong>avant mardi soir 00h00</strong>.
          </p>
          <p className="mt-2">
            Le montant de l&apos;acompte est ensuite validé par le service paie en fonction de vos heures de travail. Vous êtes
            alerté par email en cas de refus, quand l&apos;acompte est accepté et quand le virement est fait.
          </p>
        </>
      }
    >
      <Alert variant="warning">Aucun acompte ne peut être versé après le dernier mercredi du mois.</Alert>
    </ComingSoon>
  );
}

import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { workerPages } from "@/components/shell/nav";
import { requireWorker } from "@/lib/auth/session";

const page = workerPages.plannings;
export const metadata: Metadata = { title: page.title };

export default async function PlanningPage() {
  await requireWorker();
  return (
    <ComingSoon
      page={page}
      intro={
        <>
          <p>
            Le planning du mois en cours s&apos;affiche par défaut, avec le total de vos heures du mois. Vous pourrez changer
            l&apos;affichage : mois, semaine ou jour.
          </p>
          <p className="mt-2">
            Les créneaux de couleur ouvrent la page du contrat correspondant. Les créneaux gris clair correspondent aux dates en
            attente de validation.
          </p>
        </>
      }
    />
  );
}

import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { workerPages } from "@/components/shell/nav";
import { requireWorker } from "@/lib/auth/session";

const page = workerPages.disponibilites;
export const metadata: Metadata = { title: page.title };

export default async function AvailabilityPage() {
  await requireWorker();
  return (
    <ComingSoon
      page={page}
      intro={
        <p>
          Renseignez ici vos disponibilités et indisponibilités, jour par jour (matin, après-midi, nuit ou journée entière), pour
          que l&apos;agence puisse vous proposer des missions.
        </p>
      }
    />
  );
}

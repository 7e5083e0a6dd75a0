import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { workerPages } from "@/components/shell/nav";
import { Alert } from "@/components/ui/alert";
import { requireWorker } from "@/lib/auth/session";

const page = workerPages.diplomes;
export const metadata: Metadata = { title: page.title };

export default async function DiplomasPage() {
  await requireWorker();
  return (
    <ComingSoon
      page={page}
      intro={
        <p>
          Saisissez ici vos diplômes d&apos;État et autres certifications : le nom du diplôme, sa date d&apos;obtention et le
          document en pièce jointe.
        </p>
      }
    >
      <Alert variant="warning" title="Attention">
        Sans diplôme, l&apos;agence ne pourra pas vous attribuer de qualification. De ce fait, aucune mission ne pourra vous être
        proposée.
      </Alert>
    </ComingSoon>
  );
}

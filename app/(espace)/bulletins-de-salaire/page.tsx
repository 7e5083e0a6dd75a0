import type { Metadata } from "next";
import { workerPages } from "@/components/shell/nav";
import { DocumentListPage } from "@/components/documents/document-list-page";
import { requireWorker } from "@/lib/auth/session";
import { workerAgencySettings } from "@/lib/documents/queries";

const page = workerPages.bulletins;
export const metadata: Metadata = { title: page.title };

export default async function PayslipsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireWorker();
  const agencies = await workerAgencySettings(user.workerId);
  const payrollEmails = [...new Set(agencies.map((a) => a.payrollEmail).filter((e): e is string => !!e))];
  const first = agencies[0];

  return (
    <DocumentListPage
      page={page}
      kind="PAYSLIP"
      workerId={user.workerId}
      searchParams={await searchParams}
      intro={
        <>
          <p>
            Vous pouvez télécharger un bulletin de paie en cliquant sur l&apos;icône, ou une sélection de bulletins en utilisant les cases à
            cocher puis « Télécharger ». N&apos;hésitez pas à modifier le nombre de lignes si vous souhaitez télécharger un lot de
            bulletins.
          </p>
          {first ? (
            <p className="mt-2">
              Les bulletins de salaire sont automatiquement ajoutés sur votre espace entre le {first.payslipDayFrom} et le{" "}
              {first.payslipDayTo} du mois.
            </p>
          ) : null}
          {payrollEmails.length ? (
            <p className="mt-2">
              <strong>Remarque :</strong> pour toute question sur votre bulletin de salaire, merci d&apos;envoyer votre demande par e-mail à{" "}
              {payrollEmails.map((email, index) => (
                <span key={email}>
                  {index > 0 ? " ou " : null}
                  <a href={`mailto:${email}`} className="text-brand-700 font-medium [overflow-wrap:anywhere] underline underline-offset-2">
                    {email}
                  </a>
                </span>
              ))}
              .
            </p>
          ) : null}
        </>
      }
    />
  );
}

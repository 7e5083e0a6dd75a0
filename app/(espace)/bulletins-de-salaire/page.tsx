import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { workerPages } from "@/components/shell/nav";
import { requireWorker } from "@/lib/auth/session";
import { db } from "@/lib/db";

const page = workerPages.bulletins;
export const metadata: Metadata = { title: page.title };

export default async function PayslipsPage() {
  const user = await requireWorker();
  const agencies = await db.agency.findMany({
    where: { workerNumbers: { some: { workerId: user.workerId } } },
    select: { payrollEmail: true, payslipDayFrom: true, payslipDayTo: true },
    orderBy: { code: "asc" },
  });
  const first = agencies[0];
  const payrollEmails = [...new Set(agencies.map((a) => a.payrollEmail).filter((e): e is string => !!e))];

  return (
    <ComingSoon
      page={page}
      intro={
        <>
          <p>
            Vous pourrez consulter et télécharger vos bulletins de salaire depuis cette rubrique, un par un ou plusieurs à la fois.
            {first ? ` Les bulletins sont ajoutés sur votre espace entre le ${first.payslipDayFrom} et le ${first.payslipDayTo} du mois.` : null}
          </p>
          {payrollEmails.length ? (
            <p className="mt-2">
              Pour toute question sur votre bulletin de salaire, merci d&apos;envoyer votre demande par email à{" "}
              {payrollEmails.map((email, index) => (
                <span key={email}>
                  {index > 0 ? " ou " : null}
                  <a href={`mailto:${email}`} className="font-medium text-brand-700 underline underline-offset-2 [overflow-wrap:anywhere]">
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

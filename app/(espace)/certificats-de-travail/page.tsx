import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { workerPages } from "@/components/shell/nav";
import { requireWorker } from "@/lib/auth/session";
import { db } from "@/lib/db";

const page = workerPages.certificatsDeTravail;
export const metadata: Metadata = { title: page.title };

export default async function WorkCertificatesPage() {
  const user = await requireWorker();
  const agencies = await db.agency.findMany({
    where: { workerNumbers: { some: { workerId: user.workerId } } },
    select: { email: true, frontDeskEmail: true },
    orderBy: { code: "asc" },
  });
  const emails = [...new Set(agencies.map((a) => a.email ?? a.frontDeskEmail).filter((e): e is string => !!e))];

  return (
    <ComingSoon
      page={page}
      intro={
        <p>
          Vous pourrez consulter et télécharger ici vos certificats de travail ; vous êtes prévenu par email quand un nouveau
          certificat est ajouté. Ces documents sont disponibles sur demande
          {emails.length ? (
            <>
              {" "}: la demande est à faire par email à{" "}
              {emails.map((email, index) => (
                <span key={email}>
                  {index > 0 ? " ou " : null}
                  <a href={`mailto:${email}`} className="font-medium text-brand-700 underline underline-offset-2 [overflow-wrap:anywhere]">
                    {email}
                  </a>
                </span>
              ))}
            </>
          ) : (
            " auprès de votre agence"
          )}
          .
        </p>
      }
    />
  );
}

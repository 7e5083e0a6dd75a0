import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { workerPages } from "@/components/shell/nav";
import { requireWorker } from "@/lib/auth/session";
import { db } from "@/lib/db";

const page = workerPages.attestationsAssedic;
export const metadata: Metadata = { title: page.title };

export default async function AssedicCertificatesPage() {
  const user = await requireWorker();
  const agencies = await db.agency.findMany({
    where: { workerNumbers: { some: { workerId: user.workerId } } },
    select: { frontDeskEmail: true, email: true },
    orderBy: { code: "asc" },
  });
  const emails = [...new Set(agencies.map((a) => a.frontDeskEmail ?? a.email).filter((e): e is string => !!e))];

  return (
    <ComingSoon
      page={page}
      intro={
        <p>
          Vous pourrez consulter et télécharger ici vos attestations Assedic ; vous êtes prévenu par email quand une nouvelle
          attestation est ajoutée. Ces documents sont disponibles sur demande
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

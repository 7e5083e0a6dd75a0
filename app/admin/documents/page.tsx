import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { adminPages } from "@/components/shell/nav";
import { requireStaff } from "@/lib/auth/session";

const page = adminPages.documents;
export const metadata: Metadata = { title: page.title };

export default async function DocumentsPage() {
  await requireStaff();
  return (
    <ComingSoon
      page={page}
      intro={<p>Publier les bulletins de salaire, attestations Assedic et certificats de travail, un par un ou par lot.</p>}
      notice="Bientôt disponible"
      noticeDetail={"Cette page de l'espace agence n'est pas encore ouverte."}
    />
  );
}

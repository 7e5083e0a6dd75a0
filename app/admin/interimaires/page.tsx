import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { adminPages } from "@/components/shell/nav";
import { requireStaff } from "@/lib/auth/session";

const page = adminPages.interimaires;
export const metadata: Metadata = { title: page.title };

export default async function WorkersPage() {
  await requireStaff();
  return (
    <ComingSoon
      page={page}
      intro={<p>La liste des intérimaires de vos agences, avec leur fiche, leurs qualifications et leurs documents.</p>}
      notice="Bientôt disponible"
      noticeDetail={"Cette page de l'espace agence n'est pas encore ouverte."}
    />
  );
}

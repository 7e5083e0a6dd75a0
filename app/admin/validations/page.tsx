import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { adminPages } from "@/components/shell/nav";
import { requireStaff } from "@/lib/auth/session";

const page = adminPages.validations;
export const metadata: Metadata = { title: page.title };

export default async function ValidationsPage() {
  await requireStaff();
  return (
    <ComingSoon
      page={page}
      intro={<p>Valider ou refuser les modifications de fiche perso et les diplômes déposés par les intérimaires.</p>}
      notice="Bientôt disponible"
      noticeDetail={"Cette page de l'espace agence n'est pas encore ouverte."}
    />
  );
}

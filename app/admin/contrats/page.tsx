import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { adminPages } from "@/components/shell/nav";
import { requireStaff } from "@/lib/auth/session";

const page = adminPages.contrats;
export const metadata: Metadata = { title: page.title };

export default async function ContractsPage() {
  await requireStaff();
  return (
    <ComingSoon
      page={page}
      intro={<p>Créer et modifier les contrats et leurs créneaux, les envoyer à la signature et suivre leur état.</p>}
      notice="Bientôt disponible"
      noticeDetail={"Cette page de l'espace agence n'est pas encore ouverte."}
    />
  );
}

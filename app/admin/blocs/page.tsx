import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { adminPages } from "@/components/shell/nav";
import { requireStaff } from "@/lib/auth/session";

const page = adminPages.blocs;
export const metadata: Metadata = { title: page.title };

export default async function DashboardBlocksPage() {
  await requireStaff();
  return (
    <ComingSoon
      page={page}
      intro={<p>Modifier les blocs d&apos;information du Tableau de bord des intérimaires : procédures, contacts par pôle, actualités.</p>}
      notice="Bientôt disponible"
      noticeDetail={"Cette page de l'espace agence n'est pas encore ouverte."}
    />
  );
}

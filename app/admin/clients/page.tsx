import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { adminPages } from "@/components/shell/nav";
import { requireStaff } from "@/lib/auth/session";

const page = adminPages.clients;
export const metadata: Metadata = { title: page.title };

export default async function ClientsPage() {
  await requireStaff();
  return (
    <ComingSoon
      page={page}
      intro={<p>Les entreprises clientes, leurs sites (adresse, moyen d&apos;accès) et leurs comptes pour la saisie des heures.</p>}
      notice="Bientôt disponible"
      noticeDetail={"Cette page de l'espace agence n'est pas encore ouverte."}
    />
  );
}

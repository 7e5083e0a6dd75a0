import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { adminPages } from "@/components/shell/nav";
import { requireStaff } from "@/lib/auth/session";

const page = adminPages.acomptes;
export const metadata: Metadata = { title: page.title };

export default async function AdvancesPage() {
  await requireStaff();
  return (
    <ComingSoon
      page={page}
      intro={<p>Traiter les demandes d&apos;acompte : accepter, refuser avec un motif, marquer comme versées, au regard des heures validées.</p>}
      notice="Bientôt disponible"
      noticeDetail={"Cette page de l'espace agence n'est pas encore ouverte."}
    />
  );
}

import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { adminPages } from "@/components/shell/nav";
import { requireStaff } from "@/lib/auth/session";

const page = adminPages.ciblages;
export const metadata: Metadata = { title: page.title };

export default async function TargetingPage() {
  await requireStaff();
  return (
    <ComingSoon
      page={page}
      intro={<p>Proposer une mission aux intérimaires qualifiés, disponibles et dans leur rayon de mobilité, puis clôturer le ciblage.</p>}
      notice="Bientôt disponible"
      noticeDetail={"Cette page de l'espace agence n'est pas encore ouverte."}
    />
  );
}

import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { adminPages } from "@/components/shell/nav";
import { requireStaff } from "@/lib/auth/session";

const page = adminPages.audit;
export const metadata: Metadata = { title: page.title };

export default async function AuditLogPage() {
  await requireStaff();
  return (
    <ComingSoon
      page={page}
      intro={<p>Consulter le journal des actions : connexions, signatures, validations, décisions sur les acomptes.</p>}
      notice="Bientôt disponible"
      noticeDetail={"Cette page de l'espace agence n'est pas encore ouverte."}
    />
  );
}

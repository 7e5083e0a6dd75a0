import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import type { PageDef } from "./nav";

/**
 * A section that is not open yet: its real title, breadcrumbs and explanation
 * from the guide, then an honest notice. No sample data.
 */
export function ComingSoon({
  page,
  intro,
  notice = "Cette rubrique sera bientôt disponible.",
  noticeDetail = "Vous pourrez bientôt retrouver ici toutes les informations de cette rubrique.",
  children,
}: {
  page: PageDef;
  intro?: ReactNode;
  notice?: string;
  noticeDetail?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="space-y-6">
      <PageHeader title={page.title} breadcrumbs={page.breadcrumbs} description={intro} />
      {children}
      <EmptyState title={notice} description={noticeDetail} />
    </div>
  );
}

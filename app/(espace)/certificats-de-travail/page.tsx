import type { Metadata } from "next";
import { workerPages } from "@/components/shell/nav";
import { RequestableDocumentsPage } from "@/components/documents/requestable-page";
import { requireWorker } from "@/lib/auth/session";

const page = workerPages.certificatsDeTravail;
export const metadata: Metadata = { title: page.title };

export default async function WorkCertificatesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireWorker();
  return <RequestableDocumentsPage page={page} kind="WORK_CERTIFICATE" workerId={user.workerId} searchParams={await searchParams} />;
}

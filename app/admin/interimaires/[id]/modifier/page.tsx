import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { adminPages } from "@/components/shell/nav";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaff } from "@/lib/auth/session";
import { personName } from "@/lib/backoffice/scope";
import { staffWorkerEdit } from "@/lib/backoffice/worker-edit-queries";
import { newFormKey } from "@/lib/forms";
import { idParam } from "@/lib/http/params";
import { WorkerEditForm } from "./edit-form";

export const metadata: Metadata = { title: "Modifier les informations" };

export default async function WorkerEditPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff();
  const id = await idParam(params);
  const file = await staffWorkerEdit(staff, id);
  if (!file) notFound();
  const name = personName(file.user);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Modifier les informations"
        breadcrumbs={[
          { label: "Accueil", href: "/admin" },
          { label: adminPages.interimaires.title, href: adminPages.interimaires.href },
          { label: name, href: `/admin/interimaires/${id}` },
          { label: "Modifier les informations" },
        ]}
        description={
          <>
            Fiche de <strong>{name}</strong>. Les valeurs enregistrées ici s&apos;appliquent immédiatement, sans validation ;
            l&apos;intérimaire en est informé par e-mail.
          </>
        }
      />
      {file.pending.length ? (
        <Alert variant="warning" title="Demandes de l'intérimaire en attente">
          {file.pending.map((p) => p.label).join(", ")} : l&apos;intérimaire a demandé une modification. Enregistrer ici la même valeur
          valide sa demande ; une autre valeur la laisse en attente, à traiter dans{" "}
          <Link href="/admin/validations" className="font-medium underline">
            Validations
          </Link>
          .
        </Alert>
      ) : null}
      <WorkerEditForm workerId={id} formKey={newFormKey()} initial={file.initial} masked={file.masked} pending={file.pending} />
    </div>
  );
}

// The evidence file ("dossier de preuve") of a contract, for staff of its
// agency: built from the audit log and the stored signatures, sealed, never
// stored. Anyone else gets a 404, as if the contract did not exist.
import { cleanId } from "@/lib/forms";
import { routeCaller } from "@/lib/auth/route";
import { buildContractEvidencePdf } from "@/lib/contracts/evidence";

const notFound = () => new Response("Introuvable", { status: 404 });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = cleanId((await params).id);
  if (!id) return notFound();
  const staff = await routeCaller(request, ["STAFF"], { denied: notFound });
  if (staff instanceof Response) return staff;
  const file = await buildContractEvidencePdf(staff, id);
  if (!file) return notFound();
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(file.bytes.length),
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

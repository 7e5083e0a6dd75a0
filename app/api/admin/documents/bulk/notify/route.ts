// Bulk publish, many PDFs: each file's email was queued with its document
// (one transaction per file, see publishDocument); this answers how many
// emails the batch queued, for the summary. It sends nothing itself.
import { z } from "zod";
import { countPublishedEmails } from "@/lib/documents/publish";
import { documentsUploadedBy } from "@/lib/documents/access";
import { guardStaff, json } from "@/lib/auth/route";

const Body = z.object({ batch: z.string().min(8).max(64), documentIds: z.array(z.string().min(1).max(40)).max(5000) });

export async function POST(request: Request) {
  const staff = await guardStaff(request);
  if (staff instanceof Response) return staff;
  const parsed = Body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return json({ error: "Requête invalide." }, 400);
  // Only documents this staff member published.
  const mine = await documentsUploadedBy(staff.userId, parsed.data.documentIds);
  return json({ emails: await countPublishedEmails(staff, mine) });
}

// Bulk publish, many PDFs: what each file name would become, before upload.
import { z } from "zod";
import { previewPayslips } from "@/lib/documents/publish";
import { guardStaff, json } from "@/lib/auth/route";

const Body = z.object({
  agencyId: z.string().min(1),
  files: z
    .array(z.object({ name: z.string().min(1).max(300), size: z.number().int().min(0).optional(), isPdf: z.boolean().optional() }))
    .min(1)
    .max(2000),
});

export async function POST(request: Request) {
  const staff = await guardStaff(request);
  if (staff instanceof Response) return staff;
  const parsed = Body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return json({ error: "Requête invalide." }, 400);
  if (!staff.agencyIds.includes(parsed.data.agencyId)) return json({ error: "Agence introuvable." }, 404);
  return json({ rows: await previewPayslips(parsed.data.agencyId, parsed.data.files) });
}

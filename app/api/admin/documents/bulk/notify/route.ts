// Bulk publish, many PDFs: once every file is in, one email per worker.
import { z } from "zod";
import { notifyPublished } from "@/lib/documents/publish";
import { guardStaff, json } from "@/lib/documents/staff-route";
import { hitRateLimit } from "@/lib/rate-limit";
import { db } from "@/lib/db";

const Body = z.object({ batch: z.string().min(8).max(64), documentIds: z.array(z.string().min(1).max(40)).max(5000) });

export async function POST(request: Request) {
  const staff = await guardStaff(request);
  if (staff instanceof Response) return staff;
  const parsed = Body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return json({ error: "Requête invalide." }, 400);
  // A batch is announced once, even if the page sends it twice.
  const once = await hitRateLimit(`bulk-notify:${staff.userId}:${parsed.data.batch}`, 1, 7 * 86_400);
  if (!once.allowed) return json({ emails: 0 });
  // Only documents this staff member just published in this batch.
  const mine = await db.document.findMany({
    where: { id: { in: parsed.data.documentIds }, uploadedById: staff.userId },
    select: { id: true },
  });
  return json({ emails: await notifyPublished(staff, mine.map((d) => d.id)) });
}

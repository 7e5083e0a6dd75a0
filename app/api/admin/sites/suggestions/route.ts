// The site picker of the new-contract form: at most 20 sites of the caller's
// agencies' clients matching ?q= (site name, city or client name).
import { guardStaff, json } from "@/lib/auth/route";
import { siteSuggestions } from "@/lib/backoffice/contract-queries";

export async function GET(request: Request) {
  const staff = await guardStaff(request);
  if (staff instanceof Response) return staff;
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  return json({ options: await siteSuggestions(staff, query) });
}

// The worker picker of the new-contract form: at most 20 active workers of the
// caller's agencies matching ?q= (name or agency number, accents and case ignored).
import { guardStaff, json } from "@/lib/auth/route";
import { workerSuggestions } from "@/lib/backoffice/contract-queries";

export async function GET(request: Request) {
  const staff = await guardStaff(request);
  if (staff instanceof Response) return staff;
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  return json({ options: await workerSuggestions(staff, query) });
}

"use server";
// The worker's "Demander un nouveau document" (lib/documents/request.ts does the work).
import { requireWorker } from "@/lib/auth/session";
import type { FormState } from "@/lib/forms";
import { now } from "@/lib/clock";
import { submissionKey } from "@/lib/submissions";
import { requestDocument } from "./request";

export async function requestNewDocument(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireWorker();
  return requestDocument(user, { kind: String(formData.get("kind") ?? ""), message: String(formData.get("message") ?? "") }, await now(), submissionKey(user.id, formData));
}

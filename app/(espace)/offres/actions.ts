"use server";

import { formId } from "@/lib/forms";
import { notFound, redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireWorker } from "@/lib/auth/session";
import { answerOffer } from "@/lib/ciblage/service";
import { now } from "@/lib/clock";

/** The worker's answer to an offer: yes or no, idempotent. */
export async function answerOfferAction(formData: FormData) {
  const worker = await requireWorker();
  const answer = String(formData.get("answer") ?? "");
  if (answer !== "yes" && answer !== "no") notFound();
  const result = await answerOffer(worker, formId(formData, "offerId"), answer === "yes", await now());
  if (!result) notFound();
  revalidatePath("/offres");
  if ("error" in result) redirect(`/offres?err=${encodeURIComponent(result.error ?? "")}`);
  redirect(`/offres?ok=${answer === "yes" ? "oui" : "non"}`);
}

"use server";

import { notFound, redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workerAction } from "@/lib/auth/action";
import { answerOffer } from "@/lib/ciblage/service";
import { now } from "@/lib/clock";
import { cleanId } from "@/lib/forms";

// Any other answer is no form of this page: a 404, as an unknown offer.
const answerSchema = z.object({
  answer: z.enum(["yes", "no"]),
  offerId: z
    .string()
    .optional()
    .transform((v) => cleanId(v) ?? ""),
});

/** The worker's answer to an offer: yes or no, idempotent. */
export const answerOfferAction = workerAction.post(answerSchema, async (data, worker) => {
  const result = await answerOffer(worker, data.offerId, data.answer === "yes", await now());
  if (!result) notFound();
  revalidatePath("/offres");
  if (!result.ok) redirect(`/offres?err=${encodeURIComponent(result.message)}`);
  redirect(`/offres?ok=${data.answer === "yes" ? "oui" : "non"}`);
});

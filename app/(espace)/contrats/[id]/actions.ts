"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workerAction } from "@/lib/auth/action";
import { cleanId } from "@/lib/forms";
import { confirmSignature } from "@/lib/contracts/confirm-signature";
import { requestSignatureCode } from "@/lib/contracts/request-signature-code";
import { type Result, okWith } from "@/lib/result";

/** Where the signing panel stands: the consent box, then the code sent to the masked phone. */
export type SignStep = { step: "consent" | "code"; maskedPhone?: string };

const contractId = z
  .string()
  .optional()
  .transform((v) => cleanId(v) ?? "");

// `step` is the panel's current step (a hidden field): the consent box is required only on the first request.
const requestSchema = z.object({ contractId, step: z.enum(["consent", "code"]).catch("consent"), consent: z.string().optional() });

export const requestCodeAction = workerAction(requestSchema, async (data, user): Promise<Result<SignStep>> => {
  if (data.step === "consent" && data.consent !== "on") {
    return { ok: false, message: "Cochez la case pour accepter de signer électroniquement ce contrat.", data: { step: "consent" } };
  }
  const result = await requestSignatureCode(data.contractId, { id: user.id, workerId: user.workerId });
  if (result.ok)
    return okWith(
      { step: "code", maskedPhone: result.data.maskedPhone },
      `Un code à 6 chiffres a été envoyé par SMS au ${result.data.maskedPhone}.`,
    );
  if (result.data?.finished) redirect(`/contrats/${data.contractId}`);
  const maskedPhone = result.data?.maskedPhone;
  return { ok: false, message: result.message, data: { step: data.step === "code" || maskedPhone ? "code" : data.step, maskedPhone } };
});

const confirmSchema = z.object({
  contractId,
  code: z
    .string()
    .optional()
    .default("")
    .transform((v) => v.replace(/\s/g, "")),
});

export const confirmCodeAction = workerAction(confirmSchema, async (data, user): Promise<Result<SignStep>> => {
  if (!/^\d{6}$/.test(data.code)) {
    const message = "Saisissez le code à 6 chiffres reçu par SMS.";
    return { ok: false, message, fieldErrors: { code: message }, data: { step: "code" } };
  }
  const result = await confirmSignature(data.contractId, data.code, user);
  if (result.ok || result.data?.finished) {
    revalidatePath("/contrats");
    redirect(`/contrats/${data.contractId}${result.ok ? "?signe=1" : ""}`);
  }
  return {
    ok: false,
    message: result.message,
    fieldErrors: { code: result.message },
    data: { step: "code", maskedPhone: result.data?.maskedPhone },
  };
});

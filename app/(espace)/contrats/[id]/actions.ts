"use server";

import { formId } from "@/lib/forms";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireWorker } from "@/lib/auth/session";
import { confirmSignature } from "@/lib/contracts/confirm-signature";
import { requestSignatureCode } from "@/lib/contracts/request-signature-code";

export type SignFormState = { step: "consent" | "code"; error?: string; codeError?: string; maskedPhone?: string; message?: string; finished?: boolean };

export async function requestCodeAction(prev: SignFormState, formData: FormData): Promise<SignFormState> {
  const user = await requireWorker();
  const contractId = formId(formData, "contractId");
  if (prev.step === "consent" && formData.get("consent") !== "on") {
    return { ...prev, error: "Cochez la case pour accepter de signer électroniquement ce contrat." };
  }
  const result = await requestSignatureCode(contractId, { id: user.id, workerId: user.workerId });
  if (result.ok) return { step: "code", maskedPhone: result.maskedPhone, message: `Un code à 6 chiffres a été envoyé par SMS au ${result.maskedPhone}.` };
  if (result.finished) redirect(`/contrats/${contractId}`);
  return { step: prev.step === "code" || result.maskedPhone ? "code" : prev.step, maskedPhone: result.maskedPhone ?? prev.maskedPhone, error: result.error };
}

export async function confirmCodeAction(prev: SignFormState, formData: FormData): Promise<SignFormState> {
  const user = await requireWorker();
  const contractId = formId(formData, "contractId");
  const code = String(formData.get("code") ?? "").replace(/\s/g, "");
  if (!/^\d{6}$/.test(code)) return { ...prev, step: "code", codeError: "Saisissez le code à 6 chiffres reçu par SMS.", error: undefined, message: undefined };
  const result = await confirmSignature(contractId, code, user);
  if (result.ok || result.finished) {
    revalidatePath("/contrats");
    redirect(`/contrats/${contractId}${result.ok ? "?signe=1" : ""}`);
  }
  return { ...prev, step: "code", codeError: result.error, error: undefined, message: undefined, maskedPhone: result.maskedPhone ?? prev.maskedPhone };
}

// The worker asks for a one-time signing code, sent by SMS at once. Every rule
// lives in the database (codes, resend limits), so it holds across instances.
import "server-only";
import { db } from "@/lib/db";
import { workerContracts } from "@/lib/auth/scope";
import { now } from "@/lib/clock";
import { recordAudit } from "@/lib/audit";
import { MessageDeliveryError, sendSms, templates } from "@/lib/messaging";
import {
  CODE_TTL_MINUTES,
  SMS_FAILED_MESSAGE,
  codeExpiry,
  generateCode,
  hashCode,
  maskPhone,
  resendDecision,
  type CodeBinding,
  type SignResult,
} from "./rules";

/** The worker's own contract, or null (another worker's id is a 404 for the caller). */
function ownContract(contractId: string, workerId: string) {
  return db.contract.findFirst({
    where: { id: contractId, ...workerContracts(workerId) },
    include: { worker: { include: { user: true } }, agency: true },
  });
}

/** Sends a new code (after consent), invalidating the previous one; limited to 1 a minute, 5 an hour. */
export async function requestSignatureCode(contractId: string, user: { id: string; workerId: string }): Promise<SignResult> {
  const at = await now();
  const c = await ownContract(contractId, user.workerId);
  if (!c) return { ok: false, message: "Contrat introuvable.", data: { finished: true } };
  if (c.state === "SIGNED") return { ok: false, message: "Ce contrat est déjà signé.", data: { finished: true } };
  if (c.state !== "AWAITING_SIGNATURE") return { ok: false, message: "Ce contrat n'est pas à signer.", data: { finished: true } };
  const phone = c.worker.phone;
  if (!c.issuedSha256 || !c.issuedDocumentId) {
    // Issuing stores the document: a contract to sign without one is an old row the backfill has not completed.
    console.error("[contracts] contract to sign without an issued document", c.id);
    return { ok: false, message: "Le document du contrat n'est pas encore disponible : contactez votre agence." };
  }
  if (!phone) return { ok: false, message: "Aucun numéro de portable n'est renseigné sur votre fiche : contactez votre agence." };
  const masked = maskPhone(phone);
  const binding: CodeBinding = { contractId: c.id, userId: user.id, documentSha256: c.issuedSha256 };
  const code = generateCode();

  // Serialize per contract and user: lock the contract row while deciding.
  const outcome = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Contract" WHERE id = ${c.id} FOR UPDATE`;
    const recent = await tx.signatureCode.findMany({
      where: { contractId: c.id, userId: user.id, createdAt: { gt: new Date(at.getTime() - 3_600_000) } },
      select: { createdAt: true },
    });
    const decision = resendDecision(
      recent.map((r) => r.createdAt),
      at,
    );
    if (!decision.allowed) return decision;
    await tx.signatureCode.updateMany({
      where: { contractId: c.id, userId: user.id, usedAt: null, invalidatedAt: null },
      data: { invalidatedAt: at },
    });
    const created = await tx.signatureCode.create({
      data: {
        contractId: c.id,
        userId: user.id,
        documentSha256: binding.documentSha256,
        codeHash: hashCode(code, binding),
        expiresAt: codeExpiry(at),
        createdAt: at,
      },
      select: { id: true },
    });
    return { ...decision, codeId: created.id };
  });
  if (!outcome.allowed) {
    await recordAudit(
      db,
      { type: "contract.signature_code_refused", data: { reason: outcome.reason } },
      { actorId: user.id, subjectUserId: user.id, agencyId: c.agencyId, entityType: "Contract", entityId: c.id },
    );
    const wait =
      outcome.reason === "minute" ? `${outcome.retryAfterSeconds} secondes` : `${Math.ceil(outcome.retryAfterSeconds / 60)} minutes`;
    return {
      ok: false,
      message:
        outcome.reason === "minute"
          ? `Un code vient d'être envoyé. Vous pourrez en demander un nouveau dans ${wait}.`
          : `Trop de codes demandés pour ce contrat. Réessayez dans ${wait}.`,
      data: { maskedPhone: masked },
    };
  }
  try {
    await sendSms({ to: phone, userId: user.id, text: templates.signatureCode({ code, validMinutes: CODE_TTL_MINUTES }) });
  } catch (error) {
    if (!(error instanceof MessageDeliveryError)) throw error;
    // The worker never got this code: drop it, so that it neither works nor
    // counts against the resend limits (which count the stored codes).
    await db.signatureCode.deleteMany({ where: { id: outcome.codeId } });
    await recordAudit(
      db,
      { type: "contract.signature_code_failed", data: { phone: masked, outboxId: error.outboxId } },
      { actorId: user.id, subjectUserId: user.id, agencyId: c.agencyId, entityType: "Contract", entityId: c.id },
    );
    return { ok: false, message: SMS_FAILED_MESSAGE };
  }
  await recordAudit(
    db,
    { type: "contract.signature_code_sent", data: { phone: masked, documentSha256: binding.documentSha256 } },
    { actorId: user.id, subjectUserId: user.id, agencyId: c.agencyId, entityType: "Contract", entityId: c.id },
  );
  return { ok: true, data: { maskedPhone: masked } };
}

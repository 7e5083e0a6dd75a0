// Staff send a contract for signature ("Nouveau contrat"). Issuing renders the
// PDF from the contract's current data, stores it and records it as the
// issued document, in the write's transaction: pages and downloads only read
// it. Its SHA-256 is what the worker signs.
import "server-only";
import type { ContractState } from "@/lib/generated/prisma/enums";
import type { StaffUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { recordAudit } from "@/lib/audit";
import { notifyUser } from "@/lib/notifications";
import { wakeOutboxWorker } from "@/lib/messaging/worker";
import { getStorage } from "@/lib/storage";
import { absoluteUrl } from "@/lib/url";
import { assertBookable, bookingOf } from "./booking";
import { contractPdfInclude, storeIssuedPdf } from "./pdf";
import { canIssue, missingForIssue, stateWhenIssued } from "./rules";
import { issuingTx, loadForWrite, run, STALE, ServiceError, type LoadedContract, type Tx } from "./service";
import type { Result } from "@/lib/result";

/**
 * Renders the contract's PDF from its current data, stores it and sets it as
 * the issued document (hash, time), in state AWAITING_SIGNATURE. Any earlier
 * signature no longer counts: the signed document is cleared, pending codes
 * are invalidated, and the version moves on when the current one was signed.
 */
async function issueVersion(tx: Tx, contractId: string, actorId: string, storedKeys: string[]): Promise<void> {
  const at = await now();
  const c = await tx.contract.findUnique({ where: { id: contractId }, include: contractPdfInclude });
  if (!c) throw new ServiceError("Contrat introuvable.");
  if (c.state === "CANCELLED") throw new ServiceError("Un contrat annulé ne peut pas être émis.");
  const signedThisVersion = await tx.signature.count({ where: { contractId, contractVersion: c.version } });
  const version = signedThisVersion > 0 ? c.version + 1 : c.version;
  const issued = await storeIssuedPdf(tx, getStorage(), { ...c, version }, at, actorId, storedKeys);
  // Conditional on the version read above: a concurrent change makes this fail.
  const updated = await tx.contract.updateMany({
    where: { id: contractId, version: c.version },
    data: {
      state: "AWAITING_SIGNATURE",
      version,
      issuedAt: at,
      issuedDocumentId: issued.documentId,
      issuedSha256: issued.sha256,
      issuedPdfData: issued.pdfData,
      signedAt: null,
      signedDocumentId: null,
    },
  });
  if (updated.count !== 1) throw new ServiceError(STALE);
  // Every issued document, first issue or re-issue after a change, with its hash: the evidence file lists them.
  const seal = (issued.pdfData as { seal?: { subject: string; fingerprint: string } }).seal;
  await recordAudit(
    tx,
    {
      type: "contract.document_issued",
      data: { version, documentSha256: issued.sha256, sealSubject: seal?.subject ?? "", sealFingerprint: seal?.fingerprint ?? "" },
    },
    { actorId, subjectUserId: c.worker.user.id, agencyId: c.agencyId, entityType: "Contract", entityId: c.id },
  );
  await tx.signatureCode.updateMany({ where: { contractId, usedAt: null, invalidatedAt: null }, data: { invalidatedAt: at } });
}

/** Issues in `tx`; without a mobile number the worker cannot sign: "Incomplet". */
export async function issueInTx(tx: Tx, contract: LoadedContract, actorId: string, storedKeys: string[]): Promise<ContractState> {
  await issueVersion(tx, contract.id, actorId, storedKeys);
  const state = stateWhenIssued(Boolean(contract.worker.phone));
  if (state !== "AWAITING_SIGNATURE") await tx.contract.update({ where: { id: contract.id }, data: { state } });
  return state;
}

/** Sends the contract for signature: renders and stores the document and notifies the worker ("Nouveau contrat"). */
export async function issueContractForSignature(
  staff: StaffUser,
  contractId: string,
  version: number,
): Promise<Result<{ state: ContractState }>> {
  return run(async () => {
    const ctaUrl = await absoluteUrl("/contrats");
    const result = await issuingTx(async (tx, storedKeys) => {
      const contract = await loadForWrite(tx, staff, contractId, version);
      if (!canIssue(contract.state)) throw new ServiceError("Ce contrat a déjà été envoyé à la signature.");
      const workShiftCount = await tx.shift.count({ where: { contractId, kind: "WORK" } });
      const missing = missingForIssue({
        workShiftCount,
        recourseCase: contract.recourseCase,
        replacedName: contract.replacedName,
        replacedPosition: contract.replacedPosition,
        recourseReason: contract.recourseReason,
        hourlyRateCents: contract.hourlyRateCents,
      });
      if (missing.length) throw new ServiceError(`Impossible d'envoyer ce contrat : il manque ${missing.join(", ")}.`);
      // Booked elsewhere since it was drafted, or a rule it breaks (qualification, rate, working time): not sent.
      const work = await tx.shift.findMany({
        where: { contractId, kind: "WORK" },
        select: { startsAt: true, endsAt: true, breakMinutes: true },
      });
      await assertBookable(tx, { ...bookingOf(contract), shifts: work });
      // Claims this version first, so that two clicks or two tabs issue once.
      const claimed = await tx.contract.updateMany({
        where: { id: contract.id, version: contract.version, state: { in: ["DRAFT", "INCOMPLETE"] } },
        data: { version: { increment: 1 } },
      });
      if (claimed.count !== 1) throw new ServiceError(STALE);
      const state = await issueInTx(tx, contract, staff.id, storedKeys);
      await recordAudit(
        tx,
        { type: "contract.issued", data: { number: contract.number, state, version: contract.version + 1 } },
        {
          actorId: staff.id,
          subjectUserId: contract.worker.user.id,
          agencyId: contract.agencyId,
          entityType: "Contract",
          entityId: contract.id,
        },
      );
      // The "Nouveau contrat" email commits with the issue, once per version.
      await notifyUser(
        contract.worker.user.id,
        "NEW_CONTRACT",
        {
          subject: "Nouveau contrat",
          title: "Un nouveau contrat vous attend",
          paragraphs: [
            `Votre agence a ajouté le contrat n° ${contract.number} (${contract.reference}) sur votre espace.`,
            state === "AWAITING_SIGNATURE"
              ? "Relisez-le et signez-le depuis Mes contrats : un code vous sera envoyé par SMS pour confirmer la signature."
              : "Pour le signer, il manque votre numéro de téléphone portable : complétez votre fiche perso ou contactez votre agence.",
          ],
          ctaLabel: "Voir mes contrats",
          ctaUrl,
        },
        { tx, agencyId: contract.agencyId, dedupeKey: `contract-issued:${contract.id}:v${contract.version + 1}` },
      );
      return { state };
    });
    wakeOutboxWorker();
    return { state: result.state };
  });
}

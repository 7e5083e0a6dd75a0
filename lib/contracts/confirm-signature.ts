// The worker confirms the signature with the code: the signed PDF (the issued
// pages rendered again from the data they were issued from, the worker's box
// filled, plus a certificate page, sealed with the agency's certificate) is
// stored and recorded with the signature, its audit entry and the
// confirmation email in one transaction.
import "server-only";
import { db } from "@/lib/db";
import { workerContracts } from "@/lib/auth/scope";
import { now } from "@/lib/clock";
import { recordAudit, requestContext } from "@/lib/audit";
import { formatParisDateTime, formatTimestamp } from "@/lib/format";
import type { AuditEventData } from "@/lib/audit/events";
import { notifyUser } from "@/lib/notifications";
import { wakeOutboxWorker } from "@/lib/messaging/worker";
import { getStorage } from "@/lib/storage";
import { absoluteUrl } from "@/lib/url";
import { sealIdentity } from "@/lib/seal/identity";
import { sealPdf } from "@/lib/seal/seal-pdf";
import { appendCertificate } from "./certificate";
import { contractPdfData, contractPdfInclude, pdfDataFromJson, renderContractPdf, sealLocation } from "./pdf";
import { CODE_MAX_ATTEMPTS, codeMatches, codeState, maskPhone, type CodeBinding, type SignResult } from "./rules";

/** The worker's own contract, or null (another worker's id is a 404 for the caller). */
function ownContract(contractId: string, workerId: string) {
  return db.contract.findFirst({
    where: { id: contractId, ...workerContracts(workerId) },
    include: { worker: { include: { user: true } }, agency: true },
  });
}

/** Checks the code and signs: one success per code and per contract version, whatever the tabs. */
export async function confirmSignature(
  contractId: string,
  code: string,
  user: { id: string; workerId: string; email: string; firstName: string; lastName: string },
): Promise<SignResult> {
  const at = await now();
  const c = await ownContract(contractId, user.workerId);
  if (!c) return { ok: false, message: "Contrat introuvable.", data: { finished: true } };
  if (c.state === "SIGNED") return { ok: false, message: "Ce contrat est déjà signé.", data: { finished: true } };
  if (c.state !== "AWAITING_SIGNATURE" || !c.issuedSha256 || !c.issuedDocumentId)
    return { ok: false, message: "Ce contrat n'est pas à signer.", data: { finished: true } };
  const binding: CodeBinding = { contractId: c.id, userId: user.id, documentSha256: c.issuedSha256 };
  const audit = (data: AuditEventData["contract.signature_failed"]) =>
    recordAudit(
      db,
      { type: "contract.signature_failed", data },
      { actorId: user.id, subjectUserId: user.id, agencyId: c.agencyId, entityType: "Contract", entityId: c.id },
    );
  const masked = c.worker.phone ? maskPhone(c.worker.phone) : "";

  const row = await db.signatureCode.findFirst({ where: { contractId: c.id, userId: user.id }, orderBy: { createdAt: "desc" } });
  const refuse = async (state: ReturnType<typeof codeState> | "no-code"): Promise<SignResult> => {
    await audit({ reason: state });
    const error =
      state === "expired"
        ? "Ce code a expiré. Demandez un nouveau code."
        : state === "locked"
          ? "Trop d'essais erronés : ce code n'est plus valable. Demandez un nouveau code."
          : "Aucun code valable pour ce contrat. Demandez un nouveau code.";
    return { ok: false, message: error, fieldErrors: { code: error }, data: { maskedPhone: masked } };
  };
  if (!row) return refuse("no-code");
  const state = codeState(row, binding, at);
  if (state !== "usable") return refuse(state);

  // Count the try and take the hash in one conditional UPDATE ... RETURNING:
  // whatever the concurrency, at most CODE_MAX_ATTEMPTS guesses are compared
  // per code, and a guess that got no row is refused without comparing.
  const [claimed] = await db.signatureCode.updateManyAndReturn({
    where: {
      id: row.id,
      usedAt: null,
      invalidatedAt: null,
      attempts: { lt: CODE_MAX_ATTEMPTS },
      expiresAt: { gt: at },
      documentSha256: binding.documentSha256,
    },
    data: { attempts: { increment: 1 } },
    select: { codeHash: true, attempts: true },
  });
  if (!claimed) {
    const again = await db.signatureCode.findUnique({ where: { id: row.id } });
    return refuse(again ? codeState(again, binding, at) : "no-code");
  }

  if (!codeMatches(code.trim(), claimed.codeHash, binding)) {
    await audit({ reason: "wrong-code", attempts: claimed.attempts });
    const left = CODE_MAX_ATTEMPTS - claimed.attempts;
    const error =
      left > 0
        ? `Code incorrect. Il vous reste ${left} essai${left > 1 ? "s" : ""}.`
        : "Trop d'essais erronés : ce code n'est plus valable. Demandez un nouveau code.";
    return { ok: false, message: error, fieldErrors: { code: error }, data: { maskedPhone: masked } };
  }

  // The right code: build the signed PDF from the issued one's data, then commit once.
  const { ipAddress, userAgent } = await requestContext();
  const signerName = `${user.firstName} ${user.lastName.toUpperCase()}`;
  const seal = sealIdentity(at);
  // Contracts issued before the data was kept are rendered from the contract as it is (same version).
  const pageData =
    pdfDataFromJson(c.issuedPdfData) ??
    contractPdfData(await db.contract.findUniqueOrThrow({ where: { id: c.id }, include: contractPdfInclude }), c.issuedAt ?? at);
  const pages = await renderContractPdf({
    ...pageData,
    seal: { subject: seal.subject, fingerprint: seal.fingerprint },
    signature: { name: signerName, signedAt: formatParisDateTime(at), phoneMasked: masked },
    extraPages: 1,
  });
  const withCertificate = await appendCertificate(pages, {
    contractNumber: c.number,
    contractVersion: c.version,
    signerName,
    signerEmail: user.email,
    phoneMasked: masked,
    signedAtParis: `${formatTimestamp(at)} (heure de Paris)`,
    ipAddress,
    userAgent,
    issuedSha256: c.issuedSha256,
    agencyName: c.agency.name,
    sealSubject: seal.subject,
    sealFingerprint: seal.fingerprint,
  });
  const { bytes: signed } = await sealPdf(withCertificate, {
    reason: `Contrat de mission signé par ${signerName} par code SMS`,
    location: sealLocation(c.agency),
    contactInfo: c.agency.email ?? "",
    signingTime: at,
  });
  const stored = await getStorage().putObject(signed, { contentType: "application/pdf" });
  const ctaUrl = await absoluteUrl("/contrats");
  const won = await db
    .$transaction(async (tx) => {
      const used = await tx.signatureCode.updateMany({
        where: { id: row.id, usedAt: null, invalidatedAt: null, expiresAt: { gt: at } },
        data: { usedAt: at },
      });
      if (used.count !== 1) return false;
      const doc = await tx.document.create({
        data: {
          kind: "CONTRACT_SIGNED",
          workerId: c.workerId,
          agencyId: c.agencyId,
          storageKey: stored.key,
          fileName: `contrat-${c.number}-signe.pdf`,
          mimeType: "application/pdf",
          sizeBytes: stored.size,
          sha256: stored.sha256,
          // One signature per contract version, so one signed document per version.
          number: `${c.number}-v${c.version}`,
          periodStart: c.startDate,
          periodEnd: c.endDate,
          uploadedById: user.id,
          contractId: c.id,
        },
      });
      const updated = await tx.contract.updateMany({
        where: { id: c.id, state: "AWAITING_SIGNATURE", version: c.version, issuedSha256: c.issuedSha256 },
        data: { state: "SIGNED", signedAt: at, signedDocumentId: doc.id },
      });
      if (updated.count !== 1) throw new Error("contract changed while signing");
      await tx.signature.create({
        data: {
          contractId: c.id,
          userId: user.id,
          contractVersion: c.version,
          documentSha256: c.issuedSha256!,
          signedDocumentSha256: stored.sha256,
          phoneMasked: masked,
          ipAddress,
          userAgent,
          signedAt: at,
        },
      });
      await tx.signatureCode.updateMany({ where: { contractId: c.id, usedAt: null, invalidatedAt: null }, data: { invalidatedAt: at } });
      await recordAudit(
        tx,
        { type: "contract.signed", data: { version: c.version, documentSha256: c.issuedSha256!, signedDocumentSha256: stored.sha256 } },
        { actorId: user.id, subjectUserId: user.id, agencyId: c.agencyId, entityType: "Contract", entityId: c.id },
      );
      // The confirmation email commits with the signature, once per signed version.
      await notifyUser(
        user.id,
        "NEW_CONTRACT",
        {
          title: `Contrat n° ${c.number} signé`,
          subject: `Votre contrat n° ${c.number} est signé`,
          paragraphs: [
            `Vous avez signé électroniquement votre contrat de mission n° ${c.number} le ${formatTimestamp(at)}.`,
            "Le contrat signé, avec son certificat de signature, est disponible dans Mon espace > Mes contrats.",
          ],
          ctaLabel: "Voir mes contrats",
          ctaUrl,
        },
        { tx, agencyId: c.agencyId, dedupeKey: `contract-signed:${c.id}:v${c.version}` },
      );
      return true;
    })
    .catch((error: unknown) => {
      // A lost race rolls back; anything else is logged, and the code stays usable.
      if (!(error instanceof Error && error.message === "contract changed while signing"))
        console.error("[contracts] signature not recorded", error);
      return false;
    });

  if (!won) {
    await getStorage().deleteObject(stored.key);
    const again = await db.contract.findUnique({ where: { id: c.id }, select: { state: true } });
    if (again?.state === "SIGNED") return { ok: false, message: "Ce contrat est déjà signé.", data: { finished: true } };
    await audit({ reason: "race" });
    return {
      ok: false,
      message: "Ce code n'est plus valable. Demandez un nouveau code.",
      fieldErrors: { code: "Ce code n'est plus valable. Demandez un nouveau code." },
      data: { maskedPhone: masked },
    };
  }

  wakeOutboxWorker();
  return { ok: true, data: { maskedPhone: masked } };
}

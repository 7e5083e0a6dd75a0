// Issuing a contract for signature: the PDF is rendered from the contract's
// current data, stored, recorded as a Document, and its SHA-256 becomes what
// the worker signs. Re-issuing a signed contract asks for a new signature.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { getStorage } from "@/lib/storage";
import { renderContractPdf, type ContractPdfData } from "./document";

type Tx = Prisma.TransactionClient;

export class ContractIssueError extends Error {}

const contractInclude = {
  agency: true,
  client: true,
  site: true,
  qualification: true,
  worker: { include: { user: true, agencies: true } },
} satisfies Prisma.ContractInclude;

type ContractWithParts = Prisma.ContractGetPayload<{ include: typeof contractInclude }>;

export function contractPdfData(c: ContractWithParts, issuedOn: Date): ContractPdfData {
  const number = c.worker.agencies.find((a) => a.agencyId === c.agencyId)?.workerNumber ?? null;
  return {
    number: c.number,
    version: c.version,
    reference: c.reference,
    agency: { name: c.agency.name, code: c.agency.code, address: c.agency.address, postalCode: c.agency.postalCode, city: c.agency.city, phone: c.agency.phone, email: c.agency.email },
    worker: {
      civility: c.worker.civility,
      firstName: c.worker.user.firstName,
      lastName: c.worker.user.lastName,
      workerNumber: number,
      address: c.worker.address,
      postalCode: c.worker.postalCode,
      city: c.worker.city,
      birthDate: c.worker.birthDate,
    },
    client: { name: c.client.name, siret: c.client.siret, phone: c.client.phone },
    site: { name: c.site.name, address: c.site.address, postalCode: c.site.postalCode, city: c.site.city, accessMeans: c.site.accessMeans },
    qualification: { code: c.qualification.code, label: c.qualification.label },
    startDate: c.startDate,
    endDate: c.endDate,
    hoursLabel: c.hoursLabel,
    weeklyHours: c.weeklyHours,
    detail: c.detail,
    hourlyRateCents: c.hourlyRateCents,
    recourseReason: c.recourseReason,
    issuedOn,
  };
}

async function renderAndStore(tx: Tx, c: ContractWithParts, at: Date, actorId: string | null | undefined) {
  const pdf = await renderContractPdf(contractPdfData(c, at));
  const stored = await getStorage().putObject(pdf, { contentType: "application/pdf" });
  const document = await tx.document.create({
    data: {
      kind: "CONTRACT_ISSUED",
      workerId: c.workerId,
      agencyId: c.agencyId,
      storageKey: stored.key,
      fileName: `contrat-${c.number}.pdf`,
      mimeType: "application/pdf",
      sizeBytes: stored.size,
      sha256: stored.sha256,
      // Each issue is its own document: (worker, kind, number) is unique, and a
      // contract is issued again after every change.
      number: `${c.number}-${stored.key.slice(-12)}`,
      periodStart: c.startDate,
      periodEnd: c.endDate,
      uploadedById: actorId ?? null,
    },
  });
  return { document, stored };
}

/**
 * Renders the contract's PDF from its current data, stores it and sets it as
 * the issued document (hash, time), in state AWAITING_SIGNATURE. Any earlier
 * signature no longer counts: the signed document is cleared, pending codes
 * are invalidated, and the version moves on when the current one was signed.
 * Runs in `options.tx` when given, else in its own transaction.
 */
export async function issueContract(contractId: string, options?: { tx?: Tx; actorId?: string | null }): Promise<void> {
  const at = await now();
  const run = async (tx: Tx) => {
    const c = await tx.contract.findUnique({ where: { id: contractId }, include: contractInclude });
    if (!c) throw new ContractIssueError("Contrat introuvable");
    if (c.state === "CANCELLED") throw new ContractIssueError("Un contrat annulé ne peut pas être émis");
    const signedThisVersion = await tx.signature.count({ where: { contractId, contractVersion: c.version } });
    const version = signedThisVersion > 0 ? c.version + 1 : c.version;
    const { document, stored } = await renderAndStore(tx, { ...c, version }, at, options?.actorId);
    // Conditional on the version read above: a concurrent change makes this fail.
    const updated = await tx.contract.updateMany({
      where: { id: contractId, version: c.version },
      data: {
        state: "AWAITING_SIGNATURE",
        version,
        issuedAt: at,
        issuedDocumentId: document.id,
        issuedSha256: stored.sha256,
        signedAt: null,
        signedDocumentId: null,
      },
    });
    if (updated.count !== 1) {
      await getStorage().deleteObject(stored.key);
      throw new ContractIssueError("Le contrat a été modifié entre-temps");
    }
    await tx.signatureCode.updateMany({ where: { contractId, usedAt: null, invalidatedAt: null }, data: { invalidatedAt: at } });
  };
  if (options?.tx) await run(options.tx);
  else await db.$transaction(run, { timeout: 30_000 });
}

/**
 * For contracts issued without a stored document (imported or demo data): the
 * PDF is rendered once and recorded as the issued document, state unchanged.
 * Returns the contract's issued document id.
 */
export async function ensureIssuedDocument(contractId: string): Promise<string | null> {
  const c = await db.contract.findUnique({ where: { id: contractId }, include: contractInclude });
  if (!c) return null;
  if (c.issuedDocumentId) return c.issuedDocumentId;
  if (c.state === "DRAFT") return null;
  const at = c.issuedAt ?? c.createdAt;
  return db.$transaction(
    async (tx) => {
      const { document, stored } = await renderAndStore(tx, c, at, null);
      const updated = await tx.contract.updateMany({
        where: { id: contractId, issuedDocumentId: null },
        data: { issuedDocumentId: document.id, issuedSha256: stored.sha256, issuedAt: at },
      });
      if (updated.count !== 1) {
        // Another request did it first: keep theirs.
        await tx.document.delete({ where: { id: document.id } });
        await getStorage().deleteObject(stored.key);
        const fresh = await tx.contract.findUnique({ where: { id: contractId }, select: { issuedDocumentId: true } });
        return fresh?.issuedDocumentId ?? null;
      }
      return document.id;
    },
    { timeout: 30_000 },
  );
}

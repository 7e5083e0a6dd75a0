// What the staff write functions of contracts share: their result type, the
// error that becomes a French message next to a field, and the transaction of
// a write that may issue the contract's PDF.
import "server-only";
import { db } from "@/lib/db";
import { agencyScope } from "@/lib/auth/scope";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getStorage } from "@/lib/storage";
import type { StaffUser } from "@/lib/auth/session";
import { ContractPdfError } from "./pdf";
import { canEdit } from "./rules";
import { fail, okWith, type Result } from "@/lib/result";

export type Tx = Prisma.TransactionClient;

export const STALE =
  "Ce contrat a été modifié entre-temps (dans un autre onglet ou par un collègue). Rechargez la page pour voir la dernière version.";

export class ServiceError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export type LoadedContract = Prisma.ContractGetPayload<{
  include: { worker: { include: { user: { select: { id: true; firstName: true } } } } };
}>;

/** The contract in the staff's agencies, at the version their form showed, not cancelled. */
export async function loadForWrite(tx: Tx, staff: StaffUser, contractId: string, version: number): Promise<LoadedContract> {
  const contract = await tx.contract.findFirst({
    where: { id: contractId, ...agencyScope(staff) },
    include: { worker: { include: { user: { select: { id: true, firstName: true } } } } },
  });
  if (!contract) throw new ServiceError("Contrat introuvable.");
  if (contract.version !== version) throw new ServiceError(STALE);
  if (!canEdit(contract.state)) throw new ServiceError("Ce contrat est annulé : il ne peut plus être modifié.");
  return contract;
}

/** Runs a write: a ServiceError becomes a refusal (next to its field), anything else is thrown. */
export async function run<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return okWith(await work());
  } catch (error) {
    if (error instanceof ServiceError) return fail(error.message, error.field ? { [error.field]: error.message } : undefined);
    if (error instanceof ContractPdfError) return fail(`${error.message} Rien n'a été modifié : réessayez dans quelques instants.`);
    throw error;
  }
}

/**
 * The transaction of a write that may issue the PDF. Rendering happens inside
 * it: give it time. The files it stored are removed when it does not commit,
 * so a failed issue leaves neither a row nor a file.
 */
export async function issuingTx<T>(work: (tx: Tx, storedKeys: string[]) => Promise<T>): Promise<T> {
  const storedKeys: string[] = [];
  try {
    return await db.$transaction((tx) => work(tx, storedKeys), { timeout: 30_000, maxWait: 15_000 });
  } catch (error) {
    await removeFiles(storedKeys);
    throw error;
  }
}

export async function removeFiles(keys: string[]): Promise<void> {
  const storage = getStorage();
  await Promise.all(
    keys.map((key) =>
      storage.deleteObject(key).catch((error: unknown) => {
        console.error("[contracts] file of a rolled-back write not removed", key, error);
      }),
    ),
  );
}

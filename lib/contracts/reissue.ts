// A change of a contract by staff (terms, shifts): loaded in the write's
// transaction within the staff's agencies, applied to one version only, and
// issued again (new PDF, new hash, to be signed again) when the worker has
// already seen it; the worker is told in that same transaction.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notifyUser } from "@/lib/notifications";
import { issueInTx } from "./issue-contract";
import { isIssued } from "./rules";
import { STALE, ServiceError, type LoadedContract, type Tx } from "./service";

/**
 * Bumps the version with the version in the WHERE, so that two tabs never both
 * apply a change to the same version. A contract the worker has already seen
 * is issued again in the same transaction (new document and hash, earlier
 * signature and codes void): it must be signed again.
 */
export async function bumpVersion(
  tx: Tx,
  contract: LoadedContract,
  actorId: string,
  storedKeys: string[],
  data: Prisma.ContractUncheckedUpdateManyInput = {},
): Promise<{ reissue: boolean }> {
  const reissue = isIssued(contract.state);
  const { count } = await tx.contract.updateMany({
    where: { id: contract.id, version: contract.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count !== 1) throw new ServiceError(STALE);
  if (reissue) await issueInTx(tx, contract, actorId, storedKeys);
  return { reissue };
}

/**
 * A change of an issued contract: the worker is told (if their settings
 * allow), in the change's transaction, once per version.
 */
export async function notifyChange(tx: Tx, contract: LoadedContract, reissue: boolean, summary: string, ctaUrl: string) {
  if (!reissue) return;
  await notifyUser(
    contract.worker.user.id,
    "CONTRACT_DATE_CHANGED",
    {
      subject: "Modification d'une date sur un contrat",
      title: "Modification d'une date sur un contrat",
      paragraphs: [
        `Votre agence a modifié le contrat n° ${contract.number} (${contract.reference}) : ${summary}`,
        "Le contrat modifié vous attend dans Mes contrats : merci de le relire et de le signer à nouveau.",
      ],
      ctaLabel: "Voir mes contrats",
      ctaUrl,
    },
    { tx, agencyId: contract.agencyId, dedupeKey: `contract-changed:${contract.id}:v${contract.version + 1}` },
  );
}

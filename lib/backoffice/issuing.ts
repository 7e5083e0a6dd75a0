// Rendering the contract document and recording its hash belongs to the
// signing flow (lib/contracts/issue.ts); the back office only asks for it.
import "server-only";
import { db } from "@/lib/db";

export async function issueContractDocument(contractId: string): Promise<void> {
  await db.contract.update({ where: { id: contractId }, data: { issuedAt: new Date() } });
}

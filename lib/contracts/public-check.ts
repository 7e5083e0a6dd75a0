// The public check of a contract PDF (/verifier): by its SHA-256 only, so the
// file itself never reaches the server (it is hashed in the browser). Answers
// whether it is a contract issued or signed here, with its number, agency and
// signing date, and nothing personal beyond the worker's initials. Works for
// contracts signed before the seal existed (their documents and signatures
// carry the same hashes).
import "server-only";
import { db } from "@/lib/db";
import { initials } from "@/lib/seal/rules";

export type PublicCheck =
  | { found: false }
  | {
      found: true;
      kind: "signed" | "issued";
      number: string;
      version: number | null;
      agency: string;
      workerInitials: string;
      issuedAt: Date | null;
      signedAt: Date | null;
      /** For an issued document: what became of it. */
      status: "signed" | "awaiting" | "replaced" | "cancelled";
    };

/** The answer of the public check, as the page prints it. */
export type CheckAnswer = { found: false } | { found: true; title: string; lines: [string, string][] };

const CONTRACT_KINDS = ["CONTRACT_ISSUED", "CONTRACT_SIGNED"] as const;

/** What a document of this hash is, if it is one of the contract PDFs issued or signed here. */
export async function checkContractDocument(sha256: string): Promise<PublicCheck> {
  const [doc, signature] = await Promise.all([
    db.document.findFirst({
      where: { sha256, kind: { in: [...CONTRACT_KINDS] } },
      orderBy: { createdAt: "desc" },
      select: { id: true, kind: true, contractId: true, number: true, workerId: true, createdAt: true },
    }),
    db.signature.findFirst({
      where: { OR: [{ signedDocumentSha256: sha256 }, { documentSha256: sha256 }] },
      orderBy: { signedAt: "desc" },
    }),
  ]);
  if (!doc && !signature) return { found: false };

  let contractId = doc?.contractId ?? signature?.contractId ?? null;
  if (!contractId && doc) {
    // A document from before documents named their contract.
    const byLink = await db.contract.findFirst({
      where: { OR: [{ issuedDocumentId: doc.id }, { signedDocumentId: doc.id }] },
      select: { id: true },
    });
    // Issued documents are numbered "<contract number>-<12 characters>", signed ones "<number>-v<version>".
    const number = doc.number?.replace(doc.kind === "CONTRACT_SIGNED" ? /-v\d+$/ : /-[^-]{12}$/, "");
    const byNumber =
      byLink ??
      (number && doc.workerId ? await db.contract.findFirst({ where: { number, workerId: doc.workerId }, select: { id: true } }) : null);
    contractId = byNumber?.id ?? null;
  }
  if (!contractId) return { found: false };
  const c = await db.contract.findUnique({
    where: { id: contractId },
    include: { agency: { select: { name: true } }, worker: { select: { user: { select: { firstName: true, lastName: true } } } } },
  });
  if (!c) return { found: false };

  const signedKind = doc?.kind === "CONTRACT_SIGNED" || signature?.signedDocumentSha256 === sha256;
  // The signature of this very document (the issued one it signed, or the signed file).
  const own =
    signature?.contractId === c.id
      ? signature
      : await db.signature.findFirst({
          where: { contractId: c.id, OR: [{ signedDocumentSha256: sha256 }, { documentSha256: sha256 }] },
        });
  const status: "signed" | "awaiting" | "replaced" | "cancelled" = own
    ? "signed"
    : c.state === "CANCELLED"
      ? "cancelled"
      : c.issuedSha256 === sha256
        ? "awaiting"
        : "replaced";
  return {
    found: true,
    kind: signedKind ? "signed" : "issued",
    number: c.number,
    version: own?.contractVersion ?? (c.issuedSha256 === sha256 ? c.version : null),
    agency: c.agency.name,
    workerInitials: initials(c.worker.user.firstName, c.worker.user.lastName),
    issuedAt: signedKind ? null : (doc?.createdAt ?? null),
    signedAt: own?.signedAt ?? null,
    status,
  };
}

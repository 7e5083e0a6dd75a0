"use server";

import { z } from "zod";
import { publicAction } from "@/lib/auth/action";
import { requestContext } from "@/lib/audit";
import { checkContractDocument, type CheckAnswer } from "@/lib/contracts/public-check";
import { formatDate, formatParisDateTime } from "@/lib/format";
import { hitRateLimit } from "@/lib/rate-limit";
import { fail, okWith } from "@/lib/result";
import { parseSha256 } from "@/lib/seal/rules";

const schema = z.object({ sha256: z.string().trim().max(200).optional().default("") });

const NOT_FOUND = "Ce document ne correspond à aucun contrat émis.";
const STATUS: Record<string, string> = {
  signed: "Signé",
  awaiting: "En attente de signature",
  replaced: "Remplacé par une version ultérieure",
  cancelled: "Annulé",
};

// 20 checks per 10 minutes and per address: enough for a person, not for
// someone trying hashes.
const CHECKS = 20;
const WINDOW_SECONDS = 600;

export const verifyDocument = publicAction(schema, async (data) => {
  const sha256 = parseSha256(data.sha256);
  if (!sha256)
    return fail("Vérifiez le champ signalé.", {
      sha256: "Déposez le fichier PDF, ou saisissez son empreinte SHA-256 : 64 caractères de 0 à 9 et de a à f.",
    });
  const { ipAddress } = await requestContext();
  const limit = await hitRateLimit(`verify-document:${ipAddress ?? "unknown"}`, CHECKS, WINDOW_SECONDS);
  if (!limit.allowed)
    return fail(`Trop de vérifications en peu de temps. Réessayez dans ${Math.max(1, Math.ceil(limit.retryAfterSeconds / 60))} minutes.`);
  const found = await checkContractDocument(sha256);
  if (!found.found) return okWith<CheckAnswer>({ found: false }, NOT_FOUND);
  const lines: [string, string][] = [
    ["Contrat de mission", `n° ${found.number}${found.version ? `, version ${found.version}` : ""}`],
    ["Agence", found.agency],
    ["Salarié intérimaire", found.workerInitials],
  ];
  if (found.kind === "issued") {
    if (found.issuedAt) lines.push(["Émis le", formatDate(found.issuedAt)]);
    lines.push(["État de ce document", STATUS[found.status]]);
  }
  if (found.signedAt) lines.push(["Signé le", `${formatParisDateTime(found.signedAt)} (heure de Paris)`]);
  lines.push(["Empreinte SHA-256", sha256]);
  return okWith<CheckAnswer>({
    found: true,
    title:
      found.kind === "signed"
        ? "Ce document est un contrat signé électroniquement sur l'espace intérimaire."
        : "Ce document est un contrat émis pour signature sur l'espace intérimaire.",
    lines,
  });
});

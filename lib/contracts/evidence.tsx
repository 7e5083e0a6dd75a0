// The "dossier de preuve" of a contract, for staff: every event of the
// contract's life from the audit log (issued, codes sent, failed tries,
// signature, re-issues), its documents with their SHA-256 and its signatures
// (IP, user agent, hashes), as a PDF sealed with the agency's certificate. It
// is what the agency hands a court or a labour inspector. Built from stored
// rows only, so it works as well for contracts signed before the seal existed.
import "server-only";
import { Document, Page, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { db } from "@/lib/db";
import { agencyScope, type AgencyStaff } from "@/lib/auth/scope";
import { recordAudit } from "@/lib/audit";
import { auditLabel, renderAuditDetails, ROLE_LABELS } from "@/lib/audit/events";
import { formatCalendarDate, formatTimestamp } from "@/lib/format";
import { now } from "@/lib/clock";
import { fullName, pdfStyles } from "@/lib/pdf/payslip";
import { sealIdentity } from "@/lib/seal/identity";
import { sealPdf } from "@/lib/seal/seal-pdf";
import { sha256 } from "@/lib/seal/cms";
import { CONTRACT_STATE_LABELS } from "./rules";
import { sealLocation } from "./pdf";

// Standard PDF fonts only draw WinAnsi (Latin-1 and a few signs): anything
// else (emoji in a user agent) becomes "?" rather than a broken glyph.
const safe = (t: string) =>
  t.replace(/[\u202f]/g, "\u00a0").replace(/[^\x20-\x7e\u00a0-\u00ff\u2022\u2013\u2014\u2019\u2026\u20ac\u0152\u0153]/g, "?");

const HASH_KEYS: Record<string, string> = {
  documentSha256: "Empreinte SHA-256 du document",
  signedDocumentSha256: "Empreinte SHA-256 du contrat signé",
  sealFingerprint: "Empreinte SHA-256 du certificat du cachet",
  sealSubject: "Certificat du cachet",
};

type EvidenceEvent = { at: Date; label: string; actor: string; ip: string | null; userAgent: string | null; lines: string[] };

export type ContractEvidence = {
  number: string;
  version: number;
  state: string;
  agency: { name: string; city: string | null; email: string | null };
  worker: string;
  client: string;
  period: string;
  documents: { kind: string; createdAt: Date; sha256: string; fileName: string }[];
  signatures: {
    version: number;
    signedAt: Date;
    phoneMasked: string;
    ipAddress: string | null;
    userAgent: string | null;
    documentSha256: string;
    signedDocumentSha256: string | null;
  }[];
  events: EvidenceEvent[];
};

/** The evidence of a contract of the staff's agencies, or null (another agency's contract: 404). */
export async function contractEvidence(staff: AgencyStaff, contractId: string): Promise<ContractEvidence | null> {
  const c = await db.contract.findFirst({
    where: { id: contractId, ...agencyScope(staff) },
    include: { agency: true, client: true, worker: { include: { user: true } } },
  });
  if (!c) return null;
  const [documents, signatures, rows] = await Promise.all([
    db.document.findMany({
      where: {
        OR: [
          { contractId: c.id },
          { id: { in: [c.issuedDocumentId, c.signedDocumentId].filter((v): v is string => Boolean(v)) } },
          // Before documents named their contract: the contract's number starts theirs.
          { kind: { in: ["CONTRACT_ISSUED", "CONTRACT_SIGNED"] }, workerId: c.workerId, number: { startsWith: `${c.number}-` } },
        ],
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { kind: true, createdAt: true, sha256: true, fileName: true },
    }),
    db.signature.findMany({ where: { contractId: c.id }, orderBy: { signedAt: "asc" } }),
    db.auditLog.findMany({
      where: { entityType: "Contract", entityId: c.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { actor: { select: { firstName: true, lastName: true, role: true } } },
    }),
  ]);
  const events = rows.map((row): EvidenceEvent => {
    const details =
      row.details && typeof row.details === "object" && !Array.isArray(row.details) ? (row.details as Record<string, unknown>) : {};
    const hashes = Object.entries(HASH_KEYS)
      .filter(([key]) => typeof details[key] === "string" && details[key])
      .map(([key, label]) => `${label} : ${String(details[key])}`);
    return {
      at: row.createdAt,
      label: auditLabel(row.action),
      actor: row.actor ? `${row.actor.firstName} ${row.actor.lastName.toUpperCase()} (${ROLE_LABELS[row.actor.role]})` : "Système",
      ip: row.ipAddress,
      userAgent: row.userAgent,
      // The journal's own lines shorten hashes: the full ones follow.
      lines: [...renderAuditDetails(row.action, row.details).filter((l) => !/…$/.test(l) && !l.startsWith("Cachet :")), ...hashes],
    };
  });
  return {
    number: c.number,
    version: c.version,
    state: CONTRACT_STATE_LABELS[c.state],
    agency: { name: c.agency.name, city: c.agency.city, email: c.agency.email },
    worker: fullName({ civility: c.worker.civility, firstName: c.worker.user.firstName, lastName: c.worker.user.lastName }),
    client: c.client.name,
    period: `du ${formatCalendarDate(c.startDate)} au ${formatCalendarDate(c.endDate)}`,
    documents: documents.map((d) => ({
      kind: d.kind === "CONTRACT_SIGNED" ? "Contrat signé" : "Contrat émis pour signature",
      createdAt: d.createdAt,
      sha256: d.sha256,
      fileName: d.fileName,
    })),
    signatures: signatures.map((s) => ({
      version: s.contractVersion,
      signedAt: s.signedAt,
      phoneMasked: s.phoneMasked,
      ipAddress: s.ipAddress,
      userAgent: s.userAgent,
      documentSha256: s.documentSha256,
      signedDocumentSha256: s.signedDocumentSha256,
    })),
    events,
  };
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View style={{ flexDirection: "row", marginBottom: 2 }} wrap={false}>
      <Text style={{ width: 150, color: "#6b7280" }}>{safe(label)}</Text>
      <Text style={{ flex: 1 }}>{safe(value)}</Text>
    </View>
  );
}

function EvidenceDocument({
  e,
  generatedAt,
  seal,
}: {
  e: ContractEvidence;
  generatedAt: Date;
  seal: { subject: string; fingerprint: string };
}) {
  const title = `Dossier de preuve - contrat de mission n° ${e.number}`;
  return (
    <Document title={title} author={e.agency.name} subject="Dossier de preuve" language="fr-FR">
      <Page size="A4" style={[pdfStyles.page, { fontSize: 8 }]}>
        <View style={pdfStyles.header}>
          <View>
            <Text style={pdfStyles.title}>DOSSIER DE PREUVE</Text>
            <Text style={pdfStyles.subtitle}>{safe(`Contrat de mission n° ${e.number} - ${e.agency.name}`)}</Text>
          </View>
          <View style={{ alignItems: "flex-end" }}>
            <Text style={{ color: "#6b7280" }}>Établi le {safe(formatTimestamp(generatedAt))}</Text>
            <Text style={{ color: "#6b7280" }}>(heure de Paris)</Text>
          </View>
        </View>

        <View style={[pdfStyles.block, { flex: 0, marginBottom: 10 }]}>
          <Text style={pdfStyles.blockTitle}>Le contrat</Text>
          <Row label="Numéro, version" value={`${e.number}, version ${e.version}`} />
          <Row label="État" value={e.state} />
          <Row label="Salarié intérimaire" value={e.worker} />
          <Row label="Entreprise utilisatrice" value={e.client} />
          <Row label="Période" value={e.period} />
          <Row label="Cachet de ce dossier" value={`${seal.subject} (SHA-256 ${seal.fingerprint})`} />
        </View>

        <View style={[pdfStyles.block, { flex: 0, marginBottom: 10 }]}>
          <Text style={pdfStyles.blockTitle}>Documents ({e.documents.length})</Text>
          {e.documents.length === 0 ? <Text>Aucun document enregistré.</Text> : null}
          {e.documents.map((d, i) => (
            <View key={i} style={{ marginBottom: 4 }} wrap={false}>
              <Text style={pdfStyles.strong}>{safe(`${d.kind} - ${formatTimestamp(d.createdAt)}`)}</Text>
              <Text>{safe(`${d.fileName} - SHA-256 ${d.sha256}`)}</Text>
            </View>
          ))}
        </View>

        <View style={[pdfStyles.block, { flex: 0, marginBottom: 10 }]}>
          <Text style={pdfStyles.blockTitle}>Signatures ({e.signatures.length})</Text>
          {e.signatures.length === 0 ? <Text>Aucune signature.</Text> : null}
          {e.signatures.map((s, i) => (
            <View key={i} style={{ marginBottom: 6 }} wrap={false}>
              <Row label="Version signée" value={String(s.version)} />
              <Row label="Date et heure" value={`${formatTimestamp(s.signedAt)} (heure de Paris)`} />
              <Row label="Code SMS envoyé au" value={s.phoneMasked} />
              <Row label="Adresse IP" value={s.ipAddress ?? "non communiquée"} />
              <Row label="Navigateur" value={s.userAgent ?? "non communiqué"} />
              <Row label="SHA-256 du document signé" value={s.documentSha256} />
              <Row label="SHA-256 du contrat signé" value={s.signedDocumentSha256 ?? "—"} />
            </View>
          ))}
        </View>

        <Text style={[pdfStyles.blockTitle, { marginBottom: 4 }]}>Journal des événements ({e.events.length})</Text>
        {e.events.map((ev, i) => (
          <View key={i} style={{ borderTopWidth: 0.5, borderTopColor: "#e5e7eb", paddingVertical: 3 }} wrap={false}>
            <Text>
              <Text style={pdfStyles.strong}>{safe(formatTimestamp(ev.at))}</Text> {safe(`- ${ev.label}`)}
            </Text>
            <Text style={{ color: "#374151" }}>
              {safe(`Par : ${ev.actor} - IP : ${ev.ip ?? "non communiquée"} - Navigateur : ${ev.userAgent ?? "non communiqué"}`)}
            </Text>
            {ev.lines.map((line, j) => (
              <Text key={j} style={{ color: "#374151" }}>
                {safe(line)}
              </Text>
            ))}
          </View>
        ))}

        <Text
          style={pdfStyles.footer}
          fixed
          render={({ pageNumber, totalPages }) => safe(`${title} - page ${pageNumber} / ${totalPages}`)}
        />
      </Page>
    </Document>
  );
}

/** The evidence file of a contract of the staff's agencies, sealed; null for a contract out of scope. Audited. */
export async function buildContractEvidencePdf(
  staff: AgencyStaff & { userId: string },
  contractId: string,
): Promise<{ bytes: Buffer; fileName: string } | null> {
  const evidence = await contractEvidence(staff, contractId);
  if (!evidence) return null;
  const at = await now();
  const seal = sealIdentity(at);
  const pdf = await renderToBuffer(<EvidenceDocument e={evidence} generatedAt={at} seal={seal} />);
  const { bytes } = await sealPdf(pdf, {
    reason: `Dossier de preuve du contrat n° ${evidence.number}, émis par ${evidence.agency.name}`,
    location: sealLocation(evidence.agency),
    contactInfo: evidence.agency.email ?? "",
    signingTime: at,
  });
  const c = await db.contract.findUniqueOrThrow({
    where: { id: contractId },
    select: { agencyId: true, worker: { select: { userId: true } } },
  });
  await recordAudit(
    db,
    {
      type: "contract.evidence_downloaded",
      data: { number: evidence.number, events: evidence.events.length, sha256: sha256(bytes).toString("hex") },
    },
    { actorId: staff.userId, subjectUserId: c.worker.userId, agencyId: c.agencyId, entityType: "Contract", entityId: contractId },
  );
  return { bytes, fileName: `dossier-de-preuve-${evidence.number}.pdf` };
}

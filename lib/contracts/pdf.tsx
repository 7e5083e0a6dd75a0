// The contract of a temp-work mission ("contrat de mission"), as a PDF built
// from the contract's data, and the one place that renders and stores it as
// the contract's issued document. Built-in Helvetica only. No "server-only"
// import: the seed and the backfill script store issued contracts too.
import { Document, Page, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { RecourseCase } from "../generated/prisma/enums";
import { recourseLines } from "./rules";
import type { Storage } from "../storage";
import { formatDay, formatEuros, fullName, pdfStyles, winAnsi } from "../pdf/payslip";
import { sealIdentity } from "../seal/identity";
import { sealPdf } from "../seal/seal-pdf";
import { shiftHoursRows } from "./rules";

export type ContractPdfData = {
  number: string;
  version: number;
  reference: string; // person replaced or reference of the mission
  agency: {
    name: string;
    code: string;
    address?: string | null;
    postalCode?: string | null;
    city?: string | null;
    phone?: string | null;
    email?: string | null;
  };
  worker: {
    civility?: "M" | "MME" | null;
    firstName: string;
    lastName: string;
    workerNumber?: string | null;
    address?: string | null;
    postalCode?: string | null;
    city?: string | null;
    birthDate?: Date | null;
  };
  client: { name: string; siret?: string | null; phone?: string | null };
  site: { name: string; address: string; postalCode: string; city: string; accessMeans?: string | null };
  qualification: { code: string; label: string };
  startDate: Date; // calendar days (UTC midnight)
  endDate: Date;
  hoursLabel: string; // "13:30-20:30 00:00-00:00": printed only for a contract without shifts
  shifts?: { startsAt: Date; endsAt: Date; breakMinutes: number }[]; // the worked shifts, printed as the hours
  weeklyHours?: number | null;
  detail?: string | null;
  hourlyRateCents: number;
  recourseReason?: string | null;
  recourseCase?: RecourseCase | null;
  replacedName?: string | null;
  replacedPosition?: string | null;
  issuedOn: Date; // instant the document is issued
  /** The agency's seal, shown in its signature box. */
  seal?: { subject: string; fingerprint: string } | null;
  /** Set on the signed contract: the worker's signature box says who signed, when and how. */
  signature?: { name: string; signedAt: string; phoneMasked: string } | null; // signedAt "27/11/2026 à 14:03"
  /** Pages appended after these (the certificate page), counted in "page 1 / 2". */
  extraPages?: number;
};

const LEGAL_MENTIONS: string[] = [
  "Le présent contrat de mission est conclu en application des articles L. 1251-1 et suivants du code du travail. Il ne peut avoir ni pour objet ni pour effet de pourvoir durablement un emploi lié à l'activité normale et permanente de l'entreprise utilisatrice (article L. 1251-5).",
  "Période d'essai : sauf disposition conventionnelle contraire, 2 jours pour une mission inférieure ou égale à un mois, 3 jours pour une mission comprise entre un et deux mois, 5 jours au-delà (article L. 1251-14). Le terme de la mission peut être avancé ou reporté dans les conditions de l'article L. 1251-30.",
  "Rémunération : le salarié perçoit une rémunération au moins égale à celle que percevrait, après période d'essai, un salarié de qualification équivalente occupant le même poste dans l'entreprise utilisatrice (article L. 1251-18).",
  "Indemnité de fin de mission : à l'issue de la mission, le salarié a droit à une indemnité de fin de mission égale à 10 % de la rémunération totale brute, sauf dans les cas prévus à l'article L. 1251-33 (article L. 1251-32).",
  "Indemnité compensatrice de congés payés : le salarié a droit à une indemnité compensatrice de congés payés au moins égale à 10 % de la rémunération totale brute, indemnité de fin de mission comprise (article L. 1251-19).",
  "L'embauche du salarié par l'entreprise utilisatrice à l'issue de la mission n'est pas interdite (article L. 1251-36).",
  "Caisse de retraite complémentaire : AGIRC-ARRCO. Organisme de prévoyance : selon l'accord de branche du travail temporaire. Le salarié bénéficie du suivi de son état de santé dans les conditions prévues par le code du travail.",
  "Garantie financière : l'entreprise de travail temporaire justifie d'une garantie financière assurant, en cas de défaillance, le paiement des salaires et des cotisations sociales (article L. 1251-49).",
  "Le contrat de mission est transmis au salarié au plus tard dans les deux jours ouvrables suivant sa mise à disposition (article L. 1251-17). La signature électronique du présent contrat a la même valeur qu'une signature manuscrite (articles 1366 et 1367 du code civil).",
];

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View style={pdfStyles.block}>
      <Text style={pdfStyles.blockTitle}>{title}</Text>
      {children}
    </View>
  );
}

function Line({ label, value }: { label: string; value: ReactNode }) {
  return (
    <View style={{ flexDirection: "row", marginBottom: 3 }}>
      <Text style={{ width: 150, color: "#6b7280" }}>{label}</Text>
      <Text style={{ flex: 1 }}>{value}</Text>
    </View>
  );
}

function place(p: { address?: string | null; postalCode?: string | null; city?: string | null }): string {
  return [p.address, [p.postalCode, p.city?.toUpperCase()].filter(Boolean).join(" ")].filter(Boolean).join(", ");
}

export function ContractDocument({ data }: { data: ContractPdfData }) {
  const days = Math.round((data.endDate.getTime() - data.startDate.getTime()) / 86_400_000) + 1;
  return (
    <Document title={`Contrat de mission n° ${data.number}`} author={data.agency.name} subject="Contrat de mission" language="fr-FR">
      <Page size="A4" style={[pdfStyles.page, { fontSize: 9 }]}>
        <View style={pdfStyles.header}>
          <View>
            <Text style={pdfStyles.title}>CONTRAT DE MISSION</Text>
            <Text style={pdfStyles.subtitle}>Contrat de travail temporaire - articles L. 1251-1 et suivants du code du travail</Text>
          </View>
          <View style={{ alignItems: "flex-end" }}>
            <Text style={pdfStyles.strong}>N° {data.number}</Text>
            <Text style={{ color: "#6b7280" }}>Version {data.version}</Text>
            <Text style={{ color: "#6b7280" }}>Établi le {formatDay(data.issuedOn)}</Text>
          </View>
        </View>

        <View style={pdfStyles.blocks}>
          <Block title="Entreprise de travail temporaire">
            <Text style={[pdfStyles.strong, pdfStyles.line]}>{data.agency.name}</Text>
            <Text style={pdfStyles.line}>Agence {data.agency.code}</Text>
            {place(data.agency) ? <Text style={pdfStyles.line}>{place(data.agency)}</Text> : null}
            {data.agency.phone ? <Text style={pdfStyles.line}>Tél. : {data.agency.phone}</Text> : null}
            {data.agency.email ? <Text style={pdfStyles.line}>{data.agency.email}</Text> : null}
          </Block>
          <Block title="Salarié intérimaire">
            <Text style={[pdfStyles.strong, pdfStyles.line]}>{fullName(data.worker)}</Text>
            {data.worker.workerNumber ? (
              <Text style={pdfStyles.line}>
                Matricule : {data.agency.code} {data.worker.workerNumber}
              </Text>
            ) : null}
            {place(data.worker) ? <Text style={pdfStyles.line}>{place(data.worker)}</Text> : null}
            {data.worker.birthDate ? <Text style={pdfStyles.line}>Né(e) le {formatDay(data.worker.birthDate)}</Text> : null}
          </Block>
          <Block title="Entreprise utilisatrice">
            <Text style={[pdfStyles.strong, pdfStyles.line]}>{data.client.name}</Text>
            {data.client.siret ? <Text style={pdfStyles.line}>SIRET : {data.client.siret}</Text> : null}
            {data.client.phone ? <Text style={pdfStyles.line}>Tél. : {data.client.phone}</Text> : null}
          </Block>
        </View>

        <View style={[pdfStyles.block, { marginBottom: 12 }]}>
          <Text style={pdfStyles.blockTitle}>La mission</Text>
          {recourseLines({
            recourseCase: data.recourseCase ?? null,
            replacedName: data.replacedName ?? null,
            replacedPosition: data.replacedPosition ?? null,
            recourseReason: data.recourseReason ?? null,
          }).map((line) => (
            <Line key={line.label} label={line.label} value={line.value} />
          ))}
          <Line label="Référence" value={data.reference} />
          <Line label="Qualification" value={`${data.qualification.label} (${data.qualification.code})`} />
          <Line label="Caractéristiques du poste" value={data.detail || "Selon les consignes de l'entreprise utilisatrice"} />
          <Line label="Lieu de la mission" value={`${data.site.name} - ${place(data.site)}`} />
          {data.site.accessMeans ? <Line label="Moyens d'accès" value={data.site.accessMeans} /> : null}
          <Line
            label="Durée"
            value={`du ${formatDay(data.startDate)} au ${formatDay(data.endDate)} inclus (${days} jour${days > 1 ? "s" : ""} calendaire${days > 1 ? "s" : ""})`}
          />
          {data.shifts?.length ? (
            shiftHoursRows(data.shifts).map((row, i) => (
              <Line key={i} label={i === 0 ? "Horaires" : ""} value={`${row.hours} : ${row.days}`} />
            ))
          ) : (
            <Line label="Horaires" value={data.hoursLabel} />
          )}
          {data.weeklyHours ? (
            <Line label="Durée hebdomadaire" value={`${winAnsi(String(data.weeklyHours).replace(".", ","))} heures`} />
          ) : null}
          <Line label="Taux horaire brut" value={formatEuros(data.hourlyRateCents)} />
          <Line label="Équipements de protection" value="Fournis par l'entreprise utilisatrice si le poste le nécessite" />
        </View>

        <Text style={[pdfStyles.blockTitle, { marginBottom: 4 }]}>Mentions légales</Text>
        {LEGAL_MENTIONS.map((text, i) => (
          <Text key={i} style={{ marginBottom: 4, textAlign: "justify", fontSize: 8 }}>
            {text}
          </Text>
        ))}

        <View style={[pdfStyles.blocks, { marginTop: 14, flexShrink: 0 }]} wrap={false}>
          <Block title="Pour l'entreprise de travail temporaire">
            <Text style={pdfStyles.line}>{data.agency.name}</Text>
            {data.seal ? (
              <View style={{ marginTop: 6, padding: 5, borderWidth: 1, borderColor: "#0f5e6b", borderRadius: 3 }}>
                <Text style={{ color: "#0f5e6b", fontFamily: "Helvetica-Bold" }}>Cachet électronique de l&apos;agence</Text>
                <Text style={{ fontSize: 7 }}>{winAnsi(data.seal.subject)}</Text>
                <Text style={{ fontSize: 6.5, color: "#6b7280" }}>Empreinte SHA-256 du certificat :</Text>
                <Text style={{ fontSize: 6.5, color: "#6b7280" }}>{data.seal.fingerprint.slice(0, 48)}</Text>
                <Text style={{ fontSize: 6.5, color: "#6b7280" }}>{data.seal.fingerprint.slice(48)}</Text>
              </View>
            ) : (
              <Text style={{ color: "#6b7280", marginTop: 18 }}>Signature et cachet</Text>
            )}
          </Block>
          <Block title="Le salarié intérimaire">
            <Text style={pdfStyles.line}>{fullName(data.worker)}</Text>
            {data.signature ? (
              <View style={{ marginTop: 6, padding: 5, borderWidth: 1, borderColor: "#0f5e6b", borderRadius: 3 }}>
                <Text style={{ color: "#0f5e6b" }}>
                  {winAnsi(
                    `Signé électroniquement par ${data.signature.name}, le ${data.signature.signedAt} (heure de Paris), code SMS envoyé au ${data.signature.phoneMasked}`,
                  )}
                </Text>
              </View>
            ) : (
              <Text style={{ color: "#6b7280", marginTop: 18 }}>Signature électronique par code à usage unique</Text>
            )}
          </Block>
        </View>

        <Text
          style={pdfStyles.footer}
          fixed
          render={({ pageNumber, totalPages }) =>
            `Contrat de mission n° ${data.number} - ${data.agency.name} - page ${pageNumber} / ${totalPages + (data.extraPages ?? 0)}`
          }
        />
      </Page>
    </Document>
  );
}

export function renderContractPdf(data: ContractPdfData): Promise<Buffer> {
  return renderToBuffer(<ContractDocument data={data} />);
}

// ---------------------------------------------------------------------------
// The issued document of a contract
// ---------------------------------------------------------------------------

type Tx = Prisma.TransactionClient;

/** What rendering a contract needs from the database. */
export const contractPdfInclude = {
  agency: true,
  client: true,
  site: true,
  qualification: true,
  worker: { include: { user: true, agencies: true } },
  shifts: { where: { kind: "WORK" }, orderBy: { startsAt: "asc" }, select: { startsAt: true, endsAt: true, breakMinutes: true } },
} satisfies Prisma.ContractInclude;

export type ContractWithParts = Prisma.ContractGetPayload<{ include: typeof contractPdfInclude }>;

export function contractPdfData(c: ContractWithParts, issuedOn: Date): ContractPdfData {
  const number = c.worker.agencies.find((a) => a.agencyId === c.agencyId)?.workerNumber ?? null;
  return {
    number: c.number,
    version: c.version,
    reference: c.reference,
    agency: {
      name: c.agency.name,
      code: c.agency.code,
      address: c.agency.address,
      postalCode: c.agency.postalCode,
      city: c.agency.city,
      phone: c.agency.phone,
      email: c.agency.email,
    },
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
    shifts: c.shifts.map((s) => ({ startsAt: s.startsAt, endsAt: s.endsAt, breakMinutes: s.breakMinutes })),
    weeklyHours: c.weeklyHours,
    detail: c.detail,
    hourlyRateCents: c.hourlyRateCents,
    recourseReason: c.recourseReason,
    recourseCase: c.recourseCase,
    replacedName: c.replacedName,
    replacedPosition: c.replacedPosition,
    issuedOn,
  };
}

/** Rendering or storing the issued PDF failed; the message is French, for the user. */
export class ContractPdfError extends Error {}

/** Where the seal is applied, as the signature dictionary names it. */
export function sealLocation(agency: { city?: string | null }): string {
  return agency.city ? `${agency.city}, France` : "France";
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** The rendering data as stored with the contract (dates as ISO strings). */
export function pdfDataToJson(data: ContractPdfData): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify({ ...data, signature: undefined, extraPages: undefined })) as Prisma.InputJsonValue;
}

/** Back from pdfDataToJson: every ISO instant string becomes a Date again. */
export function pdfDataFromJson(json: unknown): ContractPdfData | null {
  if (!json || typeof json !== "object") return null;
  return JSON.parse(JSON.stringify(json), (_key, value: unknown) =>
    typeof value === "string" && ISO_INSTANT.test(value) ? new Date(value) : value,
  ) as ContractPdfData;
}

/** Renders the contract and seals it ("Émis par <agency>"): the issued document. */
export async function renderSealedIssuedPdf(data: ContractPdfData, sealedAt: Date): Promise<Buffer> {
  const seal = sealIdentity(sealedAt);
  const pdf = await renderContractPdf({ ...data, seal: { subject: seal.subject, fingerprint: seal.fingerprint } });
  const sealed = await sealPdf(pdf, {
    reason: `Émis par ${data.agency.name}`,
    location: sealLocation(data.agency),
    contactInfo: data.agency.email ?? "",
    signingTime: sealedAt,
  });
  return sealed.bytes;
}

/**
 * Renders the contract as it is in `c`, stores the file and records it as a
 * CONTRACT_ISSUED document in `tx`. The stored key is pushed to `storedKeys`
 * before the row is written, so that the caller removes the file if its
 * transaction does not commit.
 */
export async function storeIssuedPdf(
  tx: Tx,
  storage: Storage,
  c: ContractWithParts,
  at: Date,
  actorId: string | null,
  storedKeys: string[],
  sealedAt: Date = at,
): Promise<{ documentId: string; sha256: string; pdfData: Prisma.InputJsonValue }> {
  let pdf: Buffer;
  const data = contractPdfData(c, at);
  try {
    pdf = await renderSealedIssuedPdf(data, sealedAt);
  } catch (error) {
    console.error("[contracts] issued PDF not rendered", c.id, error);
    throw new ContractPdfError("Le PDF du contrat n'a pas pu être généré.");
  }
  let stored;
  try {
    stored = await storage.putObject(pdf, { contentType: "application/pdf" });
  } catch (error) {
    console.error("[contracts] issued PDF not stored", c.id, error);
    throw new ContractPdfError("Le PDF du contrat n'a pas pu être enregistré.");
  }
  storedKeys.push(stored.key);
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
      uploadedById: actorId,
      contractId: c.id,
      createdAt: at,
    },
    select: { id: true },
  });
  const seal = sealIdentity(sealedAt);
  return {
    documentId: document.id,
    sha256: stored.sha256,
    pdfData: pdfDataToJson({ ...data, seal: { subject: seal.subject, fingerprint: seal.fingerprint } }),
  };
}

/**
 * One-off backfill for contracts issued before issued PDFs were stored in the
 * write path (imported rows, demo data): each contract past DRAFT without an
 * issued document (a cancelled one only if it had been issued) gets its PDF
 * rendered as of its issue time, stored and recorded, state unchanged. Run by the seed (inside its transaction) and by
 * `npm run contracts:backfill-pdfs` (one transaction per contract); never by
 * a page or a download. `inTx` runs one contract's work: the seed passes its
 * own transaction, the script a fresh one that removes the file if it rolls
 * back. Returns the number of contracts completed.
 */
export async function backfillIssuedDocuments(
  reader: Tx | PrismaClient,
  storage: Storage,
  inTx: (work: (tx: Tx, storedKeys: string[]) => Promise<void>) => Promise<void>,
  log?: (line: string) => void,
): Promise<number> {
  let done = 0;
  let after = "";
  for (;;) {
    const batch = await reader.contract.findMany({
      where: {
        issuedDocumentId: null,
        id: { gt: after },
        OR: [{ state: { in: ["INCOMPLETE", "AWAITING_SIGNATURE", "SIGNED"] } }, { state: "CANCELLED", issuedAt: { not: null } }],
      },
      select: { id: true },
      orderBy: { id: "asc" },
      take: 50,
    });
    if (batch.length === 0) return done;
    for (const { id } of batch) {
      await inTx(async (tx, storedKeys) => {
        const c = await tx.contract.findUnique({ where: { id }, include: contractPdfInclude });
        if (!c || c.issuedDocumentId || c.state === "DRAFT" || (c.state === "CANCELLED" && !c.issuedAt)) return;
        const at = c.issuedAt ?? c.createdAt;
        // Sealed now: the seal's time is when it is applied, not the old issue time.
        const { documentId, sha256, pdfData } = await storeIssuedPdf(tx, storage, c, at, null, storedKeys, new Date());
        const updated = await tx.contract.updateMany({
          where: { id: c.id, issuedDocumentId: null },
          data: { issuedDocumentId: documentId, issuedSha256: sha256, issuedAt: at, issuedPdfData: pdfData },
        });
        if (updated.count !== 1) throw new Error(`contract ${c.id} changed during the backfill`);
        done++;
      });
      after = id;
    }
    log?.(`${done} contrats complétés`);
  }
}

// The contract of a temp-work mission ("contrat de mission"), as a PDF built
// from the contract's data. Built-in Helvetica only. No "server-only" import:
// scripts (seed) may render contracts too.
import { Document, Page, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { formatDay, formatEuros, fullName, pdfStyles, winAnsi } from "../pdf/payslip";

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
  hoursLabel: string; // "13:30-20:30 00:00-00:00"
  weeklyHours?: number | null;
  detail?: string | null;
  hourlyRateCents: number;
  recourseReason?: string | null;
  issuedOn: Date; // instant the document is issued
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
          <Line label="Motif de recours" value={data.recourseReason || "Accroissement temporaire d'activité"} />
          <Line label="Référence" value={data.reference} />
          <Line label="Qualification" value={`${data.qualification.label} (${data.qualification.code})`} />
          <Line label="Caractéristiques du poste" value={data.detail || "Selon les consignes de l'entreprise utilisatrice"} />
          <Line label="Lieu de la mission" value={`${data.site.name} - ${place(data.site)}`} />
          {data.site.accessMeans ? <Line label="Moyens d'accès" value={data.site.accessMeans} /> : null}
          <Line
            label="Durée"
            value={`du ${formatDay(data.startDate)} au ${formatDay(data.endDate)} inclus (${days} jour${days > 1 ? "s" : ""} calendaire${days > 1 ? "s" : ""})`}
          />
          <Line label="Horaires" value={data.hoursLabel} />
          {data.weeklyHours ? <Line label="Durée hebdomadaire" value={`${winAnsi(String(data.weeklyHours).replace(".", ","))} heures`} /> : null}
          <Line label="Taux horaire brut" value={formatEuros(data.hourlyRateCents)} />
          <Line label="Équipements de protection" value="Fournis par l'entreprise utilisatrice si le poste le nécessite" />
        </View>

        <Text style={[pdfStyles.blockTitle, { marginBottom: 4 }]}>Mentions légales</Text>
        {LEGAL_MENTIONS.map((text, i) => (
          <Text key={i} style={{ marginBottom: 4, textAlign: "justify", fontSize: 8 }}>
            {text}
          </Text>
        ))}

        <View style={[pdfStyles.blocks, { marginTop: 14 }]} wrap={false}>
          <Block title="Pour l'entreprise de travail temporaire">
            <Text style={pdfStyles.line}>{data.agency.name}</Text>
            <Text style={{ color: "#6b7280", marginTop: 18 }}>Signature et cachet</Text>
          </Block>
          <Block title="Le salarié intérimaire">
            <Text style={pdfStyles.line}>{fullName(data.worker)}</Text>
            <Text style={{ color: "#6b7280", marginTop: 18 }}>Signature électronique par code à usage unique</Text>
          </Block>
        </View>

        <Text
          style={pdfStyles.footer}
          fixed
          render={({ pageNumber, totalPages }) => `Contrat de mission n° ${data.number} - ${data.agency.name} - page ${pageNumber} / ${totalPages}`}
        />
      </Page>
    </Document>
  );
}

export function renderContractPdf(data: ContractPdfData): Promise<Buffer> {
  return renderToBuffer(<ContractDocument data={data} />);
}

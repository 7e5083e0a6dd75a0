// One-page documents of the agency: the employer's attestation for France
// Travail (ex-ASSEDIC), the work certificate, and a plain titled document
// (used for demo scans). Built-in Helvetica only. No "server-only" import.
import { Document, Page, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import {
  EmployeeBlock,
  EmployerBlock,
  formatDay,
  formatEuros,
  formatHours,
  formatMonth,
  fullName,
  pdfStyles,
  type PdfEmployee,
  type PdfEmployer,
} from "./payslip";

export type WorkPeriod = {
  contractNumber: string;
  clientName: string;
  jobTitle: string; // "AGENT DE SERVICE LOGISTIQUE (525)"
  startDate: Date; // calendar days (UTC midnight)
  endDate: Date;
};

export type SalaryMonth = {
  month: Date; // first day of the month (UTC midnight)
  minutes: number;
  grossCents: number;
};

export type Signatory = { name: string; title: string; place: string; date: Date };

export type AttestationData = {
  employer: PdfEmployer;
  employee: PdfEmployee & { birthDate?: Date | null };
  periods: WorkPeriod[]; // the missions covered, most recent last
  endReason: string; // "Fin de contrat de mission"
  salaries: SalaryMonth[]; // the last twelve months, oldest first
  endOfMissionCents: number; // indemnité de fin de mission of the last mission
  paidLeaveCents: number; // indemnité compensatrice de congés payés of the last mission
  signatory: Signatory;
};

export type WorkCertificateData = {
  employer: PdfEmployer;
  employee: PdfEmployee;
  firstDay: Date;
  lastDay: Date;
  jobTitles: string[];
  signatory: Signatory;
};

export type PlainDocumentData = {
  heading?: string; // small caps line above the title ("RÉPUBLIQUE FRANÇAISE")
  title: string;
  paragraphs: string[];
  footer?: string;
};

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View style={{ marginBottom: 10 }} wrap={false}>
      <Text style={[pdfStyles.blockTitle, { marginBottom: 3 }]}>{title}</Text>
      {children}
    </View>
  );
}

function SignatureBlock({ signatory }: { signatory: Signatory }) {
  return (
    <View style={{ marginTop: 18, alignItems: "flex-end" }} wrap={false}>
      <Text style={pdfStyles.line}>
        Fait à {signatory.place}, le {formatDay(signatory.date)}
      </Text>
      <Text style={[pdfStyles.line, pdfStyles.strong]}>{signatory.name}</Text>
      <Text style={pdfStyles.line}>{signatory.title}</Text>
      <Text style={{ marginTop: 4, color: "#6b7280" }}>Signature et cachet de l'employeur</Text>
    </View>
  );
}

function Header({ title, subtitle }: { title: string; subtitle?: string }) {
  return (
    <View style={{ marginBottom: 14 }}>
      <Text style={pdfStyles.title}>{title}</Text>
      {subtitle ? <Text style={pdfStyles.subtitle}>{subtitle}</Text> : null}
    </View>
  );
}

function AttestationDocument({ data }: { data: AttestationData }) {
  const totalGross = data.salaries.reduce((sum, s) => sum + s.grossCents, 0);
  const totalMinutes = data.salaries.reduce((sum, s) => sum + s.minutes, 0);
  return (
    <Document title="Attestation employeur destinée à France Travail" author={data.employer.name} language="fr-FR">
      <Page size="A4" style={pdfStyles.page}>
        <Header
          title="ATTESTATION EMPLOYEUR DESTINÉE À FRANCE TRAVAIL"
          subtitle="(ex-ASSEDIC) - articles R. 1234-9 à R. 1234-12 du code du travail - salarié intérimaire"
        />
        <View style={pdfStyles.blocks}>
          <EmployerBlock employer={data.employer} />
          <EmployeeBlock employee={data.employee} />
        </View>
        {data.employee.birthDate ? <Text style={{ marginBottom: 8 }}>Date de naissance : {formatDay(data.employee.birthDate)}</Text> : null}

        <Section title="Missions de travail temporaire">
          <View style={pdfStyles.table}>
            <View style={pdfStyles.headRow}>
              <Text style={[pdfStyles.headCell, { flex: 1 }]}>Contrat</Text>
              <Text style={[pdfStyles.headCell, { flex: 2.6 }]}>Entreprise utilisatrice</Text>
              <Text style={[pdfStyles.headCell, { flex: 2.8 }]}>Emploi</Text>
              <Text style={[pdfStyles.headCell, { flex: 2.2 }]}>Période</Text>
            </View>
            {data.periods.map((p) => (
              <View key={p.contractNumber} style={pdfStyles.row}>
                <Text style={{ flex: 1 }}>{p.contractNumber}</Text>
                <Text style={{ flex: 2.6 }}>{p.clientName}</Text>
                <Text style={{ flex: 2.8 }}>{p.jobTitle}</Text>
                <Text style={{ flex: 2.2 }}>
                  du {formatDay(p.startDate)} au {formatDay(p.endDate)}
                </Text>
              </View>
            ))}
          </View>
          <Text>Motif de la fin du contrat de travail : {data.endReason}</Text>
        </Section>

        <Section title="Salaires des douze derniers mois">
          <View style={pdfStyles.table}>
            <View style={pdfStyles.headRow}>
              <Text style={[pdfStyles.headCell, { flex: 2 }]}>Mois</Text>
              <Text style={[pdfStyles.headCell, { flex: 1, textAlign: "right" }]}>Heures</Text>
              <Text style={[pdfStyles.headCell, { flex: 1.4, textAlign: "right" }]}>Salaire brut</Text>
            </View>
            {data.salaries.map((s) => (
              <View key={s.month.toISOString()} style={pdfStyles.row}>
                <Text style={{ flex: 2 }}>{formatMonth(s.month)}</Text>
                <Text style={{ flex: 1, textAlign: "right" }}>{formatHours(s.minutes)}</Text>
                <Text style={{ flex: 1.4, textAlign: "right" }}>{formatEuros(s.grossCents)}</Text>
              </View>
            ))}
            <View style={pdfStyles.totalRow}>
              <Text style={[pdfStyles.strong, { flex: 2 }]}>Total</Text>
              <Text style={[pdfStyles.strong, { flex: 1, textAlign: "right" }]}>{formatHours(totalMinutes)}</Text>
              <Text style={[pdfStyles.strong, { flex: 1.4, textAlign: "right" }]}>{formatEuros(totalGross)}</Text>
            </View>
          </View>
        </Section>

        <Section title="Sommes versées à l'occasion de la fin de la dernière mission">
          <Text style={pdfStyles.line}>Indemnité de fin de mission : {formatEuros(data.endOfMissionCents)}</Text>
          <Text style={pdfStyles.line}>Indemnité compensatrice de congés payés : {formatEuros(data.paidLeaveCents)}</Text>
        </Section>

        <Text style={{ marginTop: 4 }}>
          Je soussigné(e) certifie l'exactitude des renseignements portés sur la présente attestation, remise à {fullName(data.employee)}.
        </Text>
        <SignatureBlock signatory={data.signatory} />
        <Text style={pdfStyles.footer} fixed>
          Document établi par l'entreprise de travail temporaire. Le salarié le transmet à France Travail avec sa demande d'allocations.
        </Text>
      </Page>
    </Document>
  );
}

function WorkCertificateDocument({ data }: { data: WorkCertificateData }) {
  const name = fullName(data.employee);
  const address = [data.employee.address, [data.employee.postalCode, data.employee.city].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
  return (
    <Document title="Certificat de travail" author={data.employer.name} language="fr-FR">
      <Page size="A4" style={[pdfStyles.page, { fontSize: 10, paddingTop: 48, paddingHorizontal: 56 }]}>
        <View style={[pdfStyles.blocks, { marginBottom: 28 }]}>
          <EmployerBlock employer={data.employer} />
          <View style={{ flex: 1 }} />
        </View>
        <Text style={[pdfStyles.title, { textAlign: "center", marginBottom: 28 }]}>CERTIFICAT DE TRAVAIL</Text>
        <Text style={{ marginBottom: 12 }}>
          Je soussigné(e) {data.signatory.name}, {data.signatory.title.toLowerCase()} de {data.employer.name}, entreprise de travail
          temporaire, certifie que {name}
          {address ? `, demeurant ${address},` : ""} matricule {data.employee.agencyCode} {data.employee.workerNumber}, a été employé(e) par
          notre entreprise en qualité de salarié(e) intérimaire, dans le cadre de contrats de mission, du {formatDay(data.firstDay)} au{" "}
          {formatDay(data.lastDay)}.
        </Text>
        <Text style={{ marginBottom: 6 }}>Emploi(s) occupé(s) pendant cette période :</Text>
        {data.jobTitles.map((title) => (
          <Text key={title} style={{ marginLeft: 14, marginBottom: 3 }}>
            - {title}
          </Text>
        ))}
        <Text style={{ marginTop: 12, marginBottom: 12 }}>
          {name} nous quitte libre de tout engagement. L'intéressé(e) peut bénéficier du maintien à titre gratuit des garanties de
          prévoyance et de complémentaire santé (portabilité) dans les conditions prévues par l'article L. 911-8 du code de la sécurité
          sociale.
        </Text>
        <Text>Certificat délivré pour servir et valoir ce que de droit.</Text>
        <SignatureBlock signatory={data.signatory} />
      </Page>
    </Document>
  );
}

function PlainDocument({ data }: { data: PlainDocumentData }) {
  return (
    <Document title={data.title} language="fr-FR">
      <Page size="A4" orientation="landscape" style={[pdfStyles.page, { fontSize: 12, padding: 56, alignItems: "center" }]}>
        <View
          style={{
            borderWidth: 2,
            borderColor: "#0f5e6b",
            padding: 36,
            width: "100%",
            flexGrow: 1,
            alignItems: "center",
            justifyContent: "center",
          }}
        >
          {data.heading ? <Text style={{ fontSize: 10, letterSpacing: 2, color: "#6b7280", marginBottom: 18 }}>{data.heading}</Text> : null}
          <Text style={[pdfStyles.title, { fontSize: 20, textAlign: "center", marginBottom: 24 }]}>{data.title}</Text>
          {data.paragraphs.map((p, i) => (
            <Text key={i} style={{ textAlign: "center", marginBottom: 10 }}>
              {p}
            </Text>
          ))}
        </View>
        {data.footer ? <Text style={[pdfStyles.footer, { bottom: 24 }]}>{data.footer}</Text> : null}
      </Page>
    </Document>
  );
}

export function renderAttestationPdf(data: AttestationData): Promise<Buffer> {
  return renderToBuffer(<AttestationDocument data={data} />);
}

export function renderWorkCertificatePdf(data: WorkCertificateData): Promise<Buffer> {
  return renderToBuffer(<WorkCertificateDocument data={data} />);
}

export function renderPlainDocumentPdf(data: PlainDocumentData): Promise<Buffer> {
  return renderToBuffer(<PlainDocument data={data} />);
}

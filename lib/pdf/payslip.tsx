// A French payslip ("Bulletin de salaire") of a temp worker, as a PDF.
// Built-in Helvetica only (no font download); amounts in integer cents.
// No "server-only" import: the seed script renders payslips too.
import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { ComponentProps } from "react";
import { formatCalendarDate, formatCalendarMonth, formatDecimal, formatEuros as frenchEuros } from "../format";

export type PdfEmployer = {
  name: string; // "Coop Emploi Médico-social"
  address?: string | null;
  postalCode?: string | null;
  city?: string | null;
  siret?: string | null;
  naf?: string | null; // "7820Z"
  urssaf?: string | null;
  phone?: string | null;
  payrollEmail?: string | null;
};

export type PdfEmployee = {
  civility?: "M" | "MME" | null;
  firstName: string;
  lastName: string;
  agencyCode: string; // "MEDIMP"
  workerNumber: string; // "3985"
  address?: string | null;
  postalCode?: string | null;
  city?: string | null;
  ssnMasked?: string | null; // already masked: "1 88 03 ** *** *** 42"
  jobTitle?: string | null; // "AGENT DE SERVICE LOGISTIQUE (525)"
};

export type PayslipMission = {
  contractNumber: string;
  clientName: string;
  startDate: Date; // calendar days (UTC midnight)
  endDate: Date;
  minutes: number; // worked minutes paid in the period
  hourlyRateCents: number;
};

export type PayslipData = {
  employer: PdfEmployer;
  employee: PdfEmployee;
  periodStart: Date; // calendar days (UTC midnight)
  periodEnd: Date;
  paymentDate: Date;
  missions: PayslipMission[];
  incomeTaxRatePct: number; // "taux personnalisé" of the withholding tax
  advancesCents?: number; // advances already paid during the period
};

export type PayslipLine = { label: string; base?: string; rate?: string; amountCents: number; kind: "gain" | "deduction" };

export type PayslipTotals = {
  grossCents: number;
  contributionsCents: number;
  netBeforeTaxCents: number;
  taxableNetCents: number;
  incomeTaxCents: number;
  advancesCents: number;
  netPaidCents: number;
  hoursMinutes: number;
};

// Employee contribution rates of a non-executive worker, summarised.
const RETIREMENT_PCT = 6.9 + 0.4 + 4.01 + 0.86; // social security (capped + uncapped), Agirc-Arrco T1 + CEG
const CSG_BASE_PCT = 98.25;
const CSG_DEDUCTIBLE_PCT = 6.8;
const CSG_CRDS_NON_DEDUCTIBLE_PCT = 2.9;
const END_OF_MISSION_PCT = 10;
const PAID_LEAVE_PCT = 10;

const pct = (cents: number, rate: number) => Math.round((cents * rate) / 100);

/** The lines and totals of a payslip; pure, so it can be tested and reused. */
export function computePayslip(data: PayslipData): { lines: PayslipLine[]; totals: PayslipTotals } {
  const lines: PayslipLine[] = [];
  const byRate = new Map<number, number>();
  for (const mission of data.missions) byRate.set(mission.hourlyRateCents, (byRate.get(mission.hourlyRateCents) ?? 0) + mission.minutes);

  let baseCents = 0;
  let hoursMinutes = 0;
  for (const [rateCents, minutes] of [...byRate.entries()].sort((a, b) => a[0] - b[0])) {
    const amount = Math.round((minutes * rateCents) / 60);
    baseCents += amount;
    hoursMinutes += minutes;
    lines.push({ label: "Salaire de base", base: formatHours(minutes), rate: formatEuros(rateCents), amountCents: amount, kind: "gain" });
  }
  const endOfMission = pct(baseCents, END_OF_MISSION_PCT);
  lines.push({
    label: "Indemnité de fin de mission",
    base: formatEuros(baseCents),
    rate: "10,00 %",
    amountCents: endOfMission,
    kind: "gain",
  });
  const paidLeaveBase = baseCents + endOfMission;
  const paidLeave = pct(paidLeaveBase, PAID_LEAVE_PCT);
  lines.push({
    label: "Indemnité compensatrice de congés payés",
    base: formatEuros(paidLeaveBase),
    rate: "10,00 %",
    amountCents: paidLeave,
    kind: "gain",
  });
  const grossCents = baseCents + endOfMission + paidLeave;

  const csgBase = pct(grossCents, CSG_BASE_PCT);
  const retirement = pct(grossCents, RETIREMENT_PCT);
  const csgDeductible = pct(csgBase, CSG_DEDUCTIBLE_PCT);
  const csgNonDeductible = pct(csgBase, CSG_CRDS_NON_DEDUCTIBLE_PCT);
  const contributions = [
    { label: "Santé", base: formatEuros(grossCents), rate: "0,00 %", amountCents: 0 },
    {
      label: "Retraite (sécurité sociale et complémentaire)",
      base: formatEuros(grossCents),
      rate: formatPct(RETIREMENT_PCT),
      amountCents: retirement,
    },
    { label: "Assurance chômage", base: formatEuros(grossCents), rate: "0,00 %", amountCents: 0 },
    {
      label: "CSG déductible de l'impôt sur le revenu",
      base: formatEuros(csgBase),
      rate: formatPct(CSG_DEDUCTIBLE_PCT),
      amountCents: csgDeductible,
    },
    {
      label: "CSG/CRDS non déductible de l'impôt sur le revenu",
      base: formatEuros(csgBase),
      rate: formatPct(CSG_CRDS_NON_DEDUCTIBLE_PCT),
      amountCents: csgNonDeductible,
    },
  ];
  for (const c of contributions) lines.push({ ...c, kind: "deduction" });
  const contributionsCents = retirement + csgDeductible + csgNonDeductible;

  const netBeforeTaxCents = grossCents - contributionsCents;
  const taxableNetCents = netBeforeTaxCents + csgNonDeductible;
  const incomeTaxCents = pct(taxableNetCents, data.incomeTaxRatePct);
  const advancesCents = data.advancesCents ?? 0;
  return {
    lines,
    totals: {
      grossCents,
      contributionsCents,
      netBeforeTaxCents,
      taxableNetCents,
      incomeTaxCents,
      advancesCents,
      netPaidCents: netBeforeTaxCents - incomeTaxCents - advancesCents,
      hoursMinutes,
    },
  };
}

// ---------------------------------------------------------------------------
// Formats. The standard PDF fonts only know WinAnsi: Intl's narrow no-break
// space (U+202F) has no glyph there, so it becomes a plain no-break space.
// ---------------------------------------------------------------------------

export const winAnsi = (text: string) => text.replace(/\u202f/g, "\u00a0");

/** 123456 -> "1 234,56 €" */
export function formatEuros(cents: number): string {
  return winAnsi(frenchEuros(cents));
}

export function formatPct(rate: number): string {
  return `${winAnsi(formatDecimal(rate))} %`;
}

/** A calendar day (UTC midnight) -> "30/06/2026". */
export function formatDay(date: Date): string {
  return formatCalendarDate(date);
}

/** A calendar day (UTC midnight) -> "juin 2026". */
export function formatMonth(date: Date): string {
  return formatCalendarMonth(date);
}

/** 4530 minutes -> "75,50 h" */
export function formatHours(minutes: number): string {
  return `${winAnsi(formatDecimal(minutes / 60))} h`;
}

export function fullName(person: { civility?: "M" | "MME" | null; firstName: string; lastName: string }): string {
  const civility = person.civility === "M" ? "M. " : person.civility === "MME" ? "Mme " : "";
  return `${civility}${person.firstName} ${person.lastName.toUpperCase()}`;
}

// ---------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------

const INK = "#1f2937";
const MUTED = "#6b7280";
const RULE = "#d1d5db";
const ACCENT = "#0f5e6b";

export const pdfStyles = StyleSheet.create({
  page: { fontFamily: "Helvetica", fontSize: 8.5, color: INK, paddingTop: 32, paddingBottom: 48, paddingHorizontal: 36 },
  header: { flexDirection: "row", justifyContent: "space-between", alignItems: "flex-start", marginBottom: 14 },
  title: { fontSize: 15, fontFamily: "Helvetica-Bold", color: ACCENT },
  subtitle: { fontSize: 9, color: MUTED, marginTop: 3 },
  blocks: { flexDirection: "row", gap: 12, marginBottom: 12 },
  block: { flex: 1, borderWidth: 0.75, borderColor: RULE, borderRadius: 3, padding: 8 },
  blockTitle: { fontSize: 7, color: MUTED, textTransform: "uppercase", marginBottom: 4, letterSpacing: 0.5 },
  strong: { fontFamily: "Helvetica-Bold" },
  line: { marginBottom: 1.5 },
  table: { borderWidth: 0.75, borderColor: RULE, borderRadius: 3, marginBottom: 10 },
  row: { flexDirection: "row", borderTopWidth: 0.5, borderTopColor: RULE, paddingVertical: 3.5, paddingHorizontal: 6 },
  headRow: { flexDirection: "row", backgroundColor: "#f3f4f6", paddingVertical: 4, paddingHorizontal: 6 },
  headCell: { fontFamily: "Helvetica-Bold", fontSize: 7.5, color: MUTED },
  totalRow: {
    flexDirection: "row",
    borderTopWidth: 0.75,
    borderTopColor: INK,
    paddingVertical: 4,
    paddingHorizontal: 6,
    backgroundColor: "#f9fafb",
  },
  netRow: { flexDirection: "row", paddingVertical: 7, paddingHorizontal: 6, backgroundColor: ACCENT, color: "#ffffff" },
  footer: { position: "absolute", left: 36, right: 36, bottom: 22, fontSize: 7, color: MUTED, textAlign: "center" },
});

const col = {
  label: { flex: 4 },
  base: { flex: 1.6, textAlign: "right" as const },
  rate: { flex: 1.2, textAlign: "right" as const },
  gain: { flex: 1.5, textAlign: "right" as const },
  deduction: { flex: 1.5, textAlign: "right" as const },
};

function Address({ address, postalCode, city }: { address?: string | null; postalCode?: string | null; city?: string | null }) {
  return (
    <>
      {address ? <Text style={pdfStyles.line}>{address}</Text> : null}
      {postalCode || city ? <Text style={pdfStyles.line}>{[postalCode, city?.toUpperCase()].filter(Boolean).join(" ")}</Text> : null}
    </>
  );
}

export function EmployerBlock({ employer }: { employer: PdfEmployer }) {
  return (
    <View style={pdfStyles.block}>
      <Text style={pdfStyles.blockTitle}>Employeur</Text>
      <Text style={[pdfStyles.strong, pdfStyles.line]}>{employer.name}</Text>
      <Address address={employer.address} postalCode={employer.postalCode} city={employer.city} />
      {employer.siret ? <Text style={pdfStyles.line}>SIRET : {employer.siret}</Text> : null}
      {employer.naf ? <Text style={pdfStyles.line}>Code NAF : {employer.naf} (activités des agences de travail temporaire)</Text> : null}
      {employer.urssaf ? <Text style={pdfStyles.line}>URSSAF : {employer.urssaf}</Text> : null}
      {employer.phone ? <Text style={pdfStyles.line}>Tél. : {employer.phone}</Text> : null}
    </View>
  );
}

export function EmployeeBlock({ employee }: { employee: PdfEmployee }) {
  return (
    <View style={pdfStyles.block}>
      <Text style={pdfStyles.blockTitle}>Salarié intérimaire</Text>
      <Text style={[pdfStyles.strong, pdfStyles.line]}>{fullName(employee)}</Text>
      <Address address={employee.address} postalCode={employee.postalCode} city={employee.city} />
      <Text style={pdfStyles.line}>
        Matricule : {employee.agencyCode} {employee.workerNumber}
      </Text>
      {employee.ssnMasked ? <Text style={pdfStyles.line}>N° de sécurité sociale : {employee.ssnMasked}</Text> : null}
      {employee.jobTitle ? <Text style={pdfStyles.line}>Emploi : {employee.jobTitle}</Text> : null}
      <Text style={pdfStyles.line}>Statut : intérimaire non cadre</Text>
    </View>
  );
}

function Amount({ cents, style }: { cents: number; style: ComponentProps<typeof View>["style"] }) {
  return <Text style={style}>{formatEuros(cents)}</Text>;
}

function PayslipDocument({ data }: { data: PayslipData }) {
  const { lines, totals } = computePayslip(data);
  const gains = lines.filter((l) => l.kind === "gain");
  const deductions = lines.filter((l) => l.kind === "deduction");
  const row = (l: PayslipLine, i: number) => (
    <View key={`${l.label}-${i}`} style={pdfStyles.row} wrap={false}>
      <Text style={col.label}>{l.label}</Text>
      <Text style={col.base}>{l.base ?? ""}</Text>
      <Text style={col.rate}>{l.rate ?? ""}</Text>
      {l.kind === "gain" ? <Amount cents={l.amountCents} style={col.gain} /> : <Text style={col.gain} />}
      {l.kind === "deduction" ? <Amount cents={l.amountCents} style={col.deduction} /> : <Text style={col.deduction} />}
    </View>
  );

  return (
    <Document title={`Bulletin de salaire ${formatMonth(data.periodStart)}`} author={data.employer.name} language="fr-FR">
      <Page size="A4" style={pdfStyles.page}>
        <View style={pdfStyles.header}>
          <View>
            <Text style={pdfStyles.title}>BULLETIN DE SALAIRE</Text>
            <Text style={pdfStyles.subtitle}>
              Période du {formatDay(data.periodStart)} au {formatDay(data.periodEnd)} ({formatMonth(data.periodStart)})
            </Text>
          </View>
          <View style={{ alignItems: "flex-end" }}>
            <Text style={pdfStyles.subtitle}>Paiement le {formatDay(data.paymentDate)} par virement</Text>
            <Text style={pdfStyles.subtitle}>Heures payées : {formatHours(totals.hoursMinutes)}</Text>
          </View>
        </View>

        <View style={pdfStyles.blocks}>
          <EmployerBlock employer={data.employer} />
          <EmployeeBlock employee={data.employee} />
        </View>

        <Text style={[pdfStyles.blockTitle, { marginBottom: 3 }]}>Missions de la période</Text>
        <View style={pdfStyles.table}>
          <View style={pdfStyles.headRow}>
            <Text style={[pdfStyles.headCell, { flex: 1 }]}>Contrat</Text>
            <Text style={[pdfStyles.headCell, { flex: 3 }]}>Entreprise utilisatrice</Text>
            <Text style={[pdfStyles.headCell, { flex: 2.2 }]}>Dates</Text>
            <Text style={[pdfStyles.headCell, { flex: 1, textAlign: "right" }]}>Heures</Text>
            <Text style={[pdfStyles.headCell, { flex: 1.2, textAlign: "right" }]}>Taux horaire</Text>
          </View>
          {data.missions.map((m) => (
            <View key={m.contractNumber} style={pdfStyles.row} wrap={false}>
              <Text style={{ flex: 1 }}>{m.contractNumber}</Text>
              <Text style={{ flex: 3 }}>{m.clientName}</Text>
              <Text style={{ flex: 2.2 }}>
                du {formatDay(m.startDate)} au {formatDay(m.endDate)}
              </Text>
              <Text style={{ flex: 1, textAlign: "right" }}>{formatHours(m.minutes)}</Text>
              <Text style={{ flex: 1.2, textAlign: "right" }}>{formatEuros(m.hourlyRateCents)}</Text>
            </View>
          ))}
        </View>

        <View style={pdfStyles.table}>
          <View style={pdfStyles.headRow}>
            <Text style={[pdfStyles.headCell, col.label]}>Désignation</Text>
            <Text style={[pdfStyles.headCell, col.base]}>Base</Text>
            <Text style={[pdfStyles.headCell, col.rate]}>Taux</Text>
            <Text style={[pdfStyles.headCell, col.gain]}>À payer</Text>
            <Text style={[pdfStyles.headCell, col.deduction]}>À déduire</Text>
          </View>
          {gains.map(row)}
          <View style={pdfStyles.totalRow} wrap={false}>
            <Text style={[pdfStyles.strong, col.label]}>SALAIRE BRUT</Text>
            <Text style={col.base} />
            <Text style={col.rate} />
            <Amount cents={totals.grossCents} style={[pdfStyles.strong, col.gain]} />
            <Text style={col.deduction} />
          </View>
          <View style={pdfStyles.row}>
            <Text style={[pdfStyles.headCell, col.label]}>Cotisations et contributions sociales salariales</Text>
          </View>
          {deductions.map(row)}
          <View style={pdfStyles.totalRow} wrap={false}>
            <Text style={[pdfStyles.strong, col.label]}>TOTAL DES COTISATIONS ET CONTRIBUTIONS</Text>
            <Text style={col.base} />
            <Text style={col.rate} />
            <Text style={col.gain} />
            <Amount cents={totals.contributionsCents} style={[pdfStyles.strong, col.deduction]} />
          </View>
          <View style={pdfStyles.totalRow} wrap={false}>
            <Text style={[pdfStyles.strong, col.label]}>NET À PAYER AVANT IMPÔT SUR LE REVENU</Text>
            <Text style={col.base} />
            <Text style={col.rate} />
            <Amount cents={totals.netBeforeTaxCents} style={[pdfStyles.strong, col.gain]} />
            <Text style={col.deduction} />
          </View>
          <View style={pdfStyles.row} wrap={false}>
            <Text style={col.label}>Impôt sur le revenu prélevé à la source</Text>
            <Text style={col.base}>{formatEuros(totals.taxableNetCents)}</Text>
            <Text style={col.rate}>{formatPct(data.incomeTaxRatePct)}</Text>
            <Text style={col.gain} />
            <Amount cents={totals.incomeTaxCents} style={col.deduction} />
          </View>
          {totals.advancesCents > 0 ? (
            <View style={pdfStyles.row} wrap={false}>
              <Text style={col.label}>Acomptes versés sur la période</Text>
              <Text style={col.base} />
              <Text style={col.rate} />
              <Text style={col.gain} />
              <Amount cents={totals.advancesCents} style={col.deduction} />
            </View>
          ) : null}
          <View style={pdfStyles.netRow} wrap={false}>
            <Text style={[pdfStyles.strong, { flex: 1, fontSize: 10 }]}>NET PAYÉ</Text>
            <Amount cents={totals.netPaidCents} style={[pdfStyles.strong, { fontSize: 10, textAlign: "right" }]} />
          </View>
        </View>

        <Text style={{ color: MUTED, fontSize: 7.5 }}>
          Net imposable : {formatEuros(totals.taxableNetCents)}. Taux de prélèvement à la source personnalisé transmis par l'administration
          fiscale. Convention collective : personnel intérimaire des entreprises de travail temporaire.
        </Text>

        <Text style={pdfStyles.footer} fixed>
          Dans votre intérêt et pour vous aider à faire valoir vos droits, conservez ce bulletin de paie sans limitation de durée.
          {data.employer.payrollEmail ? ` Une question sur ce bulletin : ${data.employer.payrollEmail}` : ""}
        </Text>
      </Page>
    </Document>
  );
}

export function renderPayslipPdf(data: PayslipData): Promise<Buffer> {
  return renderToBuffer(<PayslipDocument data={data} />);
}

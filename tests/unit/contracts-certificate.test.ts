// The signed contract PDF (lib/contracts/certificate.ts, on @cantoo/pdf-lib):
// the issued pages kept as they were, plus one certificate page with the
// signature facts, readable as text.
import { describe, expect, it } from "vitest";
import { inflateSync } from "node:zlib";
import { PDFDocument, StandardFonts } from "@cantoo/pdf-lib";
import { appendCertificate, type CertificateData } from "@/lib/contracts/certificate";

function pdfText(pdf: Uint8Array): string {
  const buf = Buffer.from(pdf);
  const raw = buf.toString("latin1");
  const parts: string[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf("endstream", start);
    if (end < 0) break;
    const bytes = buf.subarray(start, end);
    try {
      parts.push(inflateSync(bytes).toString("latin1"));
    } catch {
      parts.push(bytes.toString("latin1"));
    }
  }
  const text: string[] = [];
  for (const content of parts) {
    for (const hex of content.matchAll(/<([0-9A-Fa-f\s]+)>\s*Tj/g))
      text.push(Buffer.from(hex[1].replace(/\s/g, ""), "hex").toString("latin1"));
  }
  return text.join("\n");
}

async function issuedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const n of [1, 2]) pdf.addPage([595.28, 841.89]).drawText(`Contrat page ${n}`, { x: 48, y: 780, size: 12, font });
  return pdf.save();
}

const data: CertificateData = {
  contractNumber: "C-2026-0042",
  contractVersion: 2,
  signerName: "Inès SIGNATURE",
  signerEmail: "ines@example.fr",
  phoneMasked: "06 •• •• •• 01",
  signedAtParis: "27/11/2026 à 14:03:12 (heure de Paris)",
  ipAddress: null,
  userAgent: "Mozilla/5.0 😀",
  issuedSha256: "a".repeat(64),
  agencyName: "Coop Emploi MEDIMP",
  sealSubject: "CN=Coop Emploi - cachet, O=Coop Emploi, C=FR",
  sealFingerprint: "AB:CD:EF",
};

describe("signed contract certificate", () => {
  it("keeps the issued pages and appends one certificate page with the signature facts", async () => {
    const issued = await issuedPdf();
    const signed = await appendCertificate(issued, data);
    expect(Buffer.from(signed).subarray(0, 5).toString()).toBe("%PDF-");
    const doc = await PDFDocument.load(signed);
    expect(doc.getPageCount()).toBe(3);
    expect(doc.getTitle()).toBe("Contrat de mission n° C-2026-0042 (signé)");
    const text = pdfText(signed);
    expect(text).toContain("Contrat page 1");
    expect(text).toContain("Contrat page 2");
    expect(text).toContain("CERTIFICAT DE SIGNATURE \xc9LECTRONIQUE");
    expect(text).toContain("Contrat de mission n\xb0 C-2026-0042 - version 2");
    expect(text).toContain("a".repeat(62));
    expect(text).toContain("non communiqu\xe9e");
    expect(text).toContain("06 \x95\x95 \x95\x95 \x95\x95 01");
    // Characters the standard fonts cannot draw become "?" instead of failing.
    expect(text).toContain("Mozilla/5.0 ??");
    expect(text).toContain("page 3 / 3");
    expect(text).toContain("CN=Coop Emploi - cachet, O=Coop Emploi, C=FR");
    expect(text).toContain("AB:CD:EF");
  });

  it("refuses bytes that are not a PDF", async () => {
    await expect(appendCertificate(new TextEncoder().encode("not a pdf"), data)).rejects.toThrow();
  });
});

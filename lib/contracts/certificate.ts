// The signature certificate page appended to the signed contract's pages
// (the issued document rendered again from the same data, its worker box
// filled). Built with @cantoo/pdf-lib, the maintained fork of pdf-lib; the
// whole file is then sealed (lib/seal) by confirm-signature.ts.
import { PDFDocument, StandardFonts, rgb } from "@cantoo/pdf-lib";

export type CertificateData = {
  contractNumber: string;
  contractVersion: number;
  signerName: string;
  signerEmail: string;
  phoneMasked: string;
  signedAtParis: string; // "27/11/2026 à 14:03:12 (heure de Paris)"
  ipAddress: string | null;
  userAgent: string | null;
  issuedSha256: string;
  agencyName: string;
  sealSubject: string; // the seal certificate's subject "CN=…, O=…, C=FR"
  sealFingerprint: string; // its SHA-256 "AB:CD:…"
};

// Standard fonts only know WinAnsi: keep to Latin-1 plus the bullet.
const safe = (t: string) => t.replace(/[\u202f\u00a0]/g, " ").replace(/[^\x20-\x7e\u00a0-\u00ff\u2022]/g, "?");

function wrap(text: string, max: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (word.length > max) {
      if (line) out.push(line);
      for (let i = 0; i < word.length; i += max) out.push(word.slice(i, i + max));
      line = "";
      continue;
    }
    if ((line + " " + word).trim().length > max) {
      out.push(line);
      line = word;
    } else line = (line + " " + word).trim();
  }
  if (line) out.push(line);
  return out;
}

export async function appendCertificate(issuedPdf: Uint8Array, data: CertificateData): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(issuedPdf);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage([595.28, 841.89]);
  const ink = rgb(0.12, 0.16, 0.22);
  const accent = rgb(0.06, 0.37, 0.42);
  let y = 780;
  page.drawText(safe("CERTIFICAT DE SIGNATURE ÉLECTRONIQUE"), { x: 48, y, size: 15, font: bold, color: accent });
  y -= 20;
  page.drawText(safe(`Contrat de mission n° ${data.contractNumber} - version ${data.contractVersion}`), {
    x: 48,
    y,
    size: 10,
    font,
    color: ink,
  });
  y -= 30;
  const rows: [string, string][] = [
    ["Signataire", `${data.signerName} (${data.signerEmail})`],
    ["Téléphone (code SMS)", data.phoneMasked],
    ["Date et heure", data.signedAtParis],
    ["Adresse IP", data.ipAddress ?? "non communiquée"],
    ["Navigateur", data.userAgent ?? "non communiqué"],
    ["Empreinte SHA-256 du contrat émis", data.issuedSha256],
    ["Vérification", "Code à usage unique envoyé par SMS, vérifié"],
    ["Émetteur", data.agencyName],
    ["Cachet électronique (certificat)", data.sealSubject],
    ["Empreinte SHA-256 du certificat", data.sealFingerprint],
  ];
  for (const [label, value] of rows) {
    page.drawText(safe(label), { x: 48, y, size: 9, font: bold, color: ink });
    const lines = wrap(safe(value), 62);
    for (const line of lines) {
      page.drawText(line, { x: 230, y, size: 9, font, color: ink });
      y -= 13;
    }
    y -= 6;
  }
  y -= 10;
  const text =
    "Le signataire a pris connaissance du contrat, a consenti à le signer électroniquement et a confirmé sa signature en saisissant le code à usage unique reçu par SMS. Les pages qui précèdent reproduisent le document émis pour signature, dont l'empreinte SHA-256 figure ci-dessus, complété de la mention de signature. Le fichier est scellé par le cachet électronique de l'agence : toute modification ultérieure est signalée par les lecteurs PDF.";
  for (const line of wrap(safe(text), 100)) {
    page.drawText(line, { x: 48, y, size: 9, font, color: ink });
    y -= 13;
  }
  const total = pdf.getPageCount();
  page.drawText(safe(`Contrat de mission n° ${data.contractNumber} - certificat de signature - page ${total} / ${total}`), {
    x: 150,
    y: 24,
    size: 7,
    font,
    color: rgb(0.42, 0.45, 0.5),
  });
  pdf.setTitle(`Contrat de mission n° ${data.contractNumber} (signé)`);
  pdf.setSubject("Contrat de mission signé électroniquement");
  pdf.setProducer("Espace intérimaire");
  return pdf.save({ useObjectStreams: false });
}

// Seals a PDF with the agency's certificate in PAdES form: a signature
// dictionary (ETSI.CAdES.detached, reason, place, time) added with
// @signpdf/placeholder-pdf-lib, then a CAdES SignedData over the whole file
// (byte ranges around the signature) placed by @signpdf/signpdf. With TSA_URL
// the signature value is timestamped (RFC 3161): baseline B-T; otherwise B-B.
// No "server-only" import: the seed seals the demo contracts too.
import { PDFDocument } from "pdf-lib";
import { pdflibAddPlaceholder } from "@signpdf/placeholder-pdf-lib";
import { SignPdf } from "@signpdf/signpdf";
import { SUBFILTER_ETSI_CADES_DETACHED, Signer } from "@signpdf/utils";
import { OID, asn1Of, buildSignedData } from "./cms";
import { sealIdentity, type SealIdentity } from "./identity";
import { fetchTimestamp } from "./timestamp";

export type SealMeta = {
  reason: string; // "Émis par …", "Contrat de mission signé par … par code SMS"
  location: string; // "Lyon, France"
  contactInfo?: string;
  signingTime: Date;
};

export type SealOptions = { identity?: SealIdentity; tsaUrl?: string | null };

class CadesSigner extends Signer {
  timestamped = false;
  constructor(
    private readonly identity: SealIdentity,
    private readonly tsaUrl: string | null,
  ) {
    super();
  }
  async sign(pdfBuffer: Buffer): Promise<Buffer> {
    const tsaUrl = this.tsaUrl;
    return buildSignedData({
      signer: { keyPem: this.identity.keyPem, certDer: this.identity.certDer, chainDer: this.identity.chainDer },
      content: pdfBuffer,
      detached: true,
      unsigned: tsaUrl
        ? async (signature) => {
            try {
              const token = await fetchTimestamp(tsaUrl, signature);
              this.timestamped = true;
              return [{ type: OID.timeStampToken, value: asn1Of(token) }];
            } catch (error) {
              // A timestamp authority that is down must not block a signature:
              // the seal stays valid (baseline B-B), and the log says so.
              console.error(`[seal] no timestamp, sealed without one (B-B): ${(error as Error).message}`);
              return [];
            }
          }
        : undefined,
    });
  }
}

// Room for the CMS: the certificates, the signature, and a timestamp token
// with the authority's own certificates.
const SIGNATURE_BYTES = 2_048;
const SIGNATURE_BYTES_WITH_TSA = 8_192;

/** The PDF, sealed; `timestamped` says whether the TSA's token is in it. */
export async function sealPdf(
  pdf: Uint8Array,
  meta: SealMeta,
  options: SealOptions = {},
): Promise<{ bytes: Buffer; timestamped: boolean }> {
  const identity = options.identity ?? sealIdentity(meta.signingTime);
  const tsaUrl = options.tsaUrl === undefined ? process.env.TSA_URL?.trim() || null : options.tsaUrl;
  // The placeholder is hex: twice the CMS bytes, and an even length (signpdf pads by whole bytes).
  const chainBytes = identity.chainDer.reduce((n, c) => n + c.length, identity.certDer.length);
  const signatureLength = 2 * Math.ceil(((tsaUrl ? SIGNATURE_BYTES_WITH_TSA : SIGNATURE_BYTES) + chainBytes) / 1024) * 1024;
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: meta.reason,
    location: meta.location,
    contactInfo: meta.contactInfo ?? "",
    name: identity.subject,
    signingTime: meta.signingTime,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    signatureLength,
    appName: "Espace intérimaire",
  });
  const prepared = Buffer.from(await doc.save({ useObjectStreams: false }));
  const signer = new CadesSigner(identity, tsaUrl);
  const bytes = await new SignPdf().sign(prepared, signer, meta.signingTime);
  return { bytes, timestamped: signer.timestamped };
}

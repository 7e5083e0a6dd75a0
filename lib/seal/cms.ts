// CMS SignedData (RFC 5652) built with node-forge's ASN.1 and signed with
// Node's RSA: the CAdES form PAdES baseline signatures need (ETSI EN 319 122),
// which forge's own pkcs7 cannot produce (it has no signing-certificate-v2
// attribute and no unsigned attributes). Also used by the test timestamp
// authority to build its tokens (an encapsulated TSTInfo instead of a
// detached document). No "server-only": the seed seals the demo contracts.
import { createHash, createSign } from "node:crypto";
import forge from "node-forge";

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;

export const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  sha256: "2.16.840.1.101.3.4.2.1",
  rsaEncryption: "1.2.840.113549.1.1.1",
  sha256WithRSA: "1.2.840.113549.1.1.11",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  timeStampToken: "1.2.840.113549.1.9.16.2.14",
  tstInfo: "1.2.840.113549.1.9.16.1.4",
} as const;

const seq = (items: Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const set = (items: Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, items);
const oid = (value: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(value).getBytes());
const octets = (bytes: Buffer) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes.toString("binary"));
const int = (n: number) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(n).getBytes());
const nul = () => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, "");
const tagged = (n: number, items: Asn1[]) => asn1.create(asn1.Class.CONTEXT_SPECIFIC, n, true, items);
export const der = (node: Asn1) => Buffer.from(asn1.toDer(node).getBytes(), "binary");
export const fromDer = (bytes: Buffer) => asn1.fromDer(forge.util.createBuffer(bytes.toString("binary")));
const algorithm = (id: string, withNull = true) => seq(withNull ? [oid(id), nul()] : [oid(id)]);
const attribute = (type: string, value: Asn1) => seq([oid(type), set([value])]);

export const sha256 = (bytes: Buffer | Uint8Array) => createHash("sha256").update(bytes).digest();

/** The signer: an RSA key (PEM) and its certificate (DER), plus the chain sent along. */
export type CmsSigner = { keyPem: string; certDer: Buffer; chainDer?: Buffer[] };

function issuerAndSerial(certDer: Buffer): Asn1 {
  // TBSCertificate: [0] version, serialNumber, signature, issuer, ...
  const tbs = (fromDer(certDer).value as Asn1[])[0].value as Asn1[];
  const offset = tbs[0].tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0;
  return seq([tbs[offset + 2], tbs[offset]]);
}

export type SignedDataInput = {
  signer: CmsSigner;
  /** The detached content's bytes (a PDF's byte ranges), or the encapsulated content. */
  content: Buffer;
  detached: boolean;
  contentType?: string; // default id-data
  /** Extra unsigned attributes, given the signature value (e.g. a timestamp of it). */
  unsigned?: (signatureValue: Buffer) => Promise<{ type: string; value: Asn1 }[]>;
};

/** A DER ContentInfo holding a SignedData with one signer (CAdES-B). */
export async function buildSignedData(input: SignedDataInput): Promise<Buffer> {
  const contentType = input.contentType ?? OID.data;
  const { signer } = input;
  const signedAttrs = [
    attribute(OID.contentType, oid(contentType)),
    attribute(OID.messageDigest, octets(sha256(input.content))),
    // ESS signing-certificate-v2 (RFC 5035): binds the signer's certificate.
    attribute(OID.signingCertificateV2, seq([seq([seq([octets(sha256(signer.certDer))])])])),
  ];
  // Signed over the DER SET OF; embedded as [0] IMPLICIT.
  const signature = createSign("sha256")
    .update(der(set(signedAttrs)))
    .sign(signer.keyPem);
  const unsigned = input.unsigned ? await input.unsigned(signature) : [];
  const signerInfo = seq([
    int(1),
    issuerAndSerial(signer.certDer),
    algorithm(OID.sha256),
    tagged(0, signedAttrs),
    algorithm(OID.rsaEncryption),
    octets(signature),
    ...(unsigned.length
      ? [
          tagged(
            1,
            unsigned.map((a) => attribute(a.type, a.value)),
          ),
        ]
      : []),
  ]);
  const encap = seq([
    oid(contentType),
    ...(input.detached ? [] : [asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [octets(input.content)])]),
  ]);
  const certs = [signer.certDer, ...(signer.chainDer ?? [])].map((c) => fromDer(c));
  const signedData = seq([int(contentType === OID.data ? 1 : 3), set([algorithm(OID.sha256)]), encap, tagged(0, certs), set([signerInfo])]);
  return der(seq([oid(OID.signedData), tagged(0, [signedData])]));
}

/** A DER value as an ASN.1 node, for attributes built elsewhere (a timestamp token). */
export function asn1Of(bytes: Buffer): Asn1 {
  return fromDer(bytes);
}

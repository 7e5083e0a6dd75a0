// RFC 3161 timestamp client: asks the authority at TSA_URL to timestamp the
// hash of a signature value; the token it returns goes into the signature's
// unsigned attributes (CAdES/PAdES baseline B-T).
import { randomBytes } from "node:crypto";
import forge from "node-forge";
import { OID, der, fromDer, sha256 } from "./cms";

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;

export class TimestampError extends Error {}

/** DER TimeStampReq for the SHA-256 of `data`, with a nonce, asking for the TSA's certificate. */
export function timestampRequest(data: Buffer, nonce: Buffer = randomBytes(8)): Buffer {
  const nonceBytes = nonce[0] & 0x80 ? Buffer.concat([Buffer.from([0]), nonce]) : nonce;
  return der(
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(1).getBytes()),
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
        asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
          asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(OID.sha256).getBytes()),
          asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, ""),
        ]),
        asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, sha256(data).toString("binary")),
      ]),
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, nonceBytes.toString("binary")),
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BOOLEAN, false, String.fromCharCode(0xff)),
    ]),
  );
}

/** The TimeStampToken (a DER ContentInfo) of a granted TimeStampResp; throws otherwise. */
export function tokenOfResponse(response: Buffer): Buffer {
  let root: Asn1;
  try {
    root = fromDer(response);
  } catch {
    throw new TimestampError("the timestamp authority's answer is not DER");
  }
  const [statusInfo, token] = root.value as Asn1[];
  const status = asn1.derToInteger(forge.util.createBuffer((statusInfo.value as Asn1[])[0].value as string));
  // 0 granted, 1 granted with modifications.
  if (status !== 0 && status !== 1) throw new TimestampError(`the timestamp authority refused (status ${status})`);
  if (!token) throw new TimestampError("the timestamp authority returned no token");
  return der(token);
}

/** Timestamps `data` (a signature value) at `url`; the token, as DER. */
export async function fetchTimestamp(url: string, data: Buffer, timeoutMs = 10_000): Promise<Buffer> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/timestamp-query", Accept: "application/timestamp-reply" },
      body: new Uint8Array(timestampRequest(data)),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new TimestampError(`timestamp authority not reachable: ${(error as Error).message}`);
  }
  if (!res.ok) throw new TimestampError(`timestamp authority answered HTTP ${res.status}`);
  return tokenOfResponse(Buffer.from(await res.arrayBuffer()));
}

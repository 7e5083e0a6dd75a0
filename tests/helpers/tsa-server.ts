// A small RFC 3161 timestamp authority for the tests and the seal benchmark:
// answers a TimeStampReq with a TimeStampToken signed by its own self-signed
// certificate (extended key usage timeStamping, critical), built with the
// same CMS code as the seal. Not for production: one key, no policy.
import { createServer, type Server } from "node:http";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import forge from "node-forge";
import { OID, buildSignedData, der, fromDer } from "@/lib/seal/cms";

const { asn1 } = forge;
type Asn1 = forge.asn1.Asn1;

export type TestTsa = { url: string; certPem: string; requests: number; close: () => Promise<void> };

function tsaIdentity() {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString());
  cert.serialNumber = "02" + randomBytes(8).toString("hex");
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 86_400_000);
  const name = [
    { name: "commonName", value: "Test TSA" },
    { name: "countryName", value: "FR" },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([{ name: "extKeyUsage", critical: true, timeStamping: true }]);
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  const certDer = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), "binary");
  return { keyPem, certDer, certPem: forge.pki.certificateToPem(cert) };
}

const u = (type: number, value: string | Asn1[], constructed = false) => asn1.create(asn1.Class.UNIVERSAL, type, constructed, value);

export async function startTestTsa(options: { refuse?: boolean } = {}): Promise<TestTsa> {
  const identity = tsaIdentity();
  let serial = 1;
  const state = { requests: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      state.requests++;
      void (async () => {
        const request = fromDer(Buffer.concat(chunks)).value as Asn1[];
        const imprint = request[1];
        const nonce = request.find((n, i) => i > 1 && n.type === asn1.Type.INTEGER);
        if (options.refuse) {
          res.writeHead(200, { "Content-Type": "application/timestamp-reply" });
          res.end(der(u(asn1.Type.SEQUENCE, [u(asn1.Type.SEQUENCE, [u(asn1.Type.INTEGER, asn1.integerToDer(2).getBytes())], true)], true)));
          return;
        }
        const tstInfo = u(
          asn1.Type.SEQUENCE,
          [
            u(asn1.Type.INTEGER, asn1.integerToDer(1).getBytes()),
            u(asn1.Type.OID, asn1.oidToDer("1.3.6.1.4.1.99999.1").getBytes()),
            imprint,
            u(asn1.Type.INTEGER, asn1.integerToDer(serial++).getBytes()),
            u(asn1.Type.GENERALIZEDTIME, asn1.dateToGeneralizedTime(new Date())),
            ...(nonce ? [nonce] : []),
          ],
          true,
        );
        const token = await buildSignedData({
          signer: { keyPem: identity.keyPem, certDer: identity.certDer },
          content: der(tstInfo),
          detached: false,
          contentType: OID.tstInfo,
        });
        const status = u(asn1.Type.SEQUENCE, [u(asn1.Type.INTEGER, asn1.integerToDer(0).getBytes())], true);
        res.writeHead(200, { "Content-Type": "application/timestamp-reply" });
        res.end(der(u(asn1.Type.SEQUENCE, [status, fromDer(token)], true)));
      })().catch((error: unknown) => {
        res.writeHead(500);
        res.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    certPem: identity.certPem,
    get requests() {
      return state.requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// Time the seal adds to a signature: the signed contract PDF (pages rendered
// with the signature mention, plus the certificate page) is built once, then
// sealed 20 times (the seal as the server loads it: APP_ENV=test's local
// self-signed one unless SEAL_P12_* are set), without and with an RFC 3161
// timestamp from the local test authority. Prints the medians.
// `npm run bench:seal`
import { renderContractPdf, type ContractPdfData } from "../lib/contracts/pdf";
import { appendCertificate } from "../lib/contracts/certificate";
import { sealIdentity } from "../lib/seal/identity";
import { sealPdf } from "../lib/seal/seal-pdf";
import { startTestTsa } from "../tests/helpers/tsa-server";

process.env.APP_ENV ??= "test";
const RUNS = 20;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const data: ContractPdfData = {
  number: "42691",
  version: 1,
  reference: "B MAGALIE",
  agency: { name: "Coop Emploi MEDIMP", code: "MEDIMP", address: "12 rue de la République", postalCode: "69002", city: "Lyon" },
  worker: { civility: "MME", firstName: "Inès", lastName: "Signature", workerNumber: "3985" },
  client: { name: "RESIDENCE JEAN XXIII" },
  site: { name: "Résidence", address: "1 place d'Armes", postalCode: "12000", city: "Rodez" },
  qualification: { code: "525", label: "Aide-soignant" },
  startDate: day("2026-12-07"),
  endDate: day("2026-12-11"),
  hoursLabel: "",
  shifts: [7, 8, 9, 10, 11].map((d) => ({
    startsAt: new Date(`2026-12-${String(d).padStart(2, "0")}T12:30:00Z`),
    endsAt: new Date(`2026-12-${String(d).padStart(2, "0")}T19:30:00Z`),
    breakMinutes: 30,
  })),
  hourlyRateCents: 1250,
  issuedOn: new Date(),
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function time(label: string, work: () => Promise<unknown>): Promise<number> {
  await work(); // warm-up: module loading and the seal read once
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await work();
    runs.push(performance.now() - t0);
  }
  const m = median(runs);
  console.log(
    `${label}: median ${m.toFixed(1)} ms over ${RUNS} (min ${Math.min(...runs).toFixed(1)}, max ${Math.max(...runs).toFixed(1)})`,
  );
  return m;
}

const seal = sealIdentity();
const at = new Date();
const buildUnsealed = async () => {
  const pages = await renderContractPdf({
    ...data,
    seal: { subject: seal.subject, fingerprint: seal.fingerprint },
    signature: { name: "Inès SIGNATURE", signedAt: "04/12/2026 à 19:20", phoneMasked: "06 •• •• •• 01" },
    extraPages: 1,
  });
  return appendCertificate(pages, {
    contractNumber: data.number,
    contractVersion: 1,
    signerName: "Inès SIGNATURE",
    signerEmail: "ines@example.fr",
    phoneMasked: "06 •• •• •• 01",
    signedAtParis: "04/12/2026 19:20:00 (heure de Paris)",
    ipAddress: "203.0.113.7",
    userAgent: "Mozilla/5.0",
    issuedSha256: "a".repeat(64),
    agencyName: data.agency.name,
    sealSubject: seal.subject,
    sealFingerprint: seal.fingerprint,
  });
};
const unsealed = await buildUnsealed();
const meta = { reason: "Contrat de mission signé par Inès SIGNATURE par code SMS", location: "Lyon, France", signingTime: at };

console.log(`Seal: ${seal.subject} (${seal.source}), signed PDF ${unsealed.length} bytes`);
const build = await time("signed PDF without the seal (render + certificate page)", buildUnsealed);
const bb = await time("seal, baseline B-B (no TSA)", () => sealPdf(unsealed, meta, { tsaUrl: null }));
const tsa = await startTestTsa();
try {
  const bt = await time("seal, baseline B-T (local RFC 3161 TSA)", () => sealPdf(unsealed, meta, { tsaUrl: tsa.url }));
  console.log(
    `Added to a signature by the seal: ${bb.toFixed(1)} ms (B-B), ${bt.toFixed(1)} ms with a local TSA; building the PDF itself takes ${build.toFixed(1)} ms.`,
  );
} finally {
  await tsa.close();
}

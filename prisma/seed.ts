// Demo data: npx tsx prisma/seed.ts (after scripts/migrate.ts on the same database).
// PGlite in data/pglite when DATABASE_URL is unset, else PostgreSQL. Dates are
// relative to today; running it on a database that has the demo worker does nothing.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaClient, type Prisma } from "../lib/generated/prisma/client";
import { createAdapter, currentEngine } from "../lib/db/adapter";
import { hashPassword } from "../lib/auth/password";
import { getStorage, type Storage } from "../lib/storage";
import { DEMO_PASSWORD, DEMO_WORKER_EMAIL } from "./seed/data";
import type { DocumentRender, PlanExtension } from "./seed/plan";
import { createRandom } from "./seed/time";
import { encryptSecret } from "../lib/crypto/secrets";

export type SeedOptions = {
  /** The moment the data is built around (default: now). */
  now?: Date;
  /** Where the generated PDFs go (default: getStorage(), i.e. STORAGE_DIR or ./storage). */
  storage?: Storage;
  randomSeed?: number;
  log?: (line: string) => void;
  /**
   * Stores the issued PDF of every issued contract (default true), as issuing
   * does in the app. False only for tests that never open a seeded contract:
   * the ~310 renderings are most of the seed's time. Those contracts are then
   * like rows from before issued PDFs were stored (`npm run contracts:backfill-pdfs`).
   */
  issuedContractPdfs?: boolean;
  /** Encrypts the SSN and IBAN of the profiles; without it those fields stay empty. */
  encryptSecret?: (plain: string) => string;
  /** Rows added to the demo data, for test databases only (prisma/fixtures). */
  extension?: PlanExtension;
};

export type SeedCounts = Record<string, number>;
export type SeedResult = { skipped: boolean; counts: SeedCounts; durationMs: number };

// The PDF renderer is loaded only when there is something to seed: the
// "already initialised" path runs at every `npm run demo` and stays quick.
async function renderDocument(render: DocumentRender): Promise<Buffer> {
  const [{ renderPayslipPdf }, { renderAttestationPdf, renderPlainDocumentPdf, renderWorkCertificatePdf }] = await Promise.all([
    import("../lib/pdf/payslip"),
    import("../lib/pdf/simple-document"),
  ]);
  switch (render.kind) {
    case "payslip":
      return renderPayslipPdf(render.data);
    case "attestation":
      return renderAttestationPdf(render.data);
    case "certificate":
      return renderWorkCertificatePdf(render.data);
    case "plain":
      return renderPlainDocumentPdf(render.data);
  }
}

/** Row counts of the tables the seed fills, plus a few breakdowns. */
export async function countRows(prisma: PrismaClient): Promise<SeedCounts> {
  const counts: SeedCounts = {
    agencies: await prisma.agency.count(),
    sectors: await prisma.sector.count(),
    users: await prisma.user.count(),
    "users.WORKER": await prisma.user.count({ where: { role: "WORKER" } }),
    "users.STAFF": await prisma.user.count({ where: { role: "STAFF" } }),
    "users.CLIENT": await prisma.user.count({ where: { role: "CLIENT" } }),
    staffMemberships: await prisma.staffMembership.count(),
    clients: await prisma.client.count(),
    clientSites: await prisma.clientSite.count(),
    clientMemberships: await prisma.clientMembership.count(),
    qualifications: await prisma.qualification.count(),
    workerProfiles: await prisma.workerProfile.count(),
    workerAgencies: await prisma.workerAgency.count(),
    workerQualifications: await prisma.workerQualification.count(),
    diplomas: await prisma.diploma.count(),
    documents: await prisma.document.count(),
    contracts: await prisma.contract.count(),
    shifts: await prisma.shift.count(),
    timesheets: await prisma.timesheet.count(),
    timesheetEntries: await prisma.timesheetEntry.count(),
    advanceRequests: await prisma.advanceRequest.count(),
    availabilities: await prisma.availability.count(),
    profileChanges: await prisma.profileChange.count(),
    notificationPreferences: await prisma.notificationPreference.count(),
    dashboardBlocks: await prisma.dashboardBlock.count(),
    missionNeeds: await prisma.missionNeed.count(),
    missionOffers: await prisma.missionOffer.count(),
    documentRequests: await prisma.documentRequest.count(),
  };
  for (const g of await prisma.contract.groupBy({ by: ["state"], _count: { _all: true }, orderBy: { state: "asc" } })) {
    counts[`contracts.${g.state}`] = g._count._all;
  }
  for (const g of await prisma.document.groupBy({ by: ["kind"], _count: { _all: true }, orderBy: { kind: "asc" } })) {
    counts[`documents.${g.kind}`] = g._count._all;
  }
  return counts;
}

export async function seed(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedResult> {
  const started = Date.now();
  const log = options.log ?? ((line: string) => console.log(line));
  const existing = await prisma.user.findUnique({ where: { email: DEMO_WORKER_EMAIL }, select: { id: true } });
  const storage = options.storage ?? getStorage();
  if (existing) {
    log("Base déjà initialisée : rien à faire");
    // A database kept while the storage folder was emptied gives broken downloads: say so.
    const sample = await prisma.document.findFirst({
      where: { worker: { userId: existing.id }, kind: "PAYSLIP" },
      select: { storageKey: true },
    });
    if (sample && !(await storage.objectExists(sample.storageKey))) {
      log("Attention : les PDF de démonstration sont absents du stockage (STORAGE_DIR ou ./storage) ; recréez la base pour les régénérer.");
    }
    return { skipped: true, counts: await countRows(prisma), durationMs: Date.now() - started };
  }

  const [{ buildPlan }, { backfillIssuedDocuments }] = await Promise.all([import("./seed/plan"), import("../lib/contracts/pdf")]);
  const plan = buildPlan({
    now: options.now ?? new Date(),
    rng: createRandom(options.randomSeed ?? 3985),
    // One hash for every demo account: hashing is deliberately slow.
    passwordHash: await hashPassword(DEMO_PASSWORD),
    encryptSecret: options.encryptSecret,
    extension: options.extension,
  });

  // Files first, rows in one transaction; files of a failed run are removed.
  const storedKeys: string[] = [];
  let renderMs = 0;
  let contractPdfs = 0;
  let contractRenderMs = 0;
  try {
    const documents: Prisma.DocumentCreateManyInput[] = [];
    const renderStarted = Date.now();
    for (const job of plan.documents) {
      const stored = await storage.putObject(await renderDocument(job.render), { contentType: "application/pdf" });
      storedKeys.push(stored.key);
      documents.push({ ...job.row, storageKey: stored.key, sha256: stored.sha256, sizeBytes: stored.size, mimeType: "application/pdf" });
    }
    renderMs = Date.now() - renderStarted;

    await prisma.$transaction(
      async (tx) => {
        await tx.agency.createMany({ data: plan.agencies });
        await tx.sector.createMany({ data: plan.sectors });
        await tx.qualification.createMany({ data: plan.qualifications });
        await tx.user.createMany({ data: plan.users });
        await tx.staffMembership.createMany({ data: plan.staffMemberships });
        await tx.client.createMany({ data: plan.clients });
        await tx.clientSite.createMany({ data: plan.clientSites });
        await tx.clientMembership.createMany({ data: plan.clientMemberships });
        await tx.workerProfile.createMany({ data: plan.workerProfiles });
        await tx.workerAgency.createMany({ data: plan.workerAgencies });
        await tx.document.createMany({ data: documents });
        await tx.diploma.createMany({ data: plan.diplomas });
        for (const grant of plan.diplomaGrants) {
          await tx.diploma.update({
            where: { id: grant.diplomaId },
            data: { grants: { connect: grant.qualificationIds.map((id) => ({ id })) } },
          });
        }
        await tx.workerQualification.createMany({ data: plan.workerQualifications });
        await tx.contract.createMany({ data: plan.contracts });
        await tx.shift.createMany({ data: plan.shifts });
        // Issued contracts carry their stored PDF, as issuing does in the app:
        // pages and downloads only read it. After the shifts: the PDF prints them.
        const contractsStarted = Date.now();
        if (options.issuedContractPdfs !== false) contractPdfs = await backfillIssuedDocuments(tx, storage, (work) => work(tx, storedKeys));
        contractRenderMs = Date.now() - contractsStarted;
        await tx.timesheet.createMany({ data: plan.timesheets });
        await tx.timesheetEntry.createMany({ data: plan.timesheetEntries });
        await tx.advanceRequest.createMany({ data: plan.advanceRequests });
        await tx.availability.createMany({ data: plan.availabilities });
        await tx.profileChange.createMany({ data: plan.profileChanges });
        await tx.notificationPreference.createMany({ data: plan.notificationPreferences });
        await tx.dashboardBlock.createMany({ data: plan.dashboardBlocks });
        await tx.missionNeed.createMany({ data: plan.missionNeeds });
        await tx.missionOffer.createMany({ data: plan.missionOffers });
        await tx.documentRequest.createMany({ data: plan.documentRequests });
      },
      // Rendering the issued contracts (~310 PDFs) happens inside: give it time.
      { maxWait: 30_000, timeout: 900_000 },
    );
  } catch (error) {
    await Promise.all(storedKeys.map((key) => storage.deleteObject(key).catch(() => undefined)));
    throw error;
  }

  const counts = await countRows(prisma);
  const durationMs = Date.now() - started;
  log(
    [
      `Données de démonstration créées en ${(durationMs / 1000).toFixed(1)} s :`,
      `  ${counts.agencies} agences, ${counts.sectors} pôles, ${counts["users.STAFF"]} comptes agence, ${counts["users.CLIENT"]} comptes entreprise`,
      `  ${counts.workerProfiles} intérimaires, ${counts.clients} entreprises utilisatrices, ${counts.qualifications} qualifications`,
      `  ${counts.contracts} contrats, ${counts.shifts} créneaux, ${counts.timesheets} relevés d'heures, ${counts.advanceRequests} demandes d'acompte`,
      `  ${counts.documents} documents PDF (${counts["documents.PAYSLIP"] ?? 0} bulletins de salaire, rendus en ${(renderMs / 1000).toFixed(1)} s ; ${contractPdfs} contrats émis, rendus en ${(contractRenderMs / 1000).toFixed(1)} s), ${counts.diplomas} diplômes, ${counts.profileChanges} modifications de fiche`,
      `Comptes de démonstration (mot de passe ${DEMO_PASSWORD}) :`,
      `  intérimaire : ${DEMO_WORKER_EMAIL}`,
      "  agence      : agence@demo.coop-emploi.fr",
      "  entreprise  : client@demo.coop-emploi.fr",
    ].join("\n"),
  );
  return { skipped: false, counts, durationMs };
}

/** Seeds the database of the environment (DATABASE_URL, else PGlite). */
export async function seedDatabase(options: Pick<SeedOptions, "extension"> = {}) {
  const handle = createAdapter({ longRunning: true });
  const prisma = new PrismaClient({ adapter: handle.factory });
  try {
    console.log(`[${currentEngine()}] Données de démonstration${options.extension ? " et données de test" : ""}…`);
    await seed(prisma, { encryptSecret: (plain) => encryptSecret(plain), ...options });
  } finally {
    await prisma.$disconnect();
    await handle.close();
  }
}

const executedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (executedDirectly) {
  seedDatabase().then(
    () => process.exit(0), // Prisma and PGlite may keep handles open
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

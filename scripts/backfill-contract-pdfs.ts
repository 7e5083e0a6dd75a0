// One-off backfill: stores the issued PDF of every contract issued before
// issuing stored it (imported rows, databases of earlier versions). Run once,
// with the server stopped on PGlite:
//   npm run contracts:backfill-pdfs
// Each contract in its own transaction; a contract done is never redone, so a
// run cut short is finished by running it again. Pages and downloads never
// render: without this, such a contract shows "document indisponible".
import { PrismaClient } from "../lib/generated/prisma/client";
import { createAdapter, currentEngine } from "../lib/db/adapter";
import { getStorage } from "../lib/storage";
import { backfillIssuedDocuments } from "../lib/contracts/pdf";

async function main() {
  const handle = createAdapter({ longRunning: true });
  const prisma = new PrismaClient({ adapter: handle.factory });
  const storage = getStorage();
  try {
    console.log(`[${currentEngine()}] PDF des contrats émis…`);
    const done = await backfillIssuedDocuments(
      prisma,
      storage,
      async (work) => {
        const storedKeys: string[] = [];
        try {
          await prisma.$transaction((tx) => work(tx, storedKeys), { timeout: 60_000 });
        } catch (error) {
          await Promise.all(storedKeys.map((key) => storage.deleteObject(key).catch(() => undefined)));
          throw error;
        }
      },
      (line) => console.log(line),
    );
    console.log(done === 0 ? "Aucun contrat à compléter." : `${done} contrat(s) complété(s).`);
  } finally {
    await prisma.$disconnect();
    await handle.close();
  }
}

main().then(
  () => process.exit(0), // Prisma and PGlite may keep handles open
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

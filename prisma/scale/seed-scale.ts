// npm run db:seed:scale [-- --factor 0.01] [-- --remove]
//
// Adds the network of issue 16 (8 agencies, 100 staff, 300 clients, 5,000
// workers, 100,000 contracts...) on top of the demo seed of a PostgreSQL
// database (DATABASE_URL), or removes exactly what it added (ids "scale_",
// and the payslip files it wrote to STORAGE_DIR).
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { storageDir } from "../../lib/storage";
import { DEMO_CLIENT_EMAIL, DEMO_STAFF_EMAIL, DEMO_WORKER_EMAIL } from "../seed/data";
import { payslipText, REMOVE_SQL, scaleCounts, scaleSql } from "./sql";

export type ScaleOptions = { databaseUrl: string; storage: string; factor: number; log?: (line: string) => void };

async function forEachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

async function payslipFiles(client: pg.Client): Promise<{ id: string; storageKey: string }[]> {
  const { rows } = await client.query<{ id: string; storageKey: string }>(
    `SELECT id, "storageKey" FROM "Document" WHERE id LIKE 'scale\\_%' ORDER BY id`,
  );
  return rows;
}

/** Adds the scale data set; refuses a database that already has it. */
export async function seedScale({ databaseUrl, storage, factor, log = console.log }: ScaleOptions) {
  const counts = scaleCounts(factor);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT 1 FROM "Agency" WHERE id LIKE 'scale\\_%' LIMIT 1`);
    if (rows.length) throw new Error("Le jeu d'échelle est déjà présent : retirez-le d'abord (npm run db:seed:scale -- --remove).");
    const started = Date.now();
    await client.query("BEGIN");
    for (const sql of scaleSql(counts, { workerEmail: DEMO_WORKER_EMAIL, staffEmail: DEMO_STAFF_EMAIL, clientEmail: DEMO_CLIENT_EMAIL })) {
      const t = Date.now();
      const res = await client.query(sql);
      const table = /INSERT INTO "(\w+)"/.exec(sql)?.[1];
      if (table) log(`  ${table.padEnd(20)} +${String(res.rowCount).padStart(7)}  (${Date.now() - t} ms)`);
    }
    // Files before the commit: a failure leaves neither rows nor a half set of files behind.
    const files = await payslipFiles(client);
    const root = path.resolve(storage);
    const dirs = new Set(files.map((f) => path.dirname(f.storageKey)));
    for (const dir of dirs) await mkdir(path.join(root, dir), { recursive: true });
    const t = Date.now();
    try {
      await forEachLimited(files, 64, (f) => writeFile(path.join(root, f.storageKey), payslipText(f.id)));
    } catch (error) {
      await forEachLimited(files, 64, (f) => rm(path.join(root, f.storageKey), { force: true }));
      throw error;
    }
    log(`  fichiers             +${String(files.length).padStart(7)}  (${Date.now() - t} ms) dans ${root}`);
    await client.query("COMMIT");
    await client.query("ANALYZE");
    log(`Jeu d'échelle ajouté en ${((Date.now() - started) / 1000).toFixed(1)} s (facteur ${factor}).`);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** Removes every row the scale seed added, and its payslip files. */
export async function removeScale({ databaseUrl, storage, log = console.log }: Omit<ScaleOptions, "factor">) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const started = Date.now();
    await client.query("BEGIN");
    const files = await payslipFiles(client);
    for (const sql of REMOVE_SQL) {
      const res = await client.query(sql);
      if (res.rowCount) log(`  ${/FROM "(\w+)"/.exec(sql)?.[1]?.padEnd(20)} -${String(res.rowCount).padStart(7)}`);
    }
    await client.query("COMMIT");
    const root = path.resolve(storage);
    await forEachLimited(files, 64, (f) => rm(path.join(root, f.storageKey), { force: true }));
    log(`Jeu d'échelle retiré en ${((Date.now() - started) / 1000).toFixed(1)} s (${files.length} fichiers supprimés).`);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

function parseArgs(argv: string[]) {
  let factor = 1;
  let remove = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--remove") remove = true;
    else if (argv[i] === "--factor") factor = Number(argv[++i]);
    else if (argv[i].startsWith("--factor=")) factor = Number(argv[i].slice(9));
    else throw new Error(`Option inconnue : ${argv[i]} (--factor <nombre>, --remove)`);
  }
  if (!(factor > 0 && factor <= 1)) throw new Error("--factor attend un nombre entre 0 (exclu) et 1, par exemple 0.01.");
  return { factor, remove };
}

async function main() {
  const { factor, remove } = parseArgs(process.argv.slice(2));
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl)
    throw new Error(
      "Le jeu d'échelle ne s'installe que sur PostgreSQL : définissez DATABASE_URL (PGlite, la base embarquée, n'est pas prise en charge).",
    );
  const storage = storageDir();
  if (process.env.S3_BUCKET) throw new Error("Le jeu d'échelle écrit ses bulletins dans STORAGE_DIR (stockage local), pas dans S3.");
  if (remove) await removeScale({ databaseUrl, storage });
  else await seedScale({ databaseUrl, storage, factor });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

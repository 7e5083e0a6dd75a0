// Benchmark (not a test): a worker with 200 payslips of about 150 KB, the
// real built server, the zip downloaded through the real route handler.
// Reports throughput and the server's peak memory (RSS of its process tree)
// against a baseline: reading the same 200 files from disk in this process.
//
//   npx next build && npm run bench:zip
//
// Uses its own PGlite folder and storage folder under the system temp dir.
import { randomBytes } from "node:crypto";
import { createReadStream, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaClient } from "../lib/generated/prisma/client";
import { createAdapter } from "../lib/db/adapter";
import { applyMigrations } from "../lib/db/migrations";
import { hashPassword } from "../lib/auth/password";
import { localStorage } from "../lib/storage";
import { startServer, stopServer, waitForHealth } from "./lib";
import { signInCookie, treeRss } from "./bench-lib";

const COUNT = Number(process.env.BENCH_COUNT ?? 200);
const SIZE = Number(process.env.BENCH_SIZE ?? 150 * 1024);
const PORT = Number(process.env.BENCH_PORT ?? 3299);
const EMAIL = "bench.zip@exemple.fr";
const PASSWORD = "Bench2026!zip";
const MB = 1024 * 1024;

/** CPU time (user + system, ms) a process has used, from /proc: robust to a busy machine, unlike wall time. */
function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ = 100 on Linux
}

/** A PDF-looking file of about `size` bytes (incompressible body, like a scanned payslip). */
function payslipBytes(i: number, size: number): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% bulletin de test ${i}\n`);
  return Buffer.concat([head, randomBytes(size - head.length - 6), Buffer.from("\n%%EOF")]);
}

async function prepare(pgliteDir: string, storageDir: string): Promise<string[]> {
  await applyMigrations({ pgliteDir });
  const handle = createAdapter({ pgliteDir });
  const prisma = new PrismaClient({ adapter: handle.factory });
  const storage = localStorage(storageDir);
  try {
    const agency = await prisma.agency.create({ data: { code: "BENCH", name: "Agence banc d'essai" } });
    const user = await prisma.user.create({
      data: {
        email: EMAIL,
        passwordHash: await hashPassword(PASSWORD),
        role: "WORKER",
        firstName: "Banc",
        lastName: "Essai",
        emailVerifiedAt: new Date(),
      },
    });
    const worker = await prisma.workerProfile.create({ data: { userId: user.id } });
    await prisma.workerAgency.create({ data: { workerId: worker.id, agencyId: agency.id, workerNumber: "9999" } });
    const ids: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      const start = new Date(Date.UTC(2010 + Math.floor(i / 12), i % 12, 1));
      const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
      const stored = await storage.putObject(payslipBytes(i, SIZE), { contentType: "application/pdf" });
      const doc = await prisma.document.create({
        data: {
          kind: "PAYSLIP",
          workerId: worker.id,
          agencyId: agency.id,
          storageKey: stored.key,
          fileName: `bulletin_${start.toISOString().slice(0, 7)}.pdf`,
          mimeType: "application/pdf",
          sizeBytes: stored.size,
          sha256: stored.sha256,
          number: `9999_${end.toISOString().slice(0, 10).replaceAll("-", "")}`,
          periodStart: start,
          periodEnd: end,
        },
      });
      ids.push(doc.id);
    }
    return ids;
  } finally {
    await prisma.$disconnect();
    await handle.close();
  }
}

async function main() {
  const work = mkdtempSync(path.join(os.tmpdir(), "bench-zip-"));
  const pgliteDir = path.join(work, "pglite");
  const storageDir = path.join(work, "storage");
  console.log(`Préparation : ${COUNT} bulletins de ${Math.round(SIZE / 1024)} Ko…`);
  const ids = await prepare(pgliteDir, storageDir);

  // Baseline: read the same files from disk, one after the other.
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else files.push(path.join(dir, e.name));
    }
  };
  walk(storageDir);
  global.gc?.();
  const rssBeforeDisk = process.memoryUsage().rss;
  let peakDisk = rssBeforeDisk;
  let diskBytes = 0;
  const diskStart = performance.now();
  for (const f of files) {
    for await (const chunk of createReadStream(f)) {
      diskBytes += (chunk as Buffer).length;
      peakDisk = Math.max(peakDisk, process.memoryUsage().rss);
    }
  }
  const diskSeconds = (performance.now() - diskStart) / 1000;

  const server = startServer(PORT, {
    APP_ENV: "test",
    AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-not-for-production-0123456789",
    PGLITE_DIR: pgliteDir,
    STORAGE_DIR: storageDir,
    DATABASE_URL: "",
  });
  const baseUrl = `http://127.0.0.1:${PORT}`;
  try {
    await waitForHealth(`${baseUrl}/api/health`, 90_000);
    const cookie = await signInCookie(baseUrl, EMAIL, PASSWORD);
    const url = `${baseUrl}/api/documents/archive?ids=${ids.join(",")}`;
    // Warm-up: compiles nothing in production, but loads the route's modules.
    const warm = await fetch(`${baseUrl}/api/documents/archive?ids=${ids[0]}`, { headers: { cookie } });
    await warm.arrayBuffer();
    await new Promise((r) => setTimeout(r, 1000));
    const serverBaseline = treeRss(server.pid!);
    let serverPeak = serverBaseline;
    const sampler = setInterval(() => {
      serverPeak = Math.max(serverPeak, treeRss(server.pid!));
    }, 20);

    const cpuBefore = processCpuMs(server.pid!);
    const started = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    if (res.status !== 200 || !res.body) throw new Error(`archive: HTTP ${res.status}`);
    let received = 0;
    let firstByteMs = 0;
    let firstByteCpuMs = 0;
    let tail = Buffer.alloc(0);
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!firstByteMs) {
        firstByteMs = performance.now() - started;
        firstByteCpuMs = processCpuMs(server.pid!) - cpuBefore;
      }
      received += value.length;
      tail = Buffer.concat([tail, Buffer.from(value)]).subarray(-22);
    }
    const seconds = (performance.now() - started) / 1000;
    const serverCpuMs = processCpuMs(server.pid!) - cpuBefore;
    clearInterval(sampler);
    const entries = tail.readUInt32LE(0) === 0x06054b50 ? tail.readUInt16LE(10) : -1;
    if (entries !== COUNT) throw new Error(`the zip holds ${entries} entries, expected ${COUNT}`);

    const fmt = (n: number) => (n / MB).toFixed(1);
    console.log("");
    console.log(
      `Archive : ${entries} bulletins, ${fmt(received)} Mo en ${seconds.toFixed(2)} s → ${(received / MB / seconds).toFixed(1)} Mo/s (premier octet après ${Math.round(firstByteMs)} ms)`,
    );
    console.log(
      `Serveur : RSS au repos ${fmt(serverBaseline)} Mo, pic pendant le zip ${fmt(serverPeak)} Mo (+${fmt(serverPeak - serverBaseline)} Mo pour ${fmt(received)} Mo servis), CPU ${Math.round(serverCpuMs)} ms dont ${Math.round(firstByteCpuMs)} ms avant le premier octet (${(received / MB / (serverCpuMs / 1000)).toFixed(0)} Mo par seconde de CPU)`,
    );
    console.log(
      `Référence disque : ${files.length} fichiers, ${fmt(diskBytes)} Mo lus en ${diskSeconds.toFixed(2)} s → ${(diskBytes / MB / diskSeconds).toFixed(1)} Mo/s, RSS +${fmt(peakDisk - rssBeforeDisk)} Mo`,
    );
  } finally {
    await stopServer(server);
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

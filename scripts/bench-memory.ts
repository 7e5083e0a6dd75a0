// Benchmark (not a test): the server's memory under load for each V8 heap
// limit, to size --max-old-space-size (npm start, SERVER_HEAP_MB).
//
//   npx next build && npm run bench:memory
//
// Builds a PGlite database with the demo data (own temp folders), starts the
// real built server (scripts/serve.mjs) once per heap limit, and drives
// BENCH_USERS (50) virtual users for BENCH_SECONDS (60) over a mix of sign-in
// pages, worker pages with a session, payslip downloads and zips, and staff
// lists. Samples RSS (process tree) and the V8 heap every second; reports
// peak and steady RSS, heap, errors and throughput.
//   BENCH_HEAP_MB=none,256,320,384 (default)   BENCH_PORT=3298
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaClient } from "../lib/generated/prisma/client";
import { createAdapter } from "../lib/db/adapter";
import { DEMO_PASSWORD, DEMO_STAFF_EMAIL, DEMO_WORKER_EMAIL } from "../prisma/seed/data";
import { bin, root, run, startServer, stopServer, waitForHealth } from "./lib";
import { signInCookie, treeRss } from "./bench-lib";

const USERS = Number(process.env.BENCH_USERS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const PORT = Number(process.env.BENCH_PORT ?? 3298);
const LIMITS = (process.env.BENCH_HEAP_MB ?? "none,256,320,384")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
const MB = 1024 * 1024;

type Sample = { t: number; rss: number; heapUsed: number; heapTotal: number; external: number; limit: number };
type Action = { name: string; weight: number; url: () => string; cookie?: "worker" | "staff" };

const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)];

function actions(payslips: string[]): Action[] {
  const zipIds = () => {
    const start = Math.floor(Math.random() * Math.max(1, payslips.length - 12));
    return payslips.slice(start, start + 12).join(",");
  };
  return [
    { name: "sign-in page", weight: 15, url: () => pick(["/connexion", "/inscription", "/mot-de-passe-oublie"]) },
    {
      name: "worker pages",
      weight: 30,
      cookie: "worker",
      url: () => pick(["/bulletins-de-salaire", "/contrats", "/acomptes", "/fiche-perso", "/disponibilites"]),
    },
    { name: "payslip download", weight: 10, cookie: "worker", url: () => `/api/documents/${pick(payslips)}` },
    { name: "payslip zip", weight: 5, cookie: "worker", url: () => `/api/documents/archive?ids=${zipIds()}` },
    {
      name: "staff lists",
      weight: 40,
      cookie: "staff",
      url: () =>
        pick(["/admin", "/admin/interimaires", "/admin/documents", "/admin/acomptes", "/admin/contrats", "/admin/outbox", "/admin/audit"]),
    },
  ];
}

async function prepare(env: Record<string, string>, pgliteDir: string): Promise<string[]> {
  await run(bin("tsx"), [path.join(root, "scripts", "migrate.ts")], env);
  await run(bin("tsx"), [path.join(root, "prisma", "seed.ts")], env);
  const handle = createAdapter({ pgliteDir });
  const prisma = new PrismaClient({ adapter: handle.factory });
  try {
    const docs = await prisma.document.findMany({
      where: { kind: "PAYSLIP", worker: { user: { email: DEMO_WORKER_EMAIL } } },
      select: { id: true },
    });
    return docs.map((d) => d.id);
  } finally {
    await prisma.$disconnect();
    await handle.close();
  }
}

const quantile = (values: number[], q: number) => {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

async function load(baseUrl: string, list: Action[], cookies: Record<string, string>) {
  const total = list.reduce((s, a) => s + a.weight, 0);
  const choose = () => {
    let r = Math.random() * total;
    for (const a of list) if ((r -= a.weight) < 0) return a;
    return list[0];
  };
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  let requests = 0;
  let bytes = 0;
  const end = Date.now() + SECONDS * 1_000;
  const user = async () => {
    while (Date.now() < end) {
      const action = choose();
      const started = performance.now();
      try {
        const res = await fetch(`${baseUrl}${action.url()}`, {
          headers: action.cookie ? { cookie: cookies[action.cookie] } : {},
          redirect: "manual",
          signal: AbortSignal.timeout(30_000),
        });
        const body = await res.arrayBuffer();
        bytes += body.byteLength;
        if (res.status !== 200)
          errors.set(`${action.name}: HTTP ${res.status}`, (errors.get(`${action.name}: HTTP ${res.status}`) ?? 0) + 1);
      } catch (error) {
        const key = `${action.name}: ${(error as Error).name}`;
        errors.set(key, (errors.get(key) ?? 0) + 1);
      }
      requests += 1;
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: USERS }, user));
  return { requests, bytes, errors, p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95) };
}

async function main() {
  const work = mkdtempSync(path.join(os.tmpdir(), "bench-memory-"));
  const pgliteDir = path.join(work, "pglite");
  const env: Record<string, string> = {
    APP_ENV: "test",
    AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-not-for-production-0123456789",
    PGLITE_DIR: pgliteDir,
    STORAGE_DIR: path.join(work, "storage"),
    DATABASE_URL: "",
  };
  const rows: string[] = [];
  try {
    console.log("Préparation : base PGlite de démonstration…");
    const payslips = await prepare(env, pgliteDir);
    if (!payslips.length) throw new Error("no demo payslips");
    const list = actions(payslips);
    let cookies: Record<string, string> | undefined;
    for (const limit of LIMITS) {
      const samplesFile = path.join(work, `memory-${limit}.jsonl`);
      const nodeArgs = [
        ...(limit === "none" ? [] : [`--max-old-space-size=${limit}`]),
        "--import",
        path.join(root, "scripts", "bench-memory-probe.mjs"),
      ];
      const server = startServer(PORT, { ...env, BENCH_MEMORY_FILE: samplesFile }, nodeArgs);
      let exited: number | string | null = null;
      server.once("exit", (code, signal) => (exited = code ?? signal));
      const baseUrl = `http://127.0.0.1:${PORT}`;
      try {
        await waitForHealth(`${baseUrl}/api/health`, 90_000);
        cookies ??= {
          worker: await signInCookie(baseUrl, DEMO_WORKER_EMAIL, DEMO_PASSWORD),
          staff: await signInCookie(baseUrl, DEMO_STAFF_EMAIL, DEMO_PASSWORD),
        };
        await new Promise((r) => setTimeout(r, 2_000));
        const idleRss = treeRss(server.pid!);
        const rss: number[] = [];
        const sampler = setInterval(() => rss.push(treeRss(server.pid!)), 1_000);
        console.log(`\nLimite ${limit} : ${USERS} utilisateurs pendant ${SECONDS} s…`);
        const started = Date.now();
        const result = await load(baseUrl, list, cookies);
        const seconds = (Date.now() - started) / 1000;
        clearInterval(sampler);
        const samples = readFileSync(samplesFile, "utf8")
          .trim()
          .split("\n")
          .map((l) => JSON.parse(l) as Sample);
        const during = samples.filter((s) => s.t >= started);
        const steady = rss.slice(Math.floor(rss.length / 2)); // second half of the run
        const errorCount = [...result.errors.values()].reduce((s, n) => s + n, 0);
        const fmt = (n: number) => (n / MB).toFixed(0);
        const row = [
          limit,
          `${fmt(samples[0]?.limit ?? 0)}`,
          fmt(idleRss),
          fmt(Math.max(...rss)),
          fmt(quantile(steady, 0.5)),
          fmt(Math.max(...during.map((s) => s.heapUsed))),
          String(result.requests),
          (result.requests / seconds).toFixed(1),
          `${Math.round(result.p50)}/${Math.round(result.p95)}`,
          String(errorCount),
          exited === null ? "no" : `yes (${exited})`,
        ].join(" | ");
        rows.push(`| ${row} |`);
        console.log(`| ${row} |`);
        for (const [key, n] of result.errors) console.log(`  erreur ${key} × ${n}`);
      } finally {
        await stopServer(server);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(
    "\n| heap flag (MiB) | V8 heap limit (MiB) | idle RSS | peak RSS | steady RSS (median, 2nd half) | peak heap used | requests | req/s | latency p50/p95 (ms) | errors | crashed |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|");
  for (const row of rows) console.log(row);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

// npm run bench (not a test): the built app on a PostgreSQL database at the
// scale of issue 16, every role signed in, each page driven by autocannon.
//
//   BENCH_DB=bench_scale BENCH_SECONDS=5 BENCH_CONNECTIONS=10 BENCH_PORT=3210 npm run bench
//   BENCH_ZIP=0 to leave out the zip benchmark (scripts/bench-zip.ts).
//
// Creates the database if missing (migrations, demo seed, scale seed), builds
// when .next is missing, prints one table and writes bench-results.json.
// Database time per request: delta of pg_stat_database.active_time of the
// bench database over the run / requests. Plans: auto_explain (session_preload_libraries
// of the bench database) logs every statement over BENCH_EXPLAIN_MS with
// ANALYZE and BUFFERS; the five slowest distinct ones are read from the PostgreSQL log.
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { DEMO_CLIENT_EMAIL, DEMO_PASSWORD, DEMO_STAFF_EMAIL, DEMO_WORKER_EMAIL } from "../prisma/seed/data";
import { seedScale } from "../prisma/scale/seed-scale";
import { bin, root, run, startServer, stopServer, waitForHealth } from "./lib";
import { signInCookie, treeRss } from "./bench-lib";

const DB = process.env.BENCH_DB ?? "bench_scale";
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3210);
const EXPLAIN_MS = Number(process.env.BENCH_EXPLAIN_MS ?? 100);
const PG_LOG = process.env.BENCH_PG_LOG ?? "/var/log/postgresql/postgresql-15-main.log";
const STORAGE = path.join(root, "data", "bench-storage");
const MB = 1024 * 1024;

const dbUrl = (() => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${DB}`;
  return u.toString();
})();

type Role = "public" | "staff" | "worker" | "client";
type Target = { kind: "staff" | "worker" | "ref" | "login"; minRatio?: number; maxDbMs?: number; maxCpuMs?: number };
type PageSpec = { name: string; path: string; role: Role; target: Target };

async function prepareDatabase() {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DB])).rowCount;
  if (!exists) await admin.query(`CREATE DATABASE "${DB}"`);
  await admin.query(`ALTER DATABASE "${DB}" SET session_preload_libraries = 'auto_explain'`);
  await admin.query(`ALTER DATABASE "${DB}" SET auto_explain.log_min_duration = ${EXPLAIN_MS}`);
  await admin.query(`ALTER DATABASE "${DB}" SET auto_explain.log_analyze = on`);
  await admin.query(`ALTER DATABASE "${DB}" SET auto_explain.log_buffers = on`);
  await admin.end();
  const env = { DATABASE_URL: dbUrl, STORAGE_DIR: STORAGE, APP_ENV: "demo" };
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  const hasDemo = await client
    .query(`SELECT 1 FROM "User" WHERE email = $1`, [DEMO_WORKER_EMAIL])
    .then((r) => r.rowCount! > 0)
    .catch(() => false);
  const hasScale = hasDemo && (await client.query(`SELECT 1 FROM "Agency" WHERE id LIKE 'scale\\_%'`)).rowCount! > 0;
  await client.end();
  // Always migrate: a database kept from an earlier run gets the migrations added since.
  await run("npm", ["run", "db:migrate"], env);
  if (!hasDemo) {
    console.log(`Base ${DB} : données de démonstration…`);
    await run("npm", ["run", "db:seed"], env);
  }
  if (!hasScale) {
    console.log(`Base ${DB} : jeu d'échelle…`);
    await seedScale({ databaseUrl: dbUrl, storage: STORAGE, factor: Number(process.env.BENCH_FACTOR ?? 1) });
  }
}

function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (100/s)
}

async function dbActiveMs(client: pg.Client): Promise<number> {
  const { rows } = await client.query("SELECT active_time FROM pg_stat_database WHERE datname = $1", [DB]);
  return Number(rows[0].active_time);
}

async function firstLoadJsKb(baseUrl: string, pagePath: string, cookie: string): Promise<number> {
  const html = await (await fetch(baseUrl + pagePath, { headers: { cookie } })).text();
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((m) => m[1]))];
  let total = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer());
    total += gzipSync(body).length;
  }
  return total / 1000;
}

type Row = {
  page: string;
  path: string;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
  cpuMsPerReq: number;
  dbMsPerReq: number;
  target: Target;
  ratioLogin?: number;
  ratioStatic?: number;
  ratioHealth?: number;
  ratioPrerendered?: number;
  ok?: boolean;
  /** The page's slowest statement over EXPLAIN_MS during its run, if any. */
  slowest?: Plan;
};

/** Exact percentile of sorted latencies (ms). */
function percentile(sorted: number[], q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

async function drive(url: string, cookie: string | undefined, pid: number, client: pg.Client, sample?: () => void) {
  const cpu0 = cpuTicks(pid);
  const db0 = await dbActiveMs(client);
  const timer = sample ? setInterval(sample, 100) : undefined;
  // Every response's own time, for exact p50/p95/p99 (autocannon's summary has p97.5, not p95).
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: CONNECTIONS, duration: SECONDS, headers: cookie ? { cookie } : {}, timeout: 30 },
      (error, res) => (error ? reject(error) : resolve(res)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const elapsedS = Number(process.hrtime.bigint() - started) / 1e9;
  if (timer) clearInterval(timer);
  // pg_stat_database is updated when the backends report (at most every second, and at idle)
  await new Promise((r) => setTimeout(r, 1200));
  const cpu1 = cpuTicks(pid);
  const db1 = await dbActiveMs(client);
  const requests = result.requests.total || 1;
  latencies.sort((a, b) => a - b);
  return {
    // Completed responses over the elapsed time: a page slower than one second per request still
    // gets its real rate (autocannon's per-second average reads 0 when no second saw a response).
    reqPerSec: latencies.length / elapsedS,
    p50: Math.round(percentile(latencies, 0.5)),
    p95: Math.round(percentile(latencies, 0.95)),
    p99: Math.round(percentile(latencies, 0.99)),
    requests: result.requests.total,
    errors: result.non2xx + result.errors + result.timeouts,
    cpuMsPerReq: ((cpu1 - cpu0) * 10) / requests,
    dbMsPerReq: (db1 - db0) / requests,
  };
}

type Plan = { durationMs: number; plan: string };

/** Slowest distinct statements auto_explain logged between two offsets of the PostgreSQL log. */
function readPlans(fromByte: number, toByte = Infinity, limit = 5): Plan[] {
  if (!existsSync(PG_LOG)) return [];
  const text = readFileSync(PG_LOG)
    .subarray(fromByte, Number.isFinite(toByte) ? toByte : undefined)
    .toString("utf8");
  const entries: { durationMs: number; plan: string; key: string }[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /LOG:\s+duration: ([\d.]+) ms\s+plan:/.exec(lines[i]);
    if (!m || (!lines[i].includes(`@${DB} `) && !lines[i].includes(DB))) continue;
    const body: string[] = [];
    for (let j = i + 1; j < lines.length && !/^\d{4}-\d{2}-\d{2} /.test(lines[j]); j++) body.push(lines[j]);
    const plan = body.join("\n");
    // The whole statement: Prisma's statements on one table share their first hundreds of characters.
    const key = /Query Text: ([^\n]*)/.exec(plan)?.[1] ?? plan;
    entries.push({ durationMs: Number(m[1]), plan, key });
  }
  const best = new Map<string, Plan>();
  for (const e of entries)
    if ((best.get(e.key)?.durationMs ?? -1) < e.durationMs) best.set(e.key, { durationMs: e.durationMs, plan: e.plan });
  return [...best.values()].sort((a, b) => b.durationMs - a.durationMs).slice(0, limit);
}

async function main() {
  await prepareDatabase();
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("Build de l'application…");
    await run(bin("next"), ["build"]);
  }
  const logStart = existsSync(PG_LOG) ? statSync(PG_LOG).size : 0;
  const server = startServer(PORT, {
    APP_ENV: "demo",
    DATABASE_URL: dbUrl,
    STORAGE_DIR: STORAGE,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-not-for-production-0123456789",
    LOG_LEVEL: "warn",
  });
  const pid = server.pid!;
  const baseUrl = `http://127.0.0.1:${PORT}`;
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  const results: Row[] = [];
  try {
    await waitForHealth(`${baseUrl}/api/health`, 120_000);
    const cookies: Record<Role, string> = {
      public: "",
      staff: await signInCookie(baseUrl, DEMO_STAFF_EMAIL, DEMO_PASSWORD),
      worker: await signInCookie(baseUrl, DEMO_WORKER_EMAIL, DEMO_PASSWORD),
      client: await signInCookie(baseUrl, DEMO_CLIENT_EMAIL, DEMO_PASSWORD),
    };
    const loginHtml = await (await fetch(`${baseUrl}/connexion`)).text();
    const asset = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(loginHtml)?.[1] ?? "/favicon.ico";
    const manifestFile = path.join(root, ".next", "prerender-manifest.json");
    const prerendered = existsSync(manifestFile)
      ? Object.keys(JSON.parse(readFileSync(manifestFile, "utf8")).routes ?? {}).find((r) => !r.startsWith("/_") && !r.includes("["))
      : undefined;
    const pages: PageSpec[] = [
      { name: "asset statique", path: asset, role: "public", target: { kind: "ref" } },
      { name: "/api/health", path: "/api/health", role: "public", target: { kind: "ref" } },
      { name: "/connexion", path: "/connexion", role: "public", target: { kind: "login" } },
      ...(prerendered
        ? [{ name: `prérendu ${prerendered}`, path: prerendered, role: "public" as const, target: { kind: "ref" as const } }]
        : []),
      { name: "journal d'audit", path: "/admin/audit", role: "staff", target: { kind: "staff", minRatio: 0.25, maxDbMs: 40 } },
      { name: "acomptes (agence)", path: "/admin/acomptes", role: "staff", target: { kind: "staff", minRatio: 0.25, maxDbMs: 40 } },
      {
        name: "ciblage (tous)",
        path: "/admin/ciblages/scale_need_0",
        role: "staff",
        target: { kind: "staff", minRatio: 0.25, maxDbMs: 40 },
      },
      { name: "nouveau contrat", path: "/admin/contrats/nouveau", role: "staff", target: { kind: "staff", minRatio: 0.25, maxDbMs: 40 } },
      { name: "validations", path: "/admin/validations", role: "staff", target: { kind: "staff", minRatio: 0.25, maxDbMs: 40 } },
      { name: "contrats (agence)", path: "/admin/contrats", role: "staff", target: { kind: "staff", minRatio: 0.25, maxDbMs: 40 } },
      { name: "saisie des heures", path: "/client", role: "client", target: { kind: "staff", minRatio: 0.25, maxDbMs: 40 } },
      { name: "accueil intérimaire", path: "/", role: "worker", target: { kind: "worker", minRatio: 0.4, maxCpuMs: 12 } },
      { name: "mes contrats", path: "/contrats", role: "worker", target: { kind: "worker", minRatio: 0.4, maxCpuMs: 12 } },
      { name: "plannings", path: "/plannings", role: "worker", target: { kind: "worker", minRatio: 0.4, maxCpuMs: 12 } },
      { name: "acomptes", path: "/acomptes", role: "worker", target: { kind: "worker", minRatio: 0.4, maxCpuMs: 12 } },
      {
        name: "bulletins de salaire",
        path: "/bulletins-de-salaire",
        role: "worker",
        target: { kind: "worker", minRatio: 0.4, maxCpuMs: 12 },
      },
      { name: "fiche perso", path: "/fiche-perso", role: "worker", target: { kind: "worker", minRatio: 0.4, maxCpuMs: 12 } },
    ];
    // warm-up: each page once, then rest
    for (const p of pages) await (await fetch(baseUrl + p.path, { headers: { cookie: cookies[p.role] } })).arrayBuffer();
    await new Promise((r) => setTimeout(r, 2000));
    const rssRest = treeRss(pid);
    let rssPeakStaff = rssRest;
    for (const p of pages) {
      process.stdout.write(`  ${p.name}… `);
      const sample = p.role === "staff" || p.role === "client" ? () => (rssPeakStaff = Math.max(rssPeakStaff, treeRss(pid))) : undefined;
      const logFrom = existsSync(PG_LOG) ? statSync(PG_LOG).size : 0;
      const r = await drive(baseUrl + p.path, cookies[p.role] || undefined, pid, client, sample);
      const slowest = readPlans(logFrom, existsSync(PG_LOG) ? statSync(PG_LOG).size : 0, 1)[0];
      console.log(`${r.reqPerSec.toFixed(1)} req/s`);
      results.push({ page: p.name, path: p.path, target: p.target, ...r, slowest });
    }
    const rate = (name: string) => results.find((r) => r.page === name)?.reqPerSec;
    const login = rate("/connexion")!;
    const stat = rate("asset statique")!;
    const health = rate("/api/health")!;
    const pre = prerendered ? results.find((r) => r.path === prerendered)?.reqPerSec : undefined;
    for (const r of results) {
      r.ratioLogin = r.reqPerSec / login;
      r.ratioStatic = r.reqPerSec / stat;
      r.ratioHealth = r.reqPerSec / health;
      if (pre) r.ratioPrerendered = r.reqPerSec / pre;
      const t = r.target;
      if (t.kind === "staff") r.ok = r.errors === 0 && r.ratioLogin >= t.minRatio! && r.dbMsPerReq < t.maxDbMs!;
      if (t.kind === "worker") r.ok = r.errors === 0 && (pre ? r.ratioPrerendered! >= t.minRatio! : false) && r.cpuMsPerReq < t.maxCpuMs!;
    }
    const contratsHtml = Buffer.byteLength(await (await fetch(`${baseUrl}/contrats`, { headers: { cookie: cookies.worker } })).text());
    const js: Record<string, number> = {};
    for (const p of pages.filter((p) => p.role === "worker")) js[p.path] = await firstLoadJsKb(baseUrl, p.path, cookies.worker);
    js["/connexion"] = await firstLoadJsKb(baseUrl, "/connexion", "");
    const rssAfter = treeRss(pid);

    const f = (n: number | undefined, d = 1) => (n === undefined ? "—" : n.toFixed(d));
    console.log("");
    console.log(
      `Banc d'essai : ${SECONDS} s par page, ${CONNECTIONS} connexions, base ${DB} (temps base = Δ pg_stat_database.active_time / requêtes)`,
    );
    console.log(
      "| page | req/s | p50 ms | p95 ms | p99 ms | erreurs | CPU serveur ms/req | base ms/req | × /connexion | × asset | × /api/health | × prérendu | cible |",
    );
    console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (const r of results)
      console.log(
        `| ${r.page} | ${f(r.reqPerSec)} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${f(r.cpuMsPerReq)} | ${f(r.dbMsPerReq)} | ${f(r.ratioLogin, 2)} | ${f(r.ratioStatic, 3)} | ${f(r.ratioHealth, 3)} | ${f(r.ratioPrerendered, 2)} | ${r.ok === undefined ? "" : r.ok ? "✓" : "✗"} |`,
      );
    console.log("");
    console.log(
      `RSS serveur : au repos ${f(rssRest / MB, 0)} Mo (cible < 300) ${rssRest < 300 * MB ? "✓" : "✗"}, pic pendant les pages agence ${f(rssPeakStaff / MB, 0)} Mo (cible < 600) ${rssPeakStaff < 600 * MB ? "✓" : "✗"}, après ${f(rssAfter / MB, 0)} Mo`,
    );
    console.log(`HTML de Mes contrats : ${f(contratsHtml / 1000, 0)} Ko (cible < 100) ${contratsHtml < 100_000 ? "✓" : "✗"}`);
    console.log(
      `JS au premier chargement (gzip) : ${Object.entries(js)
        .map(([p, kb]) => `${p} ${f(kb, 0)} kB ${kb < (p === "/connexion" ? 100 : 120) ? "✓" : "✗"}`)
        .join(", ")}`,
    );
    const plans = readPlans(logStart);
    console.log("");
    console.log(`Requête la plus lente de chaque page (> ${EXPLAIN_MS} ms) :`);
    for (const r of results.filter((r) => r.slowest)) {
      const text = /Query Text: ([^\n]*)/.exec(r.slowest!.plan)?.[1] ?? "";
      console.log(`  ${r.page} : ${r.slowest!.durationMs.toFixed(0)} ms — ${text.slice(0, 160)}${text.length > 160 ? "…" : ""}`);
    }
    console.log("");
    console.log(`Plans des cinq requêtes les plus lentes (auto_explain, > ${EXPLAIN_MS} ms, ANALYZE + BUFFERS) :`);
    if (!plans.length) console.log(`  aucune au-dessus de ${EXPLAIN_MS} ms (ou journal ${PG_LOG} illisible)`);
    plans.forEach((p, i) => console.log(`\n#${i + 1} — ${p.durationMs.toFixed(0)} ms\n${p.plan}`));
    writeFileSync(
      path.join(root, "bench-results.json"),
      JSON.stringify(
        {
          at: new Date().toISOString(),
          seconds: SECONDS,
          connections: CONNECTIONS,
          db: DB,
          results,
          rssRest,
          rssPeakStaff,
          contratsHtml,
          js,
          plans,
        },
        null,
        2,
      ),
    );
  } finally {
    await client.end();
    await stopServer(server);
  }
  if (process.env.BENCH_ZIP !== "0") {
    console.log("\nZip de bulletins (scripts/bench-zip.ts) :");
    await run(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), path.join(root, "scripts", "bench-zip.ts")], {
      BENCH_PORT: String(PORT + 1),
    });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

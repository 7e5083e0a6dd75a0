// Benchmark (not a test): the built server's memory at rest on PostgreSQL, as
// `npm run bench` measures it (RSS of the process tree after one request per
// page and 2 s of rest), on a copy of the demo rather than the scale data set.
// With BENCH_PROBE=1 the server also reports its V8 heap and which packages
// it loaded (a preload module answering SIGUSR2), to find what holds memory.
//
//   createdb zip_demo; DATABASE_URL=… npm run db:migrate; DATABASE_URL=… APP_ENV=demo npm run db:seed
//   npx next build && BENCH_DB=zip_demo BENCH_STORAGE=/tmp/zip-demo-storage npm run bench:rest
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_CLIENT_EMAIL, DEMO_PASSWORD, DEMO_STAFF_EMAIL, DEMO_WORKER_EMAIL } from "../prisma/seed/data";
import { serverNodeArgs, startServer, stopServer, waitForHealth } from "./lib";
import { signInCookie, treeRss } from "./bench-lib";

const DB = process.env.BENCH_DB ?? "zip_demo";
const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const PORT = Number(process.env.BENCH_PORT ?? 3297);
const PROBE = process.env.BENCH_PROBE === "1";
const MB = 1024 * 1024;

const PAGES: { path: string; role: "public" | "staff" | "worker" | "client" }[] = [
  { path: "/api/health", role: "public" },
  { path: "/connexion", role: "public" },
  { path: "/admin/audit", role: "staff" },
  { path: "/admin/acomptes", role: "staff" },
  { path: "/admin/contrats/nouveau", role: "staff" },
  { path: "/admin/validations", role: "staff" },
  { path: "/admin/contrats", role: "staff" },
  { path: "/client", role: "client" },
  { path: "/", role: "worker" },
  { path: "/contrats", role: "worker" },
  { path: "/plannings", role: "worker" },
  { path: "/acomptes", role: "worker" },
  { path: "/bulletins-de-salaire", role: "worker" },
  { path: "/fiche-perso", role: "worker" },
];

// CommonJS preload: on SIGUSR2, after a full GC, writes the heap figures and
// the packages present in the require cache to the file named in its env.
const PROBE_SOURCE = String.raw`
const fs = require("node:fs");
const v8 = require("node:v8");
process.on("SIGUSR2", () => {
  globalThis.gc?.();
  const packages = {};
  for (const file of Object.keys(require.cache)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file.split("node_modules/").length > 1 ? file.slice(file.lastIndexOf("node_modules/")) : "");
    const name = m ? m[1] : file.includes("/.next/server/") ? ".next/server" : "other";
    packages[name] = (packages[name] || 0) + 1;
  }
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, Math.round(s.space_used_size / 1048576)]));
  // Resident memory by mapping (/proc/self/smaps): files (native modules) and anonymous memory.
  const mappings = {};
  let current = "";
  for (const line of fs.readFileSync("/proc/self/smaps", "utf8").split("\n")) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) current = head[1] ? head[1].replace(/^.*node_modules\//, "") : "[anonymous]";
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) mappings[current] = (mappings[current] || 0) + Number(rss[1]) * 1024;
  }
  // Who required the native modules (a chain of parents).
  const natives = {};
  for (const [file, mod] of Object.entries(require.cache)) {
    if (!file.endsWith(".node")) continue;
    const chain = [];
    for (let m = mod.parent; m && chain.length < 8; m = m.parent) chain.push(m.filename.replace(/^.*node_modules\//, ""));
    natives[file.replace(/^.*node_modules\//, "")] = chain;
  }
  fs.writeFileSync(process.env.BENCH_PROBE_FILE, JSON.stringify({ memory: process.memoryUsage(), spaces, packages, mappings, natives }));
});
`;

async function main() {
  const dbUrl = (() => {
    const u = new URL(ADMIN_URL);
    u.pathname = `/${DB}`;
    return u.toString();
  })();
  const work = mkdtempSync(path.join(os.tmpdir(), "bench-rest-"));
  const probeFile = path.join(work, "probe.json");
  const preload = path.join(work, "probe.cjs");
  writeFileSync(preload, PROBE_SOURCE);
  const nodeArgs = PROBE ? [...serverNodeArgs, "--expose-gc", "-r", preload] : serverNodeArgs;
  const server = startServer(
    PORT,
    {
      APP_ENV: "demo",
      DATABASE_URL: dbUrl,
      PGLITE_DIR: "",
      STORAGE_DIR: process.env.BENCH_STORAGE ?? path.join(work, "storage"),
      AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-not-for-production-0123456789",
      BENCH_PROBE_FILE: probeFile,
    },
    nodeArgs,
  );
  const baseUrl = `http://127.0.0.1:${PORT}`;
  try {
    await waitForHealth(`${baseUrl}/api/health`, 120_000);
    const afterBoot = treeRss(server.pid!);
    const cookies = {
      public: "",
      staff: await signInCookie(baseUrl, DEMO_STAFF_EMAIL, DEMO_PASSWORD),
      worker: await signInCookie(baseUrl, DEMO_WORKER_EMAIL, DEMO_PASSWORD),
      client: await signInCookie(baseUrl, DEMO_CLIENT_EMAIL, DEMO_PASSWORD),
    };
    for (const p of PAGES) {
      const res = await fetch(baseUrl + p.path, { headers: { cookie: cookies[p.role] } });
      await res.arrayBuffer();
      if (res.status !== 200) console.warn(`  ${p.path}: HTTP ${res.status}`);
    }
    await new Promise((r) => setTimeout(r, 2000));
    const rest = treeRss(server.pid!);
    console.log(
      `Serveur (base ${DB}) : RSS après démarrage ${(afterBoot / MB).toFixed(0)} Mo, au repos après une requête par page ${(rest / MB).toFixed(0)} Mo`,
    );
    if (PROBE) {
      process.kill(server.pid!, "SIGUSR2");
      await new Promise((r) => setTimeout(r, 1500));
      const probe = JSON.parse(readFileSync(probeFile, "utf8"));
      const m = probe.memory;
      console.log(
        `  après GC : rss ${(m.rss / MB).toFixed(0)} Mo, tas ${(m.heapUsed / MB).toFixed(0)}/${(m.heapTotal / MB).toFixed(0)} Mo, external ${(m.external / MB).toFixed(0)} Mo, arrayBuffers ${(m.arrayBuffers / MB).toFixed(0)} Mo`,
      );
      console.log(`  espaces V8 (Mo) : ${JSON.stringify(probe.spaces)}`);
      const top = Object.entries(probe.packages as Record<string, number>).sort((a, b) => b[1] - a[1]);
      const maps = Object.entries(probe.mappings as Record<string, number>)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8);
      console.log(`  RSS par projection : ${maps.map(([n, b]) => `${n} ${(b / MB).toFixed(0)} Mo`).join(", ")}`);
      for (const [file, chain] of Object.entries(probe.natives as Record<string, string[]>))
        console.log(`  module natif ${file} ← ${chain.join(" ← ")}`);
      console.log(`  modules CommonJS chargés par paquet : ${top.map(([n, c]) => `${n} ${c}`).join(", ")}`);
    }
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

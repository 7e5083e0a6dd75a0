// After `next build`: completes .next/standalone into a folder that runs with
// Node alone (`node server.js`), as the Next.js docs say: the static assets and
// public/ are copied in, and server.js becomes our server wrapper
// (scripts/serve.mjs: request ids and log lines, X-Forwarded-For, graceful
// SIGTERM). Next's own server.js is kept as next-server.js. The migration
// runner is bundled in as migrate.mjs.
import { cpSync, existsSync, renameSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, ".next", "standalone");
if (!existsSync(path.join(out, ".next", "required-server-files.json"))) {
  console.error('No standalone output: run `next build` with output: "standalone" first.');
  process.exit(1);
}
// The tracer follows the paths the app reads at run time, local secrets
// included (data/: the demo encryption key and seal, the PGlite folder; stored
// files; .env): they are never shipped (outputFileTracingExcludes misses the
// instrumentation hook's trace).
for (const local of ["data", "storage", ".env", ".env.local", ".env.production"])
  rmSync(path.join(out, local), { recursive: true, force: true });
rmSync(path.join(out, ".next", "static"), { recursive: true, force: true });
cpSync(path.join(root, ".next", "static"), path.join(out, ".next", "static"), { recursive: true });
if (existsSync(path.join(root, "public"))) cpSync(path.join(root, "public"), path.join(out, "public"), { recursive: true });
if (!existsSync(path.join(out, "next-server.js"))) renameSync(path.join(out, "server.js"), path.join(out, "next-server.js"));
// server.js is an ES module: the folder's package.json says so (it is the app's own, copied by Next).
const pkgFile = path.join(out, "package.json");
const pkg = existsSync(pkgFile) ? JSON.parse(readFileSync(pkgFile, "utf8")) : {};
if (pkg.type !== "module") writeFileSync(pkgFile, JSON.stringify({ ...pkg, type: "module" }, null, 2));
cpSync(path.join(root, "scripts", "serve.mjs"), path.join(out, "server.js"));

// The migration runner, so that the image migrates its database itself
// (`node migrate.mjs`, the Dockerfile's migrate step): scripts/migrate.ts in
// one file, with the schema and the schema engine (WebAssembly) beside it; the
// database drivers are the ones already traced into node_modules.
const { build } = await import("esbuild");
await build({
  entryPoints: [path.join(root, "scripts", "migrate.ts")],
  outfile: path.join(out, "migrate.mjs"),
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: [
    "@prisma/schema-engine-wasm",
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "pg",
    "@prisma/driver-adapter-utils",
  ],
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  logLevel: "warning",
});
cpSync(path.join(root, "node_modules", "@prisma", "schema-engine-wasm"), path.join(out, "node_modules", "@prisma", "schema-engine-wasm"), {
  recursive: true,
});
cpSync(path.join(root, "prisma", "schema.prisma"), path.join(out, "prisma", "schema.prisma"));
console.log(`Standalone server ready: ${path.relative(root, out)}/server.js`);

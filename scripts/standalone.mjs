// After `next build`: completes .next/standalone into a folder that runs with
// Node alone (`node server.js`), as the Next.js docs say: the static assets and
// public/ are copied in, and server.js becomes our server wrapper
// (scripts/serve.mjs: request ids and log lines, X-Forwarded-For, graceful
// SIGTERM). Next's own server.js is kept as next-server.js.
import { cpSync, existsSync, renameSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, ".next", "standalone");
if (!existsSync(path.join(out, ".next", "required-server-files.json"))) {
  console.error('No standalone output: run `next build` with output: "standalone" first.');
  process.exit(1);
}
rmSync(path.join(out, ".next", "static"), { recursive: true, force: true });
cpSync(path.join(root, ".next", "static"), path.join(out, ".next", "static"), { recursive: true });
if (existsSync(path.join(root, "public"))) cpSync(path.join(root, "public"), path.join(out, "public"), { recursive: true });
if (!existsSync(path.join(out, "next-server.js"))) renameSync(path.join(out, "server.js"), path.join(out, "next-server.js"));
// server.js is an ES module: the folder's package.json says so (it is the app's own, copied by Next).
const pkgFile = path.join(out, "package.json");
const pkg = existsSync(pkgFile) ? JSON.parse(readFileSync(pkgFile, "utf8")) : {};
if (pkg.type !== "module") writeFileSync(pkgFile, JSON.stringify({ ...pkg, type: "module" }, null, 2));
cpSync(path.join(root, "scripts", "serve.mjs"), path.join(out, "server.js"));
console.log(`Standalone server ready: ${path.relative(root, out)}/server.js`);

// npm run build:preview: the build command of a deploy preview (APP_ENV=preview).
// With DATABASE_URL (the host's database for the branch): applies the
// migrations and seeds the demo data, then builds. Without it: builds only;
// the server creates its embedded PGlite under os.tmpdir() at start-up,
// migrates and seeds it (lib/preview/startup.ts, lib/preview/reset.ts).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { bin, root, run } from "./lib";

function gitRef(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const sha = git("rev-parse", "--short=7", "HEAD");
    const branch = git("rev-parse", "--abbrev-ref", "HEAD");
    return branch && branch !== "HEAD" ? `${branch} (${sha})` : sha;
  } catch {
    return ""; // no git in the build image: the host's variables name the commit
  }
}

async function main() {
  const env = { APP_ENV: "preview", NEXT_TELEMETRY_DISABLED: "1", PREVIEW_BUILD_REF: process.env.PREVIEW_BUILD_REF ?? gitRef() };
  const tsx = bin("tsx");
  if (process.env.DATABASE_URL) {
    console.log("› Migrations…");
    await run(tsx, [path.join(root, "scripts", "migrate.ts")], env);
    console.log("› Données de démonstration…");
    await run(tsx, [path.join(root, "prisma", "seed.ts")], env);
    // The seed just ran: the first start of this deploy need not reset again.
    await run(tsx, [path.join(root, "scripts", "build-preview.ts"), "--mark-reset"], env);
  } else {
    console.log("› Pas de DATABASE_URL : base embarquée (PGlite) créée dans le dossier temporaire au démarrage.");
  }
  console.log("› Construction de l'application…");
  await run(bin("next"), ["build"], env);
}

/** Records the seed as the last demo reset (the DemoReset row of lib/preview/reset.ts). */
async function markReset() {
  const [{ PrismaClient }, { createAdapter }] = await Promise.all([import("../lib/generated/prisma/client"), import("../lib/db/adapter")]);
  const handle = createAdapter({ longRunning: true });
  const prisma = new PrismaClient({ adapter: handle.factory });
  try {
    const now = new Date();
    await prisma.demoReset.upsert({ where: { id: 1 }, create: { id: 1, lastResetAt: now }, update: { lastResetAt: now, startedAt: null } });
  } finally {
    await prisma.$disconnect();
    await handle.close();
  }
}

(process.argv.includes("--mark-reset") ? markReset() : main()).then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

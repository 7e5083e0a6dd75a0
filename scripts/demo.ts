// npm run demo: migrate, seed when empty, build, start. PGlite in ./data when
// DATABASE_URL is unset. Steps run one after another: PGlite is single-process.
import { bin, localAuthSecret, root, run, startServer } from "./lib";
import path from "node:path";

async function main() {
  const env = { AUTH_SECRET: localAuthSecret(), APP_ENV: process.env.APP_ENV ?? "demo", NEXT_TELEMETRY_DISABLED: "1" };
  const tsx = bin("tsx");
  console.log("› Migrations…");
  await run(tsx, [path.join(root, "scripts", "migrate.ts")], env);
  console.log("› Données de démonstration…");
  await run(tsx, [path.join(root, "prisma", "seed.ts")], env);
  if (!process.argv.includes("--no-build")) {
    console.log("› Construction de l'application…");
    await run(bin("next"), ["build"], env);
  }
  const port = Number(process.env.PORT ?? 3000);
  const server = startServer(port, env);
  console.log(`› Espace intérimaire : http://localhost:${port}  (interimaire@demo.coop-emploi.fr / Demo2026!)`);
  const stop = () => server.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

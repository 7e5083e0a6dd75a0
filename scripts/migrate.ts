// npm run db:migrate            apply committed migrations (PGlite or DATABASE_URL)
// npm run db:migration -- name  create the next migration from prisma/schema.prisma
import { applyMigrations, createMigration } from "../lib/db/migrations";
import { currentEngine } from "../lib/db/adapter";

const [command, name] = process.argv.slice(2);

async function main() {
  if (command === "create") {
    const dir = await createMigration(name ?? "migration");
    console.log(dir ? `Migration créée : ${dir}` : "Le schéma ne diffère pas des migrations : rien à créer.");
  } else {
    const applied = await applyMigrations();
    console.log(`[${currentEngine()}] ${applied.length} migration(s) appliquée(s)${applied.length ? ": " + applied.join(", ") : ""}`);
  }
}

main().then(
  () => process.exit(0), // the engine leaves a ~10 s timer pending
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

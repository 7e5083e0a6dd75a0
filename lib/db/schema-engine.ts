// A typed wrapper around @prisma/schema-engine-wasm, the migration engine as
// WebAssembly (the native one cannot be downloaded on these machines). The
// package entry imports a .wasm file, which Node 20 refuses, so the
// wasm-bindgen glue module is loaded and wired to its WebAssembly instance by
// hand here, once per process; everything else goes through the package's
// own types. Keep the package's version on the engines hash of the Prisma CLI
// and client (see OFFLINE-STACK.md, "Prisma offline").
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import type * as Glue from "@prisma/schema-engine-wasm/schema_engine_bg";

export type { DiffParams, MigrationList, SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm";

// Resolved from the working folder at run time, not by the bundler: the
// preview server (lib/preview) migrates from inside the Next.js build too.
const require = createRequire(path.join(/*turbopackIgnore: true*/ process.cwd(), "package.json"));
const GLUE = "@prisma/schema-engine-wasm/schema_engine_bg";

let glue: typeof Glue | undefined;

/** The glue module with its WebAssembly instance started (one per process: the glue holds it globally). */
function loadGlue(): typeof Glue {
  if (glue) return glue;
  const bindings = require(GLUE) as typeof Glue;
  const wasmPath = path.join(path.dirname(require.resolve(GLUE)), "schema_engine_bg.wasm");
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmPath)), {
    "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
  });
  bindings.__wbg_set_wasm(instance.exports);
  // The only export of the instance called here (wasm-bindgen's start hook).
  (instance.exports as unknown as { __wbindgen_start(): void }).__wbindgen_start();
  glue = bindings;
  return bindings;
}

/** The engine's own version string (its commit hash), e.g. for a version check. */
export function schemaEngineVersion(): string {
  return loadGlue().version();
}

/**
 * A schema engine over `adapter` (the result of the driver adapter utils'
 * `bindMigrationAwareSqlAdapterFactory`), with the schema file(s) as
 * [path, content] pairs. `log` receives the engine's JSON log lines.
 */
export function openSchemaEngine(datamodels: [string, string][], log: (line: string) => void, adapter: object): Promise<SchemaEngine> {
  return loadGlue().SchemaEngine.new({ datamodels }, log, adapter);
}

// npm test's "Conventions" step: the rules the type checker cannot see.
//  (a) every export of a "use server" module is built from the action chain
//      of lib/auth/action.ts (`export const x = staffAction(...)`), so that no
//      server action skips the caller check, the schema or the error handling;
//      and no "use server" directive sits inside a function (an inline action
//      would skip the chain);
//  (b) the files of DB_FREE_GLOBS do not import the database client: they go
//      through the domain modules of lib/.
// Prints file:line for each violation and exits 1 when there is one.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The files that must not import `@/lib/db` (extend the list, the rule stays one). */
export const DB_FREE_GLOBS = ["app/**"];

/** Where "use server" modules are looked for. */
export const SOURCE_ROOTS = ["app", "lib", "components"];

/** The clients of lib/auth/action.ts an export may be built from. */
export const ACTION_CLIENTS = ["publicAction", "userAction", "workerAction", "staffAction", "clientAction"];

export type Violation = { file: string; line: number; message: string };

const CLIENT_EXPORT = new RegExp(`^export const \\w+ = (${ACTION_CLIENTS.join("|")})(\\.(post|call))?\\(`);
const TYPE_EXPORT = /^export (type|interface) /;
const DIRECTIVE = /^\s*["']use server["'];?\s*$/;
const DB_IMPORT = /(from\s+|import\s*\(\s*|import\s+)["']@\/lib\/db(\/[^"']*)?["']/;

/** A glob with `**` (any folders, or none) and `*` (within one name) as a regular expression. */
export function globToRegExp(glob: string): RegExp {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*" && glob[i + 1] === "*") {
      out += glob[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += glob[i + 2] === "/" ? 2 : 1;
    } else if (c === "*") out += "[^/]*";
    else out += c.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}

const DB_FREE = DB_FREE_GLOBS.map(globToRegExp);

export function isDbFree(file: string): boolean {
  return DB_FREE.some((re) => re.test(file));
}

/** The source's lines with comments blanked (line numbers kept); strings are left as they are. */
function withoutComments(source: string): string[] {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, " "))
    .split("\n")
    .map((line) => line.replace(/^(\s*)\/\/.*$/, "$1"));
}

/** True when the module's first statement is the "use server" directive. */
export function isServerModule(source: string): boolean {
  const first = withoutComments(source).find((line) => line.trim() !== "");
  return first !== undefined && DIRECTIVE.test(first);
}

/** Rule (a) on one module. */
export function checkServerModule(file: string, source: string): Violation[] {
  const lines = withoutComments(source);
  const server = isServerModule(source);
  const out: Violation[] = [];
  let seenDirective = false;
  lines.forEach((text, index) => {
    const line = index + 1;
    if (DIRECTIVE.test(text)) {
      if (server && !seenDirective) seenDirective = true;
      else
        out.push({
          file,
          line,
          message: `an inline "use server" action skips the action chain: export it from an actions module, built with ${ACTION_CLIENTS.join("/")}`,
        });
      return;
    }
    if (!server || !/^export\b/.test(text) || TYPE_EXPORT.test(text)) return;
    if (!CLIENT_EXPORT.test(text))
      out.push({
        file,
        line,
        message: `a "use server" export must be built from the action chain (export const x = ${ACTION_CLIENTS[3]}(schema, ...)): ${text.trim().slice(0, 80)}`,
      });
  });
  return out;
}

/** Rule (b) on one file. */
export function checkDbImport(file: string, source: string): Violation[] {
  if (!isDbFree(file)) return [];
  return withoutComments(source).flatMap((text, index) =>
    DB_IMPORT.test(text)
      ? [
          {
            file,
            line: index + 1,
            message: `imports the database client: go through a domain module of lib/ (rule for ${DB_FREE_GLOBS.join(", ")})`,
          },
        ]
      : [],
  );
}

export function checkFile(file: string, source: string): Violation[] {
  return [...checkServerModule(file, source), ...checkDbImport(file, source)];
}

function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "generated" ? [] : sourceFiles(root, rel);
    return /\.(ts|tsx|mts|js|mjs)$/.test(entry.name) ? [rel] : [];
  });
}

export function checkTree(root: string): Violation[] {
  return SOURCE_ROOTS.flatMap((dir) => sourceFiles(root, dir)).flatMap((file) =>
    checkFile(file, readFileSync(path.join(root, file), "utf8")),
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? "")) {
  const root = path.resolve(import.meta.dirname ?? ".", "..");
  const violations = checkTree(root);
  for (const v of violations) console.error(`${v.file}:${v.line}: ${v.message}`);
  if (violations.length) {
    console.error(`\n${violations.length} convention violation${violations.length > 1 ? "s" : ""}.`);
    process.exit(1);
  }
  console.log("Conventions: ok.");
}

// The data-access layer's boundaries, checked on the source: pages, layouts
// and route handlers read through the query functions of lib/ (which take the
// caller and apply its scope), never through the database client; the agency
// filter is written once, in lib/auth/scope.ts.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.(ts|tsx)$/.test(d.name))
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)));
}

const importsDb = (text: string) => /from\s+["']@\/lib\/db(\/[^"']*)?["']/.test(text);
const handWrittenAgencyFilter = /\bin:\s*(?:[\w.]+\.)?agencyIds\b/;

describe("data-access boundaries", () => {
  it("no file under app/ (page, layout, route handler or server action) imports the database client", () => {
    const offenders = sources("app").filter((f) => importsDb(readFileSync(path.join(root, f), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("the agency filter is written by hand only in lib/auth/scope.ts", () => {
    const offenders = [...sources("app"), ...sources("lib")].filter((f) => {
      if (f === path.join("lib", "auth", "scope.ts") || f.startsWith(path.join("lib", "generated"))) return false;
      const text = readFileSync(path.join(root, f), "utf8");
      return handWrittenAgencyFilter.test(text);
    });
    expect(offenders).toEqual([]);
  });
});

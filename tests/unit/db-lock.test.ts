import { describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { lockDataDir, lockFileOf } from "@/lib/db/lock";

const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
const holderScript = `import { lockDataDir } from "${path.join(process.cwd(), "lib/db/lock.ts")}";
lockDataDir(process.argv[2]); console.log("locked"); setTimeout(() => {}, Number(process.argv[3] ?? 0));`;

function script(): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "lock-script-")), "hold.ts");
  writeFileSync(file, holderScript);
  return file;
}

describe("one process per PGlite folder", () => {
  it("refuses a second process on the same folder with a clear message and a non-zero exit", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pglite-lock-"));
    const release = lockDataDir(dir);
    try {
      const second = spawnSync(tsx, [script(), dir, "0"], { encoding: "utf8" });
      expect(second.status).not.toBe(0);
      expect(second.stderr).toContain(`La base embarquée ${dir} est déjà ouverte par le processus ${process.pid}`);
      expect(second.stderr).toContain(`The embedded database ${dir} is already open by process ${process.pid}`);
    } finally {
      release();
    }
    expect(existsSync(lockFileOf(dir))).toBe(false);
  }, 30_000);

  it("takes over the stale lock of a dead process", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pglite-lock-"));
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid!;
    writeFileSync(lockFileOf(dir), JSON.stringify({ pid: dead, hostname: os.hostname(), startedAt: "2020-01-01T00:00:00Z" }));
    const release = lockDataDir(dir);
    expect(existsSync(lockFileOf(dir))).toBe(true);
    release();
    expect(existsSync(lockFileOf(dir))).toBe(false);
  });

  it("releases the lock when the holding process exits normally", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pglite-lock-"));
    const child = spawn(tsx, [script(), dir, "300"], { stdio: ["ignore", "pipe", "pipe"] });
    await new Promise<void>((resolve) => child.stdout.on("data", (d) => String(d).includes("locked") && resolve()));
    expect(() => lockDataDir(dir)).toThrow(/déjà ouverte par le processus/);
    await new Promise((resolve) => child.on("exit", resolve));
    expect(existsSync(lockFileOf(dir))).toBe(false);
    lockDataDir(dir)();
  }, 30_000);
});

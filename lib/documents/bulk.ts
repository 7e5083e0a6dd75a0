// Bulk publishing of payslips from one zip: the zip is spooled to a temporary
// file and kept in storage between the preview and the publish (which may run
// on another app instance); entries are then read and stored one at a time.
import "server-only";
import { createReadStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { getStorage, STORAGE_UNAVAILABLE_MESSAGE, StorageUnavailableError } from "@/lib/storage";
import { spoolStream } from "@/lib/storage/spool";
import { looksLikePdf } from "./rules";
import { checkZipLimits, openZipEntry, readZipEntries, verifyZip, ZipRejected, type ZipEntry } from "./zip-reader";
import {
  commitPublished,
  isUniqueViolation,
  previewPayslips,
  storeDocumentFile,
  workersByNumber,
  type MatchedWorker,
  type PreviewRow,
  type StaffContext,
  type StoredDocument,
} from "./publish";
import { wakeOutboxWorker } from "@/lib/messaging/worker";
import { parsePayslipFileName } from "./rules";

export const MAX_ZIP_BYTES = 600 * 1024 * 1024;

/** Entries worth looking at: files, not folders nor macOS metadata. */
function relevant(entries: ZipEntry[]): ZipEntry[] {
  return entries.filter((e) => !e.isDirectory && !e.name.startsWith("__MACOSX/") && !path.posix.basename(e.name).startsWith("."));
}

/** The zip on disk for random access (lib/storage/spool.ts: removed by the caller, swept if a crash leaves it). */
function spool(source: Readable, maxBytes: number): Promise<string> {
  return spoolStream(source, {
    suffix: ".zip",
    maxBytes,
    tooLarge: () => new ZipRejected(`Archive trop volumineuse (${Math.round(maxBytes / 1024 / 1024)} Mo au plus).`),
  });
}

export type ZipPreview = { uploadKey: string; rows: PreviewRow[] };

/** Receives a zip, refuses bombs, reports what each entry would become, and keeps the zip for the publish step. */
export async function previewZip(staff: StaffContext, agencyId: string, body: Readable): Promise<ZipPreview> {
  const file = await spool(body, MAX_ZIP_BYTES);
  try {
    const entries = relevant(await readZipEntries(file));
    const refused = checkZipLimits(entries);
    if (refused) throw new ZipRejected(refused);
    if (entries.length === 0) throw new ZipRejected("L'archive est vide.");
    // Every entry is read through first: one hostile or damaged entry refuses the whole zip.
    const heads = await verifyZip(file, entries);
    const items = entries.map((entry, i) => ({ name: entry.name, size: entry.uncompressedSize, isPdf: looksLikePdf(heads[i]) }));
    const rows = await previewPayslips(agencyId, items);
    const { size } = await stat(file);
    const stored = await getStorage().putObject(createReadStream(file), { contentType: "application/zip" });
    await recordAudit(
      db,
      { type: "document.bulk_uploaded", data: { files: rows.length, matched: rows.filter((r) => r.ok).length, sizeBytes: size } },
      { actorId: staff.userId, agencyId, entityType: "Upload", entityId: stored.key },
    );
    return { uploadKey: stored.key, rows };
  } finally {
    await rm(file, { force: true });
  }
}

export type ZipProgress =
  | { type: "entry"; done: number; total: number; name: string; ok: boolean; reason?: string }
  | { type: "finished"; published: number; skipped: number; emails: number }
  /** Storage failed half way: what was published (whole workers), what was not and why. A re-run publishes the rest. */
  | { type: "interrupted"; message: string; published: number; emails: number; notPublished: { name: string; reason: string }[] }
  | { type: "error"; message: string };

/** Publishes the matched entries of a previewed zip one by one, reporting each. */
export async function* publishZip(staff: StaffContext, agencyId: string, uploadKey: string, batch: string): AsyncGenerator<ZipProgress> {
  const upload = await db.auditLog.findFirst({
    where: { action: "document.bulk_uploaded", actorId: staff.userId, entityId: uploadKey, agencyId },
  });
  if (!upload || !staff.agencyIds.includes(agencyId)) {
    yield { type: "error", message: "Envoi introuvable : recommencez la vérification de l'archive." };
    return;
  }
  const storage = getStorage();
  let file: string;
  try {
    file = await spool(await storage.openObjectStream(uploadKey), MAX_ZIP_BYTES);
  } catch (error) {
    yield {
      type: "error",
      message:
        error instanceof StorageUnavailableError
          ? error.message
          : "Envoi introuvable ou déjà publié : recommencez la vérification de l'archive.",
    };
    return;
  }
  // Files stored and not yet committed: removed if the run ends without
  // committing them (unless a row refers to them after all).
  const uncommitted = new Set<string>();
  try {
    const entries = relevant(await readZipEntries(file));
    const refused = checkZipLimits(entries);
    if (refused) {
      yield { type: "error", message: refused };
      return;
    }
    // The stored zip is read through again before anything is published from it.
    try {
      await verifyZip(file, entries);
    } catch (error) {
      if (!(error instanceof ZipRejected)) throw error;
      yield { type: "error", message: error.message };
      return;
    }
    const parsed = entries.map((e) => ({ entry: e, p: parsePayslipFileName(e.name) }));
    const workers = await workersByNumber(
      agencyId,
      parsed.flatMap((x) => (x.p.ok ? [x.p.workerNumber] : [])),
    );
    // First every matched entry goes into storage; then, worker by worker,
    // their rows, audit entries and one email commit together. A crash (or a
    // cut) leaves each worker either fully published and emailed or not at
    // all; a re-run publishes and emails exactly the missing ones.
    const stored = new Map<string, { worker: MatchedWorker; files: StoredDocument[]; names: string[] }>();
    let done = 0;
    let skipped = 0;
    let storageDown: string | null = null;
    const notStored: { name: string; workerId: string }[] = [];
    for (const { entry, p } of parsed) {
      done++;
      const w = p.ok ? workers.get(p.workerNumber) : undefined;
      if (!p.ok || !w) {
        skipped++;
        yield {
          type: "entry",
          done,
          total: entries.length,
          name: entry.name,
          ok: false,
          reason: p.ok ? `Aucun intérimaire n° ${p.workerNumber} dans cette agence` : p.reason,
        };
        continue;
      }
      if (storageDown) {
        // Storage failed on an earlier entry: the rest is not tried.
        notStored.push({ name: entry.name, workerId: w.workerId });
        continue;
      }
      let result;
      try {
        result = await storeDocumentFile({
          staff,
          agencyId,
          workerId: w.workerId,
          kind: "PAYSLIP",
          number: p.number,
          periodStart: p.periodStart,
          periodEnd: p.periodEnd,
          source: await openZipEntry(file, entry),
          batch,
        });
      } catch (error) {
        if (!(error instanceof ZipRejected)) throw error;
        result = { ok: false as const, message: error.message };
      }
      if (!result.ok && result.data?.code === "storage_unavailable") {
        storageDown = result.message;
        notStored.push({ name: entry.name, workerId: w.workerId });
        continue;
      }
      if (result.ok) {
        const group = stored.get(w.workerId) ?? { worker: w, files: [], names: [] };
        // The same number twice in one zip: the first one only.
        if (group.files.some((f) => f.number === p.number)) {
          await storage.deleteObject(result.data.file.stored.key).catch(() => undefined);
          result = { ok: false as const, message: "Fichier en double dans cet envoi" };
        } else {
          uncommitted.add(result.data.file.stored.key);
          group.files.push(result.data.file);
          group.names.push(entry.name);
          stored.set(w.workerId, group);
        }
      }
      if (!result.ok) skipped++;
      yield { type: "entry", done, total: entries.length, name: entry.name, ok: result.ok, reason: result.ok ? undefined : result.message };
    }
    // A worker with a file that could not be stored is published not at all
    // (all of a worker's payslips, and their one email, go together).
    const notPublished = notStored.map((n) => ({ name: n.name, reason: STORAGE_UNAVAILABLE_MESSAGE }));
    for (const workerId of new Set(notStored.map((n) => n.workerId))) {
      const group = stored.get(workerId);
      if (!group) continue;
      stored.delete(workerId);
      for (const name of group.names)
        notPublished.push({ name, reason: "Non publié : un autre bulletin de cet intérimaire n'a pas pu être enregistré." });
    }
    let published = 0;
    let emails = 0;
    for (const { worker, files } of stored.values()) {
      const committed = await commitWorkerFiles(staff, agencyId, worker.workerId, files, batch);
      for (const f of files) uncommitted.delete(f.stored.key);
      published += committed.published;
      skipped += files.length - committed.published;
      if (committed.emailed) emails++;
    }
    if (emails) wakeOutboxWorker();
    if (storageDown) {
      // The upload is kept: the same check can be published again once the storage is back.
      yield { type: "interrupted", message: storageDown, published, emails, notPublished };
      return;
    }
    await storage.deleteObject(uploadKey).catch(() => undefined);
    yield { type: "finished", published, skipped, emails };
  } finally {
    await rm(file, { force: true });
    await removeUncommitted([...uncommitted]);
  }
}

/** Deletes stored files no row refers to (a row may exist if a commit's answer was lost: then the file stays). */
async function removeUncommitted(keys: string[]): Promise<void> {
  if (!keys.length) return;
  try {
    const referenced = new Set(
      (await db.document.findMany({ where: { storageKey: { in: keys } }, select: { storageKey: true } })).map((d) => d.storageKey),
    );
    for (const key of keys)
      if (!referenced.has(key))
        await getStorage()
          .deleteObject(key)
          .catch(() => undefined);
  } catch {
    // The database cannot say: the files stay rather than risk a row without its file.
  }
}

/**
 * Commits one worker's stored files. A parallel publish of the same zip may
 * have taken some numbers meanwhile: those files are dropped and the rest
 * committed again (the other run emailed about its own).
 */
async function commitWorkerFiles(
  staff: StaffContext,
  agencyId: string,
  workerId: string,
  files: StoredDocument[],
  batch: string,
): Promise<{ published: number; emailed: boolean }> {
  let pending = files;
  for (let attempt = 0; attempt < 3 && pending.length; attempt++) {
    try {
      const { documentIds, emailed } = await commitPublished({ staff, agencyId, workerId, kind: "PAYSLIP", files: pending, batch });
      return { published: documentIds.length, emailed };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const taken = await db.document.findMany({
        where: { workerId, kind: "PAYSLIP", number: { in: pending.flatMap((f) => (f.number ? [f.number] : [])) } },
        select: { number: true },
      });
      const numbers = new Set(taken.map((t) => t.number));
      for (const f of pending.filter((f) => numbers.has(f.number)))
        await getStorage()
          .deleteObject(f.stored.key)
          .catch(() => undefined);
      pending = pending.filter((f) => !numbers.has(f.number));
    }
  }
  return { published: 0, emailed: false };
}

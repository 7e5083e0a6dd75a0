"use client";
// Staff: bulk publish of a month's payslips from many PDFs or one zip. First
// a preview (what matched whom, what did not and why), then the publish with
// a progress display; the files go one per request, or the zip is processed
// entry by entry on the server.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { formatPlural } from "@/lib/format";

type Agency = { id: string; name: string };
type Row = { name: string; ok: boolean; reason?: string; workerNumber?: string; workerName?: string; period?: string; number?: string };
type Mode = { kind: "pdfs"; files: File[] } | { kind: "zip"; uploadKey: string };
type Outcome = { published: number; skipped: { name: string; reason: string }[]; emails: number; interrupted?: string };

const plural = formatPlural;

async function isPdf(file: File): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  return head.length === 5 && String.fromCharCode(...head) === "%PDF-";
}

function newBatchId(): string {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export function BulkPublish({ agencies }: { agencies: Agency[] }) {
  const [agencyId, setAgencyId] = useState(agencies[0]?.id ?? "");
  const [files, setFiles] = useState<File[]>([]);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [mode, setMode] = useState<Mode | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A storage failure is shown next to the file field; the chosen files stay selected.
  const [fileError, setFileError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // What a publish changes on the server page (pending requests, recent documents) is read again.
  const router = useRouter();

  const ready = rows?.filter((r) => r.ok) ?? [];
  const refused = rows?.filter((r) => !r.ok) ?? [];

  function reset(next: File[]) {
    setFiles(next);
    setRows(null);
    setMode(null);
    setError(null);
    setFileError(null);
    setOutcome(null);
  }

  async function check() {
    setError(null);
    setFileError(null);
    setOutcome(null);
    setRows(null);
    if (files.length === 0) {
      setError("Choisissez les bulletins (PDF) ou une archive ZIP.");
      return;
    }
    const zips = files.filter((f) => /\.zip$/i.test(f.name));
    if (zips.length && files.length > 1) {
      setError("Envoyez soit une seule archive ZIP, soit des fichiers PDF.");
      return;
    }
    setBusy(zips.length ? "Envoi et vérification de l'archive…" : "Vérification des fichiers…");
    try {
      if (zips.length) {
        const res = await fetch(`/api/admin/documents/bulk/zip?agency=${encodeURIComponent(agencyId)}`, {
          method: "POST",
          headers: { "content-type": "application/zip" },
          body: zips[0],
        });
        const body = await res.json().catch(() => ({ error: "La vérification a échoué." }));
        if (body.code === "storage_unavailable") {
          setFileError(body.error);
          return;
        }
        if (!res.ok) throw new Error(body.error ?? "La vérification a échoué.");
        setRows(body.rows);
        setMode({ kind: "zip", uploadKey: body.uploadKey });
      } else {
        const items = await Promise.all(files.map(async (f) => ({ name: f.name, size: f.size, isPdf: await isPdf(f) })));
        const res = await fetch("/api/admin/documents/bulk/preview", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ agencyId, files: items }),
        });
        const body = await res.json().catch(() => ({ error: "La vérification a échoué." }));
        if (!res.ok) throw new Error(body.error ?? "La vérification a échoué.");
        setRows(body.rows);
        setMode({ kind: "pdfs", files });
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  async function publishPdfs(list: File[], okNames: Set<string>): Promise<Outcome> {
    const batch = newBatchId();
    const todo = list.filter((f) => okNames.has(f.name));
    const ids: string[] = [];
    const skipped: Outcome["skipped"] = [];
    let interrupted: string | undefined;
    let done = 0;
    setProgress({ done, total: todo.length });
    let next = 0;
    const worker = async () => {
      while (next < todo.length) {
        const file = todo[next++];
        const url = `/api/admin/documents/bulk/file?agency=${encodeURIComponent(agencyId)}&name=${encodeURIComponent(file.name)}&batch=${batch}`;
        try {
          const res = await fetch(url, { method: "PUT", headers: { "content-type": "application/pdf" }, body: file });
          const body = await res.json();
          if (body.ok) ids.push(body.documentId);
          else skipped.push({ name: file.name, reason: body.reason ?? body.error ?? "Refusé" });
          if (body.code === "storage_unavailable") interrupted = body.reason;
        } catch {
          skipped.push({ name: file.name, reason: "Envoi interrompu : relancez la publication (pas de doublon)." });
        }
        done++;
        setProgress({ done, total: todo.length });
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    const res = await fetch("/api/admin/documents/bulk/notify", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ batch, documentIds: ids }),
    });
    const { emails = 0 } = await res.json().catch(() => ({}));
    return { published: ids.length, skipped, emails, interrupted };
  }

  async function publishZip(uploadKey: string): Promise<Outcome> {
    const res = await fetch("/api/admin/documents/bulk/zip/publish", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ agencyId, uploadKey, batch: newBatchId() }),
    });
    if (!res.ok || !res.body) throw new Error("La publication a échoué.");
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    const skipped: Outcome["skipped"] = [];
    const okNames = new Set(ready.map((r) => r.name));
    let outcome: Outcome | null = null;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += value;
      let nl;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (!line.trim()) continue;
        const event = JSON.parse(line);
        if (event.type === "entry") {
          setProgress({ done: event.done, total: event.total });
          if (!event.ok && okNames.has(event.name)) skipped.push({ name: event.name, reason: event.reason });
        } else if (event.type === "finished") {
          outcome = { published: event.published, skipped, emails: event.emails };
        } else if (event.type === "interrupted") {
          // Storage failed half way: what was published, what was not (the same check can be published again).
          outcome = {
            published: event.published,
            skipped: [...skipped, ...event.notPublished],
            emails: event.emails,
            interrupted: event.message,
          };
        } else if (event.type === "error") {
          throw new Error(event.message);
        }
      }
    }
    if (!outcome) throw new Error("La publication s'est interrompue : relancez-la, les bulletins déjà publiés ne seront pas dupliqués.");
    return outcome;
  }

  async function publish() {
    if (!mode || ready.length === 0) return;
    setError(null);
    setBusy("Publication en cours…");
    try {
      const result =
        mode.kind === "pdfs" ? await publishPdfs(mode.files, new Set(ready.map((r) => r.name))) : await publishZip(mode.uploadKey);
      setOutcome(result);
      if (result.published > 0) router.refresh();
      if (result.interrupted) {
        setError(result.interrupted);
      } else {
        setRows(null);
        setMode(null);
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
      setProgress(null);
    }
  }

  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Agence" name="bulkAgency" value={agencyId} onChange={(e) => (setAgencyId(e.target.value), reset(files))}>
          {agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </SelectField>
        <div className="space-y-1.5">
          <label htmlFor="bulk-files" className="block text-sm font-medium text-slate-800">
            Bulletins (PDF) ou archive ZIP
          </label>
          <input
            id="bulk-files"
            type="file"
            multiple
            accept="application/pdf,.pdf,application/zip,.zip"
            onChange={(e) => reset(Array.from(e.target.files ?? []))}
            className="block w-full text-sm file:mr-3 file:min-h-11 file:rounded-lg file:border file:border-slate-300 file:bg-white file:px-3 file:font-semibold"
            aria-describedby={fileError ? "bulk-files-hint bulk-files-error" : "bulk-files-hint"}
            aria-invalid={fileError ? true : undefined}
          />
          <p id="bulk-files-hint" className="text-sm text-slate-600">
            Fichiers nommés <code>&lt;n° intérimaire&gt;_&lt;AAAAMMJJ&gt;.pdf</code>, par exemple <code>1691_20190630.pdf</code>.
          </p>
          {fileError ? (
            <p id="bulk-files-error" role="alert" className="text-sm font-medium text-red-700">
              {fileError}
            </p>
          ) : null}
        </div>
      </div>
      <Button onClick={check} disabled={busy !== null} variant="secondary">
        Vérifier les fichiers
      </Button>

      {busy ? (
        <div role="status" aria-live="polite" className="space-y-2">
          <p className="text-sm text-slate-700">{busy}</p>
          {progress ? (
            <div className="flex items-center gap-3">
              <progress
                max={progress.total}
                value={progress.done}
                className="accent-brand-600 h-2 w-64"
                aria-label="Progression de la publication"
              />
              <span className="text-sm text-slate-700 tabular-nums">
                {progress.done} / {progress.total}
              </span>
            </div>
          ) : null}
        </div>
      ) : null}
      {error ? <Alert variant="error">{error}</Alert> : null}

      {rows ? (
        <section aria-labelledby="apercu-titre" className="space-y-3">
          <h3 id="apercu-titre" className="font-semibold text-slate-900">
            Aperçu avant publication : {plural(ready.length, "bulletin prêt", "bulletins prêts")},{" "}
            {plural(refused.length, "fichier refusé", "fichiers refusés")}
          </h3>
          <Table caption="Correspondance des fichiers">
            <THead>
              <tr>
                <Th>Fichier</Th>
                <Th>Intérimaire</Th>
                <Th>Période</Th>
                <Th>Résultat</Th>
              </tr>
            </THead>
            <TBody>
              {rows.map((r, i) => (
                <Tr key={`${r.name}-${i}`} data-testid="bulk-row">
                  <Td label="Fichier" className="break-all">
                    {r.name}
                  </Td>
                  <Td label="Intérimaire">
                    {r.workerName ? `${r.workerName} (n° ${r.workerNumber})` : r.workerNumber ? `n° ${r.workerNumber}` : "—"}
                  </Td>
                  <Td label="Période">{r.period ?? "—"}</Td>
                  <Td label="Résultat">{r.ok ? <Badge tone="success">Prêt</Badge> : <span className="text-red-800">{r.reason}</span>}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <Button onClick={publish} disabled={busy !== null || ready.length === 0}>
            Publier {plural(ready.length, "bulletin", "bulletins")}
          </Button>
        </section>
      ) : null}

      {outcome ? (
        <Alert
          variant={outcome.skipped.length ? "warning" : "success"}
          role="status"
          title={outcome.interrupted ? "Publication interrompue" : "Publication terminée"}
        >
          <p>
            {plural(outcome.published, "bulletin publié", "bulletins publiés")}, {plural(outcome.emails, "email envoyé", "emails envoyés")}.
          </p>
          {outcome.skipped.length ? (
            <ul className="mt-2 list-disc pl-5">
              {outcome.skipped.map((s) => (
                <li key={s.name}>
                  {s.name} : {s.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
    </div>
  );
}

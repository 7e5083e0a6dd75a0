"use client";
// The documents table: one checkbox per row and one in the header for the
// whole page, "Pour la sélection : Télécharger" → a zip whose download
// progress is shown while it arrives (its size is unknown until the end).
import Link from "next/link";
import { useId, useMemo, useRef, useState } from "react";
import { Icon } from "@/components/shell/icons";
import { Button } from "@/components/ui/button";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { KIND_LABELS, type WorkerDocumentKind } from "@/lib/documents/rules";
import { formatFileSize } from "@/lib/format";

export type DocumentTableRow = { id: string; number: string; issued: string; added: string; sizeBytes: number };
export type SortHeader = { label: string; href: string; active: boolean; dir: "asc" | "desc" | null };

const bytes = formatFileSize;

function SortLink({ header }: { header: SortHeader }) {
  return (
    <Link
      href={header.href}
      className="hover:text-brand-700 inline-flex items-center gap-1"
      aria-label={`${header.label} : trier ${header.active && header.dir === "desc" ? "par ordre croissant" : "par ordre décroissant"}`}
    >
      {header.active ? <span aria-hidden="true">{header.dir === "desc" ? "▼" : "▲"}</span> : null}
      {header.label}
    </Link>
  );
}

type Progress = { received: number; estimate: number } | null;

export function DocumentTable({
  kind,
  rows,
  headers,
}: {
  kind: WorkerDocumentKind;
  rows: DocumentTableRow[];
  headers: { number: SortHeader; issued: SortHeader; added: SortHeader };
}) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [progress, setProgress] = useState<Progress>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const selectId = useId();
  const label = KIND_LABELS[kind];
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const someSelected = rows.some((r) => selected.has(r.id));
  const selectedRows = useMemo(() => rows.filter((r) => selected.has(r.id)), [rows, selected]);

  const toggle = (id: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = () => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.id)));

  async function downloadSelection() {
    setError(null);
    setDone(null);
    if (selectedRows.length === 0) {
      setError("Cochez au moins un document à télécharger.");
      return;
    }
    const form = new FormData();
    for (const r of selectedRows) form.append("ids", r.id);
    const controller = new AbortController();
    abortRef.current = controller;
    const estimate = selectedRows.reduce((sum, r) => sum + r.sizeBytes, 0);
    setProgress({ received: 0, estimate });
    try {
      const res = await fetch("/api/documents/archive", { method: "POST", body: form, signal: controller.signal });
      if (!res.ok || !res.body)
        throw new Error(res.status === 404 ? "Un des documents demandés est introuvable." : "Le téléchargement a échoué.");
      const reader = res.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let received = 0;
      for (;;) {
        const { done: finished, value } = await reader.read();
        if (finished) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        received += value.length;
        setProgress({ received, estimate });
      }
      const url = URL.createObjectURL(new Blob(chunks, { type: "application/zip" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = kind === "PAYSLIP" ? "bulletins_de_salaire.zip" : "documents.zip";
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setDone(
        `${selectedRows.length} document${selectedRows.length > 1 ? "s" : ""} téléchargé${selectedRows.length > 1 ? "s" : ""} (${bytes(received)}).`,
      );
    } catch (e) {
      if ((e as Error).name !== "AbortError") setError((e as Error).message || "Le téléchargement a échoué.");
    } finally {
      abortRef.current = null;
      setProgress(null);
    }
  }

  const pct = progress && progress.estimate > 0 ? Math.min(99, Math.floor((progress.received / progress.estimate) * 100)) : 0;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3 rounded-xl border border-slate-200 bg-slate-50 p-3">
        <label className="flex min-h-11 items-center gap-2 text-sm font-medium text-slate-800 sm:hidden">
          <input type="checkbox" className="accent-brand-600 size-5" checked={allSelected} onChange={toggleAll} />
          Tout sélectionner
        </label>
        <span id={selectId} className="text-sm text-slate-700">
          Pour la sélection{someSelected ? ` (${selectedRows.length})` : ""} :
        </span>
        <Button size="sm" onClick={downloadSelection} disabled={progress !== null} aria-describedby={selectId}>
          <Icon name="file" className="size-4" />
          Télécharger
        </Button>
        {progress ? (
          <div className="flex min-w-56 flex-1 items-center gap-3" role="status" aria-live="polite">
            <progress className="accent-brand-600 h-2 w-40" max={100} value={pct} aria-label="Progression du téléchargement" />
            <span className="text-sm text-slate-700">
              Téléchargement… {bytes(progress.received)} reçus{progress.estimate ? ` sur environ ${bytes(progress.estimate)}` : ""}
            </span>
            <Button size="sm" variant="ghost" onClick={() => abortRef.current?.abort()}>
              Annuler
            </Button>
          </div>
        ) : null}
        {done ? (
          <span role="status" className="text-sm text-green-800">
            {done}
          </span>
        ) : null}
        {error ? (
          <span role="alert" className="text-sm text-red-700">
            {error}
          </span>
        ) : null}
      </div>

      <Table caption={`Liste des ${label.many}`}>
        <THead>
          <tr>
            <Th className="w-12">
              <input
                type="checkbox"
                className="accent-brand-600 size-5"
                aria-label="Sélectionner toutes les lignes"
                checked={allSelected}
                ref={(el) => {
                  if (el) el.indeterminate = someSelected && !allSelected;
                }}
                onChange={toggleAll}
              />
            </Th>
            <Th aria-sort={headers.number.active ? (headers.number.dir === "asc" ? "ascending" : "descending") : undefined}>
              <SortLink header={headers.number} />
            </Th>
            <Th aria-sort={headers.issued.active ? (headers.issued.dir === "asc" ? "ascending" : "descending") : undefined}>
              <SortLink header={headers.issued} />
            </Th>
            <Th>Document</Th>
            <Th aria-sort={headers.added.active ? (headers.added.dir === "asc" ? "ascending" : "descending") : undefined}>
              <SortLink header={headers.added} />
            </Th>
          </tr>
        </THead>
        <TBody>
          {rows.map((r) => (
            <Tr key={r.id} data-testid="document-row" className={selected.has(r.id) ? "bg-brand-50/60 sm:align-middle" : "sm:align-middle"}>
              <Td label="Sélection">
                <input
                  type="checkbox"
                  className="accent-brand-600 size-5"
                  aria-label={`Sélectionner ${r.number !== "—" ? r.number : r.issued}`}
                  checked={selected.has(r.id)}
                  onChange={() => toggle(r.id)}
                />
              </Td>
              <Td label="n°" className="font-medium tabular-nums">
                {r.number}
              </Td>
              <Td label="Date d'émission">{r.issued}</Td>
              <Td label="Document">
                <a
                  href={`/api/documents/${r.id}`}
                  download
                  className="text-brand-700 hover:bg-brand-50 inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg sm:min-h-9 sm:min-w-9"
                  aria-label={`Télécharger ${label.one} ${r.number !== "—" ? r.number : r.issued} (PDF, ${bytes(r.sizeBytes)})`}
                  title="Télécharger le PDF"
                >
                  <Icon name="payslip" className="size-6" />
                </a>
              </Td>
              <Td label="Date d'ajout" className="tabular-nums">
                {r.added}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}

// Pure rules of the documents area: kinds and their labels, payslip file
// names, download names, list sorting. Unit-tested in tests/unit/documents-*.
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { formatPlural } from "@/lib/format";

export type WorkerDocumentKind = Extract<DocumentKind, "PAYSLIP" | "ASSEDIC_CERTIFICATE" | "WORK_CERTIFICATE">;

export const WORKER_DOCUMENT_KINDS: WorkerDocumentKind[] = ["PAYSLIP", "ASSEDIC_CERTIFICATE", "WORK_CERTIFICATE"];

export const KIND_LABELS: Record<WorkerDocumentKind, { one: string; many: string; title: string; newOne: string }> = {
  PAYSLIP: {
    one: "bulletin de salaire",
    many: "bulletins de salaire",
    title: "Bulletin de salaire",
    newOne: "un nouveau bulletin de salaire",
  },
  ASSEDIC_CERTIFICATE: {
    one: "attestation Assedic",
    many: "attestations Assedic",
    title: "Attestation Assedic",
    newOne: "une nouvelle attestation",
  },
  WORK_CERTIFICATE: {
    one: "certificat de travail",
    many: "certificats de travail",
    title: "Certificat de travail",
    newOne: "un nouveau certificat",
  },
};

export function isWorkerDocumentKind(value: string): value is WorkerDocumentKind {
  return (WORKER_DOCUMENT_KINDS as string[]).includes(value);
}

/** "5 bulletins de salaire", "1 attestation Assedic", "Aucun certificat de travail" */
export function documentCount(kind: WorkerDocumentKind, n: number): string {
  const l = KIND_LABELS[kind];
  if (n === 0) return kind === "ASSEDIC_CERTIFICATE" ? "Aucune attestation Assedic" : `Aucun ${l.one}`;
  return formatPlural(n, l.one, l.many);
}

// ---------------------------------------------------------------------------
// List sorting and paging (all in the URL)
// ---------------------------------------------------------------------------

export type DocumentSort = "numero" | "emission" | "ajout";
export type SortDir = "asc" | "desc";
export const PAGE_SIZES = [15, 30, 60, 120] as const;
export const DEFAULT_PAGE_SIZE = 15;

export type ListQuery = { sort: DocumentSort; dir: SortDir; page: number; perPage: number };

type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Reads tri/ordre/page/par from the URL; anything unknown falls back to "newest first, 15 a page". */
export function parseListQuery(params: Params): ListQuery {
  const sortRaw = first(params.tri);
  const sort: DocumentSort = sortRaw === "numero" || sortRaw === "emission" || sortRaw === "ajout" ? sortRaw : "ajout";
  const dir: SortDir = first(params.ordre) === "asc" ? "asc" : "desc";
  const perRaw = Number.parseInt(first(params.par) ?? "", 10);
  const perPage = (PAGE_SIZES as readonly number[]).includes(perRaw) ? perRaw : DEFAULT_PAGE_SIZE;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(first(params.page) ?? "1", 10) || 1));
  return { sort, dir, page, perPage };
}

/** The URL of a list with some of its parameters changed; defaults are left out. */
export function listHref(pathname: string, q: ListQuery, change: Partial<ListQuery> = {}): string {
  const next = { ...q, ...change };
  const search = new URLSearchParams();
  if (next.sort !== "ajout") search.set("tri", next.sort);
  if (next.dir !== "desc") search.set("ordre", next.dir);
  if (next.perPage !== DEFAULT_PAGE_SIZE) search.set("par", String(next.perPage));
  if (next.page > 1) search.set("page", String(next.page));
  const qs = search.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

// ---------------------------------------------------------------------------
// File names
// ---------------------------------------------------------------------------

const pad = (n: number) => String(n).padStart(2, "0");
const isoDay = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The readable name of a document on download and inside a zip: "bulletin_2019-06.pdf". */
export function downloadName(doc: {
  kind: DocumentKind;
  periodStart: Date | null;
  periodEnd: Date | null;
  createdAt: Date;
  number?: string | null;
}): string {
  const ref = doc.periodEnd ?? doc.periodStart ?? doc.createdAt;
  switch (doc.kind) {
    case "PAYSLIP":
      return `bulletin_${isoDay(doc.periodStart ?? ref).slice(0, 7)}.pdf`;
    case "ASSEDIC_CERTIFICATE":
      return `attestation_assedic_${isoDay(ref)}.pdf`;
    case "WORK_CERTIFICATE":
      return `certificat_de_travail_${isoDay(ref)}.pdf`;
    default:
      return `document_${isoDay(ref)}.pdf`;
  }
}

/** Names inside a zip must be unique: "bulletin_2019-06.pdf", "bulletin_2019-06_2.pdf"... */
export function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n === 1) return name;
    const dot = name.lastIndexOf(".");
    return dot > 0 ? `${name.slice(0, dot)}_${n}${name.slice(dot)}` : `${name}_${n}`;
  });
}

/**
 * A Content-Disposition header that every browser reads: an ASCII fallback
 * and the exact UTF-8 name (RFC 6266 / RFC 5987).
 */
export function contentDisposition(fileName: string, type: "attachment" | "inline" = "attachment"): string {
  const clean = fileName.replace(/[\r\n"\\/]/g, "_").trim() || "document.pdf";
  const ascii = clean
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_");
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export type ParsedPayslipName =
  { ok: true; workerNumber: string; number: string; periodStart: Date; periodEnd: Date; date: Date } | { ok: false; reason: string };

export const EXPECTED_NAME = "<n° intérimaire>_<AAAAMMJJ>.pdf";

/**
 * "1691_20190630.pdf" → worker 1691, payslip number "1691_20190630", June 2019.
 * Folders in a zip entry name are ignored.
 */
export function parsePayslipFileName(rawName: string): ParsedPayslipName {
  const name = rawName.split(/[\\/]/).pop()?.trim() ?? "";
  const m = /^([A-Za-z0-9-]{1,20})_(\d{4})(\d{2})(\d{2})\.pdf$/i.exec(name);
  if (!m) return { ok: false, reason: `Nom de fichier non reconnu : attendu ${EXPECTED_NAME}` };
  const [, workerNumber, y, mo, d] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1990 || year > 2100 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, reason: `Date invalide dans le nom du fichier (${d}/${mo}/${y})` };
  }
  return {
    ok: true,
    workerNumber,
    number: `${workerNumber}_${y}${mo}${d}`,
    periodStart: new Date(Date.UTC(year, month - 1, 1)),
    periodEnd: new Date(Date.UTC(year, month, 0)),
    date,
  };
}

/** PDF files start with "%PDF-". */
export function looksLikePdf(head: Uint8Array): boolean {
  return head.length >= 5 && head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46 && head[4] === 0x2d;
}

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

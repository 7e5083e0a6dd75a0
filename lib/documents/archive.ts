// A zip of documents, produced as it is sent: entries are stored (PDFs do not
// deflate), each opened from storage only when the archive reaches it, read in
// large chunks and passed through without copies (lib/documents/zip-writer.ts).
// The response body is pull-based: a slow client slows the reads, and a
// download that is aborted closes the storage stream being read.
import type { Readable } from "node:stream";
import { webStreamOf } from "./streams";
import { uniqueNames } from "./rules";
import { zipChunks } from "./zip-writer";

export type ArchiveEntry = { name: string; date?: Date; open: () => Promise<Readable> };

export function zipStream(entries: ArchiveEntry[]): ReadableStream<Uint8Array> {
  const names = uniqueNames(entries.map((e) => e.name));
  return webStreamOf(zipChunks(entries.map((entry, i) => ({ name: names[i], date: entry.date, open: entry.open }))));
}

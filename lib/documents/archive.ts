// A zip of documents, produced as it is sent: entries are stored (PDFs do not
// deflate), each opened from storage only when the archive reaches it, and
// jszip's stream pauses when the client reads slowly.
import JSZip from "jszip";
import type { Readable } from "node:stream";
import { LazyReadable } from "./streams";
import { uniqueNames } from "./rules";

export type ArchiveEntry = { name: string; date?: Date; open: () => Promise<Readable> };

export function zipStream(entries: ArchiveEntry[]): Readable {
  const zip = new JSZip();
  const names = uniqueNames(entries.map((e) => e.name));
  entries.forEach((entry, i) => {
    zip.file(names[i], new LazyReadable(entry.open), { binary: true, date: entry.date, compression: "STORE" });
  });
  return zip.generateNodeStream({ type: "nodebuffer", streamFiles: true, compression: "STORE" }) as unknown as Readable;
}

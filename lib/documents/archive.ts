// A zip of documents, produced as it is sent: entries are stored (PDFs do not
// deflate), each opened from storage only when the archive reaches it, and
// jszip's stream pauses when the client reads slowly.
import JSZip from "jszip";
import { Readable } from "node:stream";
import { LazyReadable } from "./streams";
import { uniqueNames } from "./rules";

export type ArchiveEntry = { name: string; date?: Date; open: () => Promise<Readable> };

export function zipStream(entries: ArchiveEntry[]): Readable {
  const zip = new JSZip();
  const names = uniqueNames(entries.map((e) => e.name));
  entries.forEach((entry, i) => {
    zip.file(names[i], new LazyReadable(entry.open), { binary: true, date: entry.date, compression: "STORE" });
  });
  // jszip's own node stream is an old readable-stream: wrap its internal
  // stream in a core Readable that pauses it when the consumer is slow.
  const helper = zip.generateInternalStream({ type: "nodebuffer", streamFiles: true, compression: "STORE" });
  const out = new Readable({
    read() {
      helper.resume();
    },
    destroy(error, callback) {
      helper.pause();
      callback(error);
    },
  });
  helper
    .on("data", (chunk: Buffer) => {
      if (!out.push(chunk)) helper.pause();
    })
    .on("error", (error: Error) => out.destroy(error))
    .on("end", () => out.push(null));
  return out;
}

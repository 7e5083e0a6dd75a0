// Stream helpers for documents: a PDF check on the first bytes with a size
// limit, and a readable that opens its source only when first read.
import { Readable, Transform } from "node:stream";
import { looksLikePdf } from "./rules";

export class UploadRejected extends Error {
  constructor(
    message: string,
    readonly code: "not_pdf" | "too_large" | "empty",
  ) {
    super(message);
  }
}

/** Passes bytes through, failing with UploadRejected when they are not a PDF or exceed maxBytes. */
export function pdfGuard(maxBytes: number): Transform {
  let seen = 0;
  let head: Buffer | null = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > maxBytes)
        return callback(new UploadRejected(`Fichier trop volumineux (${Math.round(maxBytes / 1024 / 1024)} Mo au plus)`, "too_large"));
      if (head) {
        head = Buffer.concat([head, chunk]);
        if (head.length < 5) return callback();
        if (!looksLikePdf(head)) return callback(new UploadRejected("Ce fichier n'est pas un PDF", "not_pdf"));
        const out = head;
        head = null;
        return callback(null, out);
      }
      callback(null, chunk);
    },
    flush(callback) {
      if (head)
        return callback(
          new UploadRejected(head.length === 0 ? "Fichier vide" : "Ce fichier n'est pas un PDF", head.length === 0 ? "empty" : "not_pdf"),
        );
      callback();
    },
  });
}

/**
 * `source` piped through pdfGuard, ready to hand to storage. Errors of the
 * source are forwarded; both streams keep an error listener of their own, so
 * that a second emission (the source still writing after the guard refused
 * the file) never becomes an uncaught exception; the consumer's pipeline
 * reports the error. The source is released when the guard closes.
 */
export function guardedPdf(source: Readable, maxBytes: number): Transform {
  const guard = pdfGuard(maxBytes);
  guard.on("error", () => undefined);
  source.on("error", (error) => guard.destroy(error));
  guard.once("close", () => {
    if (!source.destroyed) source.destroy();
  });
  return source.pipe(guard);
}

/**
 * A readable that calls `open` on its first read: a zip of 200 documents
 * opens one storage stream at a time, as the archive reaches it.
 */
export class LazyReadable extends Readable {
  private source: Readable | null = null;
  private opening = false;

  constructor(private readonly open: () => Promise<Readable>) {
    super();
  }

  override _read(): void {
    if (this.source) {
      this.source.resume();
      return;
    }
    if (this.opening) return;
    this.opening = true;
    this.open().then(
      (source) => {
        if (this.destroyed) {
          source.destroy();
          return;
        }
        this.source = source;
        source.on("data", (chunk: Buffer) => {
          if (!this.push(chunk)) source.pause();
        });
        source.once("end", () => this.push(null));
        source.once("error", (error) => this.destroy(error));
      },
      (error) => this.destroy(error),
    );
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.source?.destroy();
    callback(error);
  }
}

// Stream helpers for documents: a PDF check on the first bytes with a size
// limit, and a web stream pulled from a Node readable or a generator.
import { Transform, type Readable } from "node:stream";
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
 * A web stream over an async iterator (a Node readable, a generator), pulled
 * one chunk ahead of the consumer: the source is read only as fast as the
 * response is sent, and cancelling the stream (the client went away) closes
 * the iterator, which destroys the source being read.
 */
export function webStreamOf(source: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}

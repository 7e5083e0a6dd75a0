// The S3 storage (AWS SDK + lib-storage) against a real local S3 server
// (s3rver, started here on a free port): put, get, a streamed multipart upload
// larger than a part, delete, a missing key; and a server answering 503 ends
// in the French storage message after the SDK's retries.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { guardStorage, isStorageFailure, STORAGE_UNAVAILABLE_MESSAGE, StorageUnavailableError } from "@/lib/storage";
import { s3Client, s3Storage, UPLOAD_PART_BYTES, type S3Config } from "@/lib/storage/s3";

const dir = mkdtempSync(path.join(os.tmpdir(), "s3rver-"));
const BUCKET = "espace";
let server: S3rver;
let config: S3Config;

/** A free port chosen by the kernel. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  server = new S3rver({ port, address: "127.0.0.1", silent: true, directory: dir, configureBuckets: [{ name: BUCKET, configs: [] }] });
  await server.run();
  // s3rver's own keys; it checks the SDK's signatures with them.
  config = {
    endpoint: `http://127.0.0.1:${port}`,
    region: "us-east-1",
    bucket: BUCKET,
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    prefix: "app/",
  };
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A stream of `total` bytes in 64 KiB chunks, never held whole. */
function generated(total: number, seed: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= total) return this.push(null);
      const n = Math.min(65_536, total - sent);
      const chunk = Buffer.alloc(n);
      for (let i = 0; i < n; i++) chunk[i] = (sent + i + seed) % 251;
      sent += n;
      this.push(chunk);
    },
  });
}

describe("S3 storage through the AWS SDK, against s3rver", () => {
  it("put a buffer, read it back, see it exist, delete it (twice), then it is missing", async () => {
    const storage = s3Storage(config);
    const bytes = Buffer.from("%PDF-1.4 bulletin de salaire");
    const stored = await storage.putObject(bytes, { contentType: "application/pdf" });
    expect(stored).toEqual({
      key: expect.stringMatching(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/),
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    });
    expect(await buffer(await storage.openObjectStream(stored.key))).toEqual(bytes);
    expect(await storage.objectExists(stored.key)).toBe(true);
    // Under the prefix, with its content type.
    const head = await s3Client(config).send(
      new (await import("@aws-sdk/client-s3")).HeadObjectCommand({ Bucket: BUCKET, Key: `app/${stored.key}` }),
    );
    expect(head.ContentType).toBe("application/pdf");

    await storage.deleteObject(stored.key);
    await storage.deleteObject(stored.key); // deleting a missing object is not an error
    expect(await storage.objectExists(stored.key)).toBe(false);
  });

  it("a missing key: open rejects as missing (not an outage), exists is false; a bad key never reaches the server", async () => {
    const storage = guardStorage(s3Storage(config));
    const missing = "2026/12/00000000-0000-4000-8000-000000000000";
    const error = await storage.openObjectStream(missing).catch((e: unknown) => e);
    expect(error).toMatchObject({ $metadata: { httpStatusCode: 404 } });
    expect(error).not.toBeInstanceOf(StorageUnavailableError);
    expect(await storage.objectExists(missing)).toBe(false);
    expect(await storage.objectExists("../etc/passwd")).toBe(false);
    await expect(storage.openObjectStream("../etc/passwd")).rejects.toThrow(/Invalid storage key/);
  });

  it("a stream larger than one part goes up as a streamed multipart upload and comes back identical", async () => {
    const client = s3Client(config);
    const commands: string[] = [];
    const send = client.send.bind(client);
    vi.spyOn(client, "send").mockImplementation(((command: { constructor: { name: string } }, ...rest: unknown[]) => {
      commands.push(command.constructor.name);
      return (send as (...a: unknown[]) => unknown)(command, ...rest);
    }) as typeof client.send);
    const storage = s3Storage(config, client);
    const total = 2 * UPLOAD_PART_BYTES + 123_457; // three parts
    const expected = createHash("sha256");
    for await (const chunk of generated(total, 7)) expected.update(chunk as Buffer);
    const stored = await storage.putObject(generated(total, 7), { contentType: "application/zip" });
    expect(stored.size).toBe(total);
    expect(stored.sha256).toBe(expected.digest("hex"));
    expect(commands).toEqual([
      "CreateMultipartUploadCommand",
      "UploadPartCommand",
      "UploadPartCommand",
      "UploadPartCommand",
      "CompleteMultipartUploadCommand",
    ]);
    const read = createHash("sha256");
    let size = 0;
    for await (const chunk of await storage.openObjectStream(stored.key)) {
      read.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
    expect(size).toBe(total);
    expect(read.digest("hex")).toBe(stored.sha256);
    await storage.deleteObject(stored.key);
  });

  it("an error of the source stream is passed on as it is, and nothing is stored", async () => {
    const storage = guardStorage(s3Storage(config));
    const refusal = new Error("le client est parti");
    const source = new Readable({
      read() {
        this.push(Buffer.alloc(1000, 1));
        this.destroy(refusal);
      },
    });
    const error = await storage.putObject(source, { contentType: "application/pdf" }).catch((e: unknown) => e);
    expect(error).toBe(refusal);
    const { ListObjectsV2Command } = await import("@aws-sdk/client-s3");
    const listed = await s3Client(config).send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: "app/" }));
    expect(listed.KeyCount ?? 0).toBe(0);
  });
});

describe("S3 answering 503", () => {
  let fake: Server;
  let requests = 0;
  beforeAll(async () => {
    fake = createServer((req, res) => {
      requests++;
      req.resume();
      req.on("end", () => {
        res.statusCode = 503;
        res.setHeader("content-type", "application/xml");
        res.end("<Error><Code>ServiceUnavailable</Code><Message>Reduce your request rate.</Message></Error>");
      });
    });
    await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise<void>((resolve) => fake.close(() => resolve())));

  it("ends in the French storage message after the SDK's retries, logged once", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const down = { ...config, endpoint: `http://127.0.0.1:${(fake.address() as AddressInfo).port}` };
    const storage = guardStorage(s3Storage(down, s3Client(down, { maxAttempts: 3 })));
    requests = 0;
    const error = await storage.putObject(Buffer.from("%PDF-1.4 x"), { contentType: "application/pdf" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect((error as Error).message).toBe(STORAGE_UNAVAILABLE_MESSAGE);
    expect(isStorageFailure((error as Error).cause)).toBe(true);
    expect(requests).toBe(3); // the first try and two retries
    requests = 0;
    await expect(storage.openObjectStream("2026/12/00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(requests).toBe(3);
    const lines = log.mock.calls.map((c) => String(c[0])).filter((l) => l.startsWith("[storage]"));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/unavailable during put: .*HTTP 503/);
    log.mockRestore();
  });
});

// Storage: the local folder and the S3-compatible implementation (AWS SDK),
// the latter against a tiny fake S3 server that checks the SigV4 signature and
// the payload hash of every request the SDK sends.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isStorageFailure, localStorage, type Storage } from "@/lib/storage";
import { s3ConfigFromEnv, s3Storage } from "@/lib/storage/s3";
import { signV4 } from "../helpers/sigv4";

const CREDENTIALS = { accessKeyId: "AKIAFAKE", secretAccessKey: "fake-secret-key" };

describe("AWS Signature Version 4", () => {
  it("matches the GET Object example of the AWS documentation", () => {
    const headers = signV4({
      method: "GET",
      url: new URL("https://examplebucket.s3.amazonaws.com/test.txt"),
      headers: { range: "bytes=0-9" },
      payloadHash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      region: "us-east-1",
      accessKeyId: "AKIAIOSFODNN7EXAMPLE",
      secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      date: new Date("2013-05-24T00:00:00Z"),
    });
    expect(headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
  });

  it("reads S3 settings from the environment only when a bucket is set; without keys, the SDK's credential chain", () => {
    expect(s3ConfigFromEnv({})).toBeNull();
    // No keys: the standard AWS chain (AWS_* variables, profile, IAM role) finds them.
    expect(s3ConfigFromEnv({ S3_BUCKET: "b" })).toEqual({
      bucket: "b",
      region: "us-east-1",
      endpoint: undefined,
      accessKeyId: undefined,
      secretAccessKey: undefined,
      sessionToken: undefined,
      prefix: "",
    });
    expect(s3ConfigFromEnv({ S3_BUCKET: "b", AWS_REGION: "eu-west-3" })?.region).toBe("eu-west-3");
    // Half a key pair is a mistake, refused at once.
    expect(() => s3ConfigFromEnv({ S3_BUCKET: "b", S3_ACCESS_KEY_ID: "k" })).toThrow(/S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/);
    expect(() => s3ConfigFromEnv({ S3_BUCKET: "b", S3_SECRET_ACCESS_KEY: "s" })).toThrow(/S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/);
    expect(
      s3ConfigFromEnv({
        S3_BUCKET: "b",
        S3_ENDPOINT: "http://127.0.0.1:9000/",
        S3_ACCESS_KEY_ID: "k",
        S3_SECRET_ACCESS_KEY: "s",
        S3_SESSION_TOKEN: "t",
        S3_REGION: "fr-par",
      }),
    ).toMatchObject({
      endpoint: "http://127.0.0.1:9000",
      bucket: "b",
      region: "fr-par",
      sessionToken: "t",
    });
  });
});

/** A fake S3: PUT/GET/HEAD/DELETE on /<bucket>/<key>, refusing bad signatures or hashes. */
function fakeS3() {
  const objects = new Map<string, Buffer>();
  const log: { method: string; path: string; status: number; maxChunk: number }[] = [];
  const tokens: (string | null)[] = [];
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    let maxChunk = 0;
    for await (const c of req) {
      chunks.push(c as Buffer);
      maxChunk = Math.max(maxChunk, (c as Buffer).length);
    }
    const body = Buffer.concat(chunks);
    const url = new URL(req.url!, `http://${req.headers.host}`);
    const reply = (status: number, payload?: Buffer | string) => {
      log.push({ method: req.method!, path: url.pathname, status, maxChunk });
      res.statusCode = status;
      res.end(payload);
    };
    // Recompute the signature from what arrived.
    const auth = String(req.headers.authorization ?? "");
    const signed = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(";") ?? [];
    const headers: Record<string, string> = {};
    for (const name of signed)
      if (!["host", "x-amz-date", "x-amz-content-sha256"].includes(name)) headers[name] = String(req.headers[name]);
    const amzDate = String(req.headers["x-amz-date"]);
    const date = new Date(
      `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
    );
    const expected = signV4({
      method: req.method!,
      url,
      headers,
      payloadHash: String(req.headers["x-amz-content-sha256"]),
      region: "eu-west-3",
      ...CREDENTIALS,
      date,
    });
    if (expected.authorization !== auth) return reply(403, "SignatureDoesNotMatch");
    if (String(req.headers["content-encoding"] ?? "").includes("aws-chunked"))
      return reply(400, "aws-chunked bodies are not accepted here");
    tokens.push(req.headers["x-amz-security-token"] ? String(req.headers["x-amz-security-token"]) : null);
    if (req.method === "PUT" && createHash("sha256").update(body).digest("hex") !== req.headers["x-amz-content-sha256"])
      return reply(400, "XAmzContentSHA256Mismatch");
    const key = url.pathname;
    if (req.method === "PUT") {
      objects.set(key, body);
      return reply(200);
    }
    const found = objects.get(key);
    if (req.method === "DELETE") {
      objects.delete(key);
      return reply(204);
    }
    if (!found) return reply(404, "NoSuchKey");
    if (req.method === "HEAD") return reply(200);
    return reply(200, found);
  });
  return { server, objects, log, tokens };
}

async function roundTrip(storage: Storage) {
  const parts = [Buffer.from("%PDF-1.4 bonjour "), Buffer.alloc(200_000, 7), Buffer.from(" fin")];
  const all = Buffer.concat(parts);
  const stored = await storage.putObject(Readable.from(parts), { contentType: "application/pdf" });
  expect(stored.key).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
  expect(stored.size).toBe(all.length);
  expect(stored.sha256).toBe(createHash("sha256").update(all).digest("hex"));
  const read = await storage.openObjectStream(stored.key);
  expect(read).toBeInstanceOf(Readable);
  expect(Buffer.compare(await buffer(read), all)).toBe(0);
  expect(await storage.objectExists(stored.key)).toBe(true);

  const small = await storage.putObject(Buffer.from("petit"), { contentType: "text/plain" });
  expect(small.size).toBe(5);
  expect((await buffer(await storage.openObjectStream(small.key))).toString()).toBe("petit");

  await storage.deleteObject(stored.key);
  await storage.deleteObject(stored.key); // deleting twice is fine
  expect(await storage.objectExists(stored.key)).toBe(false);
  await expect(storage.openObjectStream(stored.key)).rejects.toThrow();
  expect(await storage.objectExists("../etc/passwd")).toBe(false);
  await expect(storage.openObjectStream("../etc/passwd")).rejects.toThrow(/Invalid storage key/);
}

describe("storage", () => {
  const fake = fakeS3();
  let endpoint = "";
  let dir = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    dir = mkdtempSync(path.join(os.tmpdir(), "documents-storage-"));
  });
  afterAll(async () => {
    await new Promise((resolve) => fake.server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it("local folder: streams in and out, with SHA-256 and size", async () => {
    await roundTrip(localStorage(dir));
  });

  it("S3-compatible: signed requests, streamed upload with the right hash, streamed reads", async () => {
    const storage = s3Storage({ endpoint, region: "eu-west-3", bucket: "espace", ...CREDENTIALS, prefix: "docs/" });
    await roundTrip(storage);
    expect([...fake.objects.keys()].every((k) => k.startsWith("/espace/docs/"))).toBe(true);
    expect(fake.log.every((l) => l.status !== 403)).toBe(true);
    // The 200 KB body was streamed in chunks, not sent as one buffer.
    const bigPut = fake.log.find((l) => l.method === "PUT" && l.maxChunk > 0)!;
    expect(bigPut.maxChunk).toBeLessThan(200_000);
    expect(fake.tokens.every((t) => t === null)).toBe(true);
  });

  it("S3-compatible: a session token (temporary credentials) is sent and signed", async () => {
    const storage = s3Storage({
      endpoint,
      region: "eu-west-3",
      bucket: "espace",
      ...CREDENTIALS,
      sessionToken: "jeton-de-session-temporaire",
    });
    const before = fake.tokens.length;
    const stored = await storage.putObject(Buffer.from("%PDF-1.4 jeton"), { contentType: "application/pdf" });
    expect((await buffer(await storage.openObjectStream(stored.key))).toString()).toBe("%PDF-1.4 jeton");
    expect(fake.tokens.slice(before)).toEqual(["jeton-de-session-temporaire", "jeton-de-session-temporaire"]);
  });

  it("S3-compatible: a wrong secret is refused by the server, and is not taken for an outage", async () => {
    const storage = s3Storage({
      endpoint,
      region: "eu-west-3",
      bucket: "espace",
      accessKeyId: CREDENTIALS.accessKeyId,
      secretAccessKey: "wrong",
    });
    const error = await storage.putObject(Buffer.from("x"), { contentType: "text/plain" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ $metadata: { httpStatusCode: 403 } });
    expect(isStorageFailure(error)).toBe(false);
  });
});

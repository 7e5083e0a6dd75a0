// S3-compatible object storage (AWS S3, MinIO, Scaleway, OVH, Garage...),
// signed with AWS Signature Version 4 using node:crypto and fetch: no SDK.
// Path-style URLs (<endpoint>/<bucket>/<key>) work with every provider.
//
// Uploads are first spooled to a temporary file while their SHA-256 and size
// are computed, so that the PUT can carry a signed payload hash and a
// Content-Length without the file ever being held in memory. Reads are
// streamed from the response body.
import { createHash, createHmac } from "node:crypto";
import { createReadStream } from "node:fs";
import { rm } from "node:fs/promises";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { isValidObjectKey, newObjectKey, type Storage } from "./index";
import { spoolStream } from "./spool";

export type S3Config = {
  /** e.g. "https://s3.fr-par.scw.cloud" or "http://127.0.0.1:9000" */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Optional prefix inside the bucket, e.g. "espace/" */
  prefix?: string;
};

type Env = Record<string, string | undefined>;

/** S3 settings from S3_ENDPOINT, S3_REGION, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY (S3_PREFIX optional). */
export function s3ConfigFromEnv(env: Env = process.env): S3Config | null {
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) return null;
  const endpoint = env.S3_ENDPOINT?.trim() || `https://s3.${env.S3_REGION?.trim() || "us-east-1"}.amazonaws.com`;
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim();
  if (!accessKeyId || !secretAccessKey) throw new Error("S3_BUCKET is set but S3_ACCESS_KEY_ID or S3_SECRET_ACCESS_KEY is missing");
  return { endpoint: endpoint.replace(/\/+$/, ""), region: env.S3_REGION?.trim() || "us-east-1", bucket, accessKeyId, secretAccessKey, prefix: env.S3_PREFIX?.trim() || "" };
}

const EMPTY_SHA256 = createHash("sha256").update("").digest("hex");

const sha256Hex = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data).digest();

/** RFC 3986 encoding as S3 wants it in the canonical URI (slashes kept). */
function encodePath(p: string): string {
  return p
    .split("/")
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join("/");
}

export type SignInput = {
  method: string;
  url: URL;
  headers: Record<string, string>;
  payloadHash: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  date: Date;
  service?: string;
};

/**
 * AWS Signature Version 4: returns the headers to send (the given ones plus
 * host, x-amz-date, x-amz-content-sha256 and authorization).
 */
export function signV4(input: SignInput): Record<string, string> {
  const service = input.service ?? "s3";
  const amzDate = input.date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {
    ...Object.fromEntries(Object.entries(input.headers).map(([k, v]) => [k.toLowerCase(), v])),
    host: input.url.host,
    "x-amz-date": amzDate,
    "x-amz-content-sha256": input.payloadHash,
  };
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((n) => `${n}:${headers[n].trim().replace(/\s+/g, " ")}\n`).join("");
  const signedHeaders = names.join(";");
  const query = [...input.url.searchParams.entries()]
    .map(([k, v]) => [encodeURIComponent(k), encodeURIComponent(v)])
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const canonicalRequest = [input.method, encodePath(decodeURIComponent(input.url.pathname)), query, canonicalHeaders, signedHeaders, input.payloadHash].join("\n");
  const scope = `${day}/${input.region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, day), input.region), service), "aws4_request");
  const signature = createHmac("sha256", signingKey).update(stringToSign).digest("hex");
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return headers;
}

export class S3Error extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export function s3Storage(config: S3Config): Storage {
  const urlOf = (key: string) => {
    if (!isValidObjectKey(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
    return new URL(`${config.endpoint}/${config.bucket}/${encodePath(`${config.prefix ?? ""}${key}`)}`);
  };

  async function send(method: string, key: string, init: { headers?: Record<string, string>; payloadHash?: string; body?: Readable } = {}) {
    const url = urlOf(key);
    const headers = signV4({
      method,
      url,
      headers: init.headers ?? {},
      payloadHash: init.payloadHash ?? EMPTY_SHA256,
      region: config.region,
      accessKeyId: config.accessKeyId,
      secretAccessKey: config.secretAccessKey,
      date: new Date(),
    });
    delete headers.host; // fetch sets it
    return fetch(url, {
      method,
      headers,
      body: init.body ? (Readable.toWeb(init.body) as unknown as BodyInit) : undefined,
      // Required by undici for a streamed request body.
      ...(init.body ? { duplex: "half" } : {}),
    } as RequestInit);
  }

  const failure = async (what: string, res: Response) => {
    const text = await res.text().catch(() => "");
    return new S3Error(`S3 ${what} failed: HTTP ${res.status} ${text.slice(0, 300)}`, res.status);
  };

  return {
    async putObject(input, meta) {
      const key = newObjectKey();
      const hash = createHash("sha256");
      let size = 0;
      let body: Readable;
      let spool: string | null = null;
      if (Buffer.isBuffer(input)) {
        hash.update(input);
        size = input.length;
        body = Readable.from([input]);
      } else {
        spool = await spoolStream(input, {
          onChunk(chunk) {
            hash.update(chunk);
            size += chunk.length;
          },
        });
        body = createReadStream(spool);
      }
      const sha256 = hash.digest("hex");
      try {
        const res = await send("PUT", key, {
          headers: { "content-type": meta.contentType, "content-length": String(size) },
          payloadHash: sha256,
          body,
        });
        if (!res.ok) throw await failure("PUT", res);
        await res.body?.cancel();
      } finally {
        if (spool) await rm(spool, { force: true });
      }
      return { key, sha256, size };
    },

    async openObjectStream(key) {
      const res = await send("GET", key);
      if (!res.ok || !res.body) throw await failure(`GET ${key}`, res);
      return Readable.fromWeb(res.body as unknown as WebReadableStream);
    },

    async objectExists(key) {
      if (!isValidObjectKey(key)) return false;
      const res = await send("HEAD", key);
      if (res.status === 404) return false;
      if (!res.ok) throw await failure(`HEAD ${key}`, res);
      return true;
    },

    async deleteObject(key) {
      const res = await send("DELETE", key);
      if (!res.ok && res.status !== 404) throw await failure(`DELETE ${key}`, res);
      await res.body?.cancel();
    },
  };
}

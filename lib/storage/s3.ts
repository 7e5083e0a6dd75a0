// S3-compatible object storage (AWS S3, MinIO, Scaleway, OVH, Garage...)
// through the AWS SDK: requests signed by the SDK (session tokens included),
// the standard credential chain (environment, shared config, web identity,
// ECS/EC2 roles) when no keys are set here, retries with backoff, timeouts,
// and streamed multipart uploads (@aws-sdk/lib-storage: at most
// UPLOAD_QUEUE_SIZE parts of UPLOAD_PART_BYTES in memory, whatever the size of
// the file). A custom endpoint is addressed path-style
// (<endpoint>/<bucket>/<key>), which every provider accepts.
import { createHash } from "node:crypto";
import { Readable, Transform, pipeline } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { isValidObjectKey, newObjectKey, type Storage } from "./index";
import type { S3Config } from "./s3-config";

export { s3ConfigFromEnv, type S3Config } from "./s3-config";

/** Each multipart part (S3's minimum is 5 MiB); a smaller file is sent as one PutObject. */
export const UPLOAD_PART_BYTES = 5 * 1024 * 1024;
/** Parts uploaded at once, hence held in memory at once. */
export const UPLOAD_QUEUE_SIZE = 2;
/** Connecting to the object store, and waiting on a silent socket (milliseconds). */
const CONNECT_TIMEOUT_MS = 5_000;
const SOCKET_TIMEOUT_MS = 30_000;

/** The SDK client for these settings (exported for tests and scripts). */
export function s3Client(config: S3Config, extra: Partial<S3ClientConfig> = {}): S3Client {
  return new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint, forcePathStyle: true } : {}),
    ...(config.accessKeyId && config.secretAccessKey
      ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, ...(config.sessionToken ? { sessionToken: config.sessionToken } : {}) } }
      : {}),
    // Checksums only where S3 requires them: the newer default (CRC32 trailers
    // in aws-chunked bodies) is refused by several S3-compatible providers.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: SOCKET_TIMEOUT_MS },
    ...extra,
  });
}

const isNotFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NotFound" || e?.name === "NoSuchKey" || e?.$metadata?.httpStatusCode === 404;
};

export function s3Storage(config: S3Config, client: S3Client = s3Client(config)): Storage {
  const keyOf = (key: string) => {
    if (!isValidObjectKey(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
    return `${config.prefix ?? ""}${key}`;
  };

  return {
    async putObject(input, meta) {
      const key = newObjectKey();
      const hash = createHash("sha256");
      let size = 0;
      const measure = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk);
          size += chunk.length;
          callback(null, chunk);
        },
      });
      const source = Buffer.isBuffer(input) ? Readable.from([input]) : input;
      // An error of the source destroys the measured stream with that same
      // error, which the upload then rejects with.
      const body = pipeline(source, measure, () => undefined);
      const upload = new Upload({
        client,
        params: { Bucket: config.bucket, Key: keyOf(key), Body: body, ContentType: meta.contentType },
        partSize: UPLOAD_PART_BYTES,
        queueSize: UPLOAD_QUEUE_SIZE,
        leavePartsOnError: false, // a failed multipart upload is aborted: no parts left billed
      });
      try {
        await upload.done();
      } catch (error) {
        body.destroy();
        throw error;
      }
      return { key, sha256: hash.digest("hex"), size };
    },

    async openObjectStream(key) {
      const res = await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: keyOf(key) }));
      if (!(res.Body instanceof Readable)) throw new Error(`S3 GET ${key}: no body`);
      return res.Body;
    },

    async objectExists(key) {
      if (!isValidObjectKey(key)) return false;
      try {
        await client.send(new HeadObjectCommand({ Bucket: config.bucket, Key: keyOf(key) }));
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },

    async deleteObject(key) {
      try {
        await client.send(new DeleteObjectCommand({ Bucket: config.bucket, Key: keyOf(key) }));
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
  };
}

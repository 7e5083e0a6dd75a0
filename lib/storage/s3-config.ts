// S3 settings read from the environment, apart from the driver (lib/storage/s3.ts):
// knowing whether S3 is configured must not load the AWS SDK (about 20 MB of
// memory that a server on a local folder would keep for nothing).
export type S3Config = {
  /** e.g. "https://s3.fr-par.scw.cloud" or "http://127.0.0.1:9000"; unset: AWS's own endpoint for the region. */
  endpoint?: string;
  region: string;
  bucket: string;
  /** Static keys; unset: the SDK's standard credential chain (AWS_* variables, profiles, IAM roles). */
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  /** Optional prefix inside the bucket, e.g. "espace/" */
  prefix?: string;
};

type Env = Record<string, string | undefined>;

/**
 * S3 settings from S3_BUCKET (required to use S3), S3_ENDPOINT, S3_REGION,
 * S3_ACCESS_KEY_ID + S3_SECRET_ACCESS_KEY (+ S3_SESSION_TOKEN), S3_PREFIX.
 * Without the keys, the SDK finds credentials itself (AWS_ACCESS_KEY_ID /
 * AWS_SESSION_TOKEN, AWS_PROFILE, a web identity token, an ECS or EC2 role).
 */
export function s3ConfigFromEnv(env: Env = process.env): S3Config | null {
  const bucket = env.S3_BUCKET?.trim();
  if (!bucket) return null;
  const accessKeyId = env.S3_ACCESS_KEY_ID?.trim() || undefined;
  const secretAccessKey = env.S3_SECRET_ACCESS_KEY?.trim() || undefined;
  if (!accessKeyId !== !secretAccessKey) throw new Error("S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither to use the standard AWS credential chain");
  return {
    endpoint: env.S3_ENDPOINT?.trim().replace(/\/+$/, "") || undefined,
    region: env.S3_REGION?.trim() || env.AWS_REGION?.trim() || "us-east-1",
    bucket,
    accessKeyId,
    secretAccessKey,
    sessionToken: accessKeyId ? env.S3_SESSION_TOKEN?.trim() || undefined : undefined,
    prefix: env.S3_PREFIX?.trim() || "",
  };
}

// Start-up check of the seal settings (called by lib/server-start.ts): a
// missing passphrase, an unreadable or expired certificate stops the server
// with the reason, instead of failing the first signature.
import { daysLeft } from "./rules";
import { loadSealIdentity, type SealIdentity } from "./identity";
import type { SealEnv } from "./rules";

export function checkSealSettings(env: SealEnv & { NODE_ENV?: string } = process.env, at: Date = new Date()): SealIdentity {
  let identity: SealIdentity;
  try {
    identity = loadSealIdentity(env, at);
  } catch (error) {
    throw new Error(`Seal settings: ${(error as Error).message}`);
  }
  const left = daysLeft(identity.notAfter, at);
  if (left < 30)
    console.warn(`The seal certificate expires in ${left} day(s) (${identity.notAfter.toISOString()}): renew it (SEAL_P12_FILE).`);
  if (identity.selfSigned && identity.source !== "local")
    console.warn("The seal certificate is self-signed: PDF readers will not trust it. Use a seal from a trust service provider.");
  return identity;
}

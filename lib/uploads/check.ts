// Uploaded documents are accepted by their content (magic bytes), never by
// their name or the type the browser claims. Pure, unit-tested.

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export type AcceptedFile = { mimeType: "application/pdf" | "image/jpeg" | "image/png"; extension: "pdf" | "jpg" | "png" };

export function detectFileType(head: Uint8Array): AcceptedFile | null {
  const starts = (bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return { mimeType: "application/pdf", extension: "pdf" }; // %PDF-
  if (starts([0xff, 0xd8, 0xff])) return { mimeType: "image/jpeg", extension: "jpg" };
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mimeType: "image/png", extension: "png" };
  return null;
}

export const UPLOAD_MESSAGES = {
  missing: "Choisissez un fichier.",
  empty: "Le fichier est vide.",
  tooLarge: "Le fichier dépasse 10 Mo. Réduisez sa taille (scan en qualité standard) et réessayez.",
  badType: "Ce fichier n'est pas un PDF, un JPEG ou un PNG valide. Déposez un PDF ou une photo (JPEG, PNG).",
};

/** The checked bytes and their type, or a French message. */
export async function checkUpload(file: unknown): Promise<{ ok: true; bytes: Buffer; type: AcceptedFile } | { ok: false; error: string }> {
  if (!file || typeof file !== "object" || !("arrayBuffer" in file) || !("size" in file))
    return { ok: false, error: UPLOAD_MESSAGES.missing };
  const blob = file as Blob;
  if (blob.size === 0) return { ok: false, error: (file as File).name ? UPLOAD_MESSAGES.empty : UPLOAD_MESSAGES.missing };
  if (blob.size > MAX_UPLOAD_BYTES) return { ok: false, error: UPLOAD_MESSAGES.tooLarge };
  const bytes = Buffer.from(await blob.arrayBuffer());
  const type = detectFileType(bytes.subarray(0, 16));
  if (!type) return { ok: false, error: UPLOAD_MESSAGES.badType };
  return { ok: true, bytes, type };
}

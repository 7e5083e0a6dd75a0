// One creation per rendered form (see FORM_KEY_FIELD in lib/forms.ts). The key
// is claimed by an insert at the start of the creating transaction: a twin
// submission waits on that row, then fails on the primary key once the first
// commits, and answers with what the first one created. If the first one
// fails, its claim rolls back with it and the twin does the work.
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { FORM_KEY_FIELD, cleanId } from "@/lib/forms";

type Tx = Prisma.TransactionClient;

/** The key of this caller's submission of a create form, or null (form without a key). */
export function submissionKey(actorId: string, formData: FormData): string | null {
  const key = cleanId(formData.get(FORM_KEY_FIELD));
  return key ? `${actorId}:${key}` : null;
}

/** What an earlier submission of the same form created, if one did. */
export async function firstSubmission(key: string | null): Promise<string | null> {
  if (!key) return null;
  const row = await db.formSubmission.findUnique({ where: { key }, select: { entityId: true } });
  return row?.entityId ?? null;
}

/** First statement of the creating transaction: a twin blocks here until this one ends. */
export async function claimSubmission(tx: Tx, key: string | null): Promise<void> {
  if (key) await tx.formSubmission.create({ data: { key } });
}

/** Last statement of the creating transaction: what the form created. */
export async function recordSubmission(tx: Tx, key: string | null, entityId: string): Promise<void> {
  if (key) await tx.formSubmission.update({ where: { key }, data: { entityId } });
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Runs `create` (which returns the id of what it made) in one transaction,
 * once per form key: a repeated submission gets the first one's id with
 * `repeated: true`. Errors of `create` (a unique name already taken…) are
 * rethrown for the caller to answer.
 */
export async function createOnce(key: string | null, create: (tx: Tx) => Promise<string>): Promise<{ id: string; repeated: boolean }> {
  const earlier = await firstSubmission(key);
  if (earlier) return { id: earlier, repeated: true };
  try {
    const id = await db.$transaction(async (tx) => {
      await claimSubmission(tx, key);
      const id = await create(tx);
      await recordSubmission(tx, key, id);
      return id;
    });
    return { id, repeated: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const first = await firstSubmission(key);
    if (first) return { id: first, repeated: true };
    throw error;
  }
}

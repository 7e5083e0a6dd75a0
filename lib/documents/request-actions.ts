"use server";
// The worker's "Demander un nouveau document" (lib/documents/request.ts does the work).
import { z } from "zod";
import { workerAction } from "@/lib/auth/action";
import { now } from "@/lib/clock";
import type { Result } from "@/lib/result";
import { submissionKey } from "@/lib/submissions";
import { requestDocument } from "./request";

// The kind and the message are checked by requestDocument, with its own French messages.
const requestSchema = z.object({ kind: z.string().optional().default(""), message: z.string().optional().default("") });

export const requestNewDocument = workerAction(requestSchema, async (data, user, formData): Promise<Result> =>
  requestDocument(user, data, await now(), submissionKey(user.id, formData)),
);

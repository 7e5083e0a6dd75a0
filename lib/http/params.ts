// The [id] segment of a page: an id or a 404, before anything reaches the
// database (a NUL byte in the URL made PostgreSQL answer a 500).
import { notFound } from "next/navigation";
import { cleanId } from "@/lib/forms";

export async function idParam(params: Promise<{ id: string }>): Promise<string> {
  const id = cleanId((await params).id);
  if (!id) notFound();
  return id;
}

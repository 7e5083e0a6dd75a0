import Link from "next/link";
import { isPreview, previewRef } from "@/lib/preview/env";

/** The slim banner of a deploy preview (APP_ENV=preview); nothing elsewhere. */
export function PreviewBanner() {
  if (!isPreview()) return null;
  const ref = previewRef();
  return (
    <div role="note" aria-label="Version de démonstration" className="bg-amber-100 px-4 py-1 text-center text-xs text-amber-950">
      <strong>Aperçu de démonstration</strong>
      {ref ? (
        <>
          {" "}
          · version <code className="font-mono">{ref}</code>
        </>
      ) : null}{" "}
      · aucun email ni SMS n&apos;est envoyé :{" "}
      <Link href="/apercu/messages" className="font-semibold underline">
        lire les messages « envoyés »
      </Link>
    </div>
  );
}

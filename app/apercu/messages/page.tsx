import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { isPreview } from "@/lib/preview/env";
import { listOutboxForRecipient } from "@/lib/messaging/queries";
import { formatParisDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Messages de la démonstration" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Deploy previews only: the emails and SMS the demo "sent", in full (codes included). */
export default async function PreviewOutboxPage({ searchParams }: Props) {
  if (!isPreview()) notFound();
  const params = await searchParams;
  const to = typeof params.a === "string" ? params.a : "";
  const messages = await listOutboxForRecipient(to);
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-bold text-slate-900">Messages « envoyés » par la démonstration</h1>
      <p className="mt-1 text-sm text-slate-600">
        Dans cet aperçu, aucun email ni SMS ne part : ils s&apos;affichent ici, les plus récents d&apos;abord (codes de signature compris).{" "}
        <Link href="/connexion" className="text-brand-700 underline">
          Retour à la connexion
        </Link>
      </p>
      <form className="mt-4 flex flex-wrap items-end gap-2" method="get">
        <label className="text-sm text-slate-700">
          Destinataire (email ou téléphone)
          <input name="a" defaultValue={to} className="mt-1 block w-64 rounded-md border border-slate-300 px-2 py-1 text-sm" />
        </label>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">
          Filtrer
        </button>
      </form>
      {messages.length === 0 ? (
        <p className="mt-6 text-sm text-slate-600">Aucun message pour l&apos;instant.</p>
      ) : (
        <ol className="mt-6 space-y-4">
          {messages.map((message, index) => (
            <li key={index} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="preview-message">
              <p className="text-xs text-slate-500">
                {message.channel === "sms" ? "SMS" : "Email"} à <span className="font-mono">{message.to}</span> ·{" "}
                {formatParisDateTime(message.createdAt)}
              </p>
              {message.subject ? <p className="mt-1 font-semibold text-slate-900">{message.subject}</p> : null}
              <pre className="mt-2 font-sans text-sm break-words whitespace-pre-wrap text-slate-800">{message.text}</pre>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}

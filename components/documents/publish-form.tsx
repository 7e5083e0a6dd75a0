"use client";
// Staff: publish one document for a worker.
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { FORM_KEY_FIELD, newFormKey } from "@/lib/forms";

type Agency = { id: string; name: string };
type Answer = { ok?: boolean; message?: string; error?: string; fieldErrors?: Record<string, string> };

export function PublishDocumentForm({ agencies }: { agencies: Agency[] }) {
  const [kind, setKind] = useState("PAYSLIP");
  const [answer, setAnswer] = useState<Answer>({});
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // One key per document being published (lib/forms.ts FORM_KEY_FIELD): a
  // double click publishes once; the next document gets a new key.
  const keyRef = useRef<string | null>(null);
  const err = (name: string) => answer.fieldErrors?.[name];
  // The desk around the form (pending requests, recent documents) is server-rendered: read it again after a publish.
  const router = useRouter();

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    keyRef.current ??= newFormKey();
    const data = new FormData(event.currentTarget);
    data.set(FORM_KEY_FIELD, keyRef.current);
    try {
      const res = await fetch("/api/admin/documents/single", { method: "POST", body: data });
      const body = (await res.json().catch(() => ({ error: "Une erreur est survenue, réessayez." }))) as Answer;
      setAnswer(body);
      if (body.ok) {
        keyRef.current = null;
        // The published file is cleared, so that a second click cannot resend it.
        const file = formRef.current?.querySelector<HTMLInputElement>("input[type=file]");
        if (file) file.value = "";
        router.refresh();
      }
    } catch {
      setAnswer({ error: "La connexion a échoué, réessayez." });
    } finally {
      setPending(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} className="space-y-4" noValidate aria-label="Publier un document">
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Agence" name="agencyId" defaultValue={agencies[0]?.id} error={err("agencyId")} required>
          {agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </SelectField>
        <InputField label="N° intérimaire" name="workerNumber" inputMode="text" autoComplete="off" error={err("workerNumber")} required />
        <SelectField
          label="Type de document"
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          error={err("kind")}
          required
        >
          <option value="PAYSLIP">Bulletin de salaire</option>
          <option value="ASSEDIC_CERTIFICATE">Attestation Assedic</option>
          <option value="WORK_CERTIFICATE">Certificat de travail</option>
        </SelectField>
        {kind === "PAYSLIP" ? (
          <InputField label="Mois du bulletin" name="month" type="month" error={err("month")} required />
        ) : (
          <div className="grid grid-cols-2 gap-3">
            <InputField label="Période du" name="periodStart" type="date" error={err("periodStart")} required />
            <InputField label="au" name="periodEnd" type="date" error={err("periodEnd")} required />
          </div>
        )}
        <InputField
          label="Fichier PDF"
          name="file"
          type="file"
          accept="application/pdf,.pdf"
          error={err("file")}
          hint="PDF, 10 Mo au plus."
          required
          className="sm:col-span-2"
        />
      </div>
      {answer.error ? <Alert variant="error">{answer.error}</Alert> : null}
      {answer.ok && answer.message ? (
        <Alert variant="success" role="status">
          {answer.message}
        </Alert>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Publication…" : "Publier le document"}
      </Button>
    </form>
  );
}

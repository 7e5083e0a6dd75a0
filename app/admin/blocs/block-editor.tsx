"use client";
// Edits one dashboard block, with a live preview rendered by the same safe
// Markdown renderer as the workers' Tableau de bord.
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField, InputField, TextareaField } from "@/components/ui/field";
import { FORM_KEY_FIELD } from "@/lib/forms";
import { renderMarkdown } from "@/lib/markdown";
import { saveBlock } from "./actions";
import { errorOf, successOf, fieldErrorOf, initialActionState } from "@/lib/result";

export type EditableBlock = { id: string; title: string; body: string; published: boolean; version: string };

/** `formKey` (lib/forms.ts newFormKey) for a new block: one block however often the form is posted. */
export function BlockEditor({
  agencyId,
  block,
  onDoneHref,
  formKey,
}: {
  agencyId: string;
  block?: EditableBlock;
  onDoneHref: string;
  formKey?: string;
}) {
  const [state, action, pending] = useActionState(saveBlock, initialActionState);
  const [title, setTitle] = useState(block?.title ?? "");
  const [body, setBody] = useState(block?.body ?? "");
  const err = (name: string) => fieldErrorOf(state, name);

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form action={action} className="space-y-4" aria-label={block ? "Modifier le bloc" : "Nouveau bloc"}>
        <input type="hidden" name="agencyId" value={agencyId} />
        <input type="hidden" name="id" value={block?.id ?? ""} />
        <input type="hidden" name="version" value={block?.version ?? ""} />
        {formKey ? <input type="hidden" name={FORM_KEY_FIELD} value={formKey} /> : null}
        <InputField
          label="Titre"
          name="title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={120}
          error={err("title")}
          required
        />
        <TextareaField
          label="Contenu (Markdown)"
          name="body"
          rows={12}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          error={err("body")}
          hint="**gras**, *italique*, listes avec « - », titres avec « # », liens [texte](https://…) ; adresses e-mail et numéros de téléphone deviennent des liens."
          required
        />
        <CheckboxField label="Publié (visible des intérimaires de l'agence)" name="published" defaultChecked={block?.published ?? true} />
        {errorOf(state) ? <Alert variant="error">{errorOf(state)}</Alert> : null}
        {successOf(state) ? (
          <Alert variant="success" role="status">
            {successOf(state)}{" "}
            <a href={onDoneHref} className="font-medium underline">
              Retour à la liste
            </a>
          </Alert>
        ) : null}
        <Button type="submit" disabled={pending}>
          {pending ? "Enregistrement…" : "Enregistrer"}
        </Button>
      </form>
      <section aria-labelledby="apercu" className="space-y-2">
        <h3 id="apercu" className="text-sm font-semibold text-slate-600">
          Aperçu
        </h3>
        <article className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6" data-testid="block-preview">
          <h4 className="text-brand-700 mb-3 text-base font-bold tracking-wide uppercase">{title || "Titre du bloc"}</h4>
          <div className="text-sm [overflow-wrap:anywhere] text-slate-700 sm:text-base">{renderMarkdown(body, { headingLevel: 4 })}</div>
        </article>
      </section>
    </div>
  );
}

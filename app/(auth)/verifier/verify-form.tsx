"use client";

import { startTransition, useActionState, useRef, useState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/auth/form-bits";
import type { CheckAnswer } from "@/lib/contracts/public-check";
import { errorOf, fieldErrorOf, initialActionState, type ActionState } from "@/lib/result";
import { verifyDocument } from "./actions";

/** SHA-256 of a file, in the browser: the file is never sent. */
async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export function VerifyForm() {
  const [state, formAction, pending] = useActionState<ActionState<CheckAnswer>, FormData>(verifyDocument, initialActionState);
  const [hash, setHash] = useState("");
  const [fileName, setFileName] = useState("");
  const [dragging, setDragging] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const [fileError, setFileError] = useState("");

  const checkFile = async (file: File | undefined) => {
    if (!file) return;
    setFileError("");
    let hex: string;
    try {
      hex = await sha256Hex(file);
    } catch {
      // No Web Crypto (an old browser, a page not served over HTTPS): the hash can still be typed.
      setFileError("Votre navigateur ne peut pas calculer l'empreinte de ce fichier : saisissez-la ci-dessous.");
      return;
    }
    setFileName(file.name);
    setHash(hex);
    const data = new FormData();
    data.set("sha256", hex);
    startTransition(() => formAction(data));
  };

  const answer = state?.ok ? state.data : null;
  return (
    <div className="mt-6 space-y-4">
      <form ref={formRef} action={formAction} noValidate className="space-y-4">
        <label
          htmlFor="verifier-fichier"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void checkFile(e.dataTransfer.files[0]);
          }}
          className={`flex cursor-pointer flex-col items-center justify-center rounded-lg border-2 border-dashed px-4 py-6 text-center text-sm transition ${
            dragging ? "border-brand-500 bg-brand-50" : "hover:border-brand-400 border-slate-300 bg-slate-50"
          }`}
        >
          <span className="font-semibold text-slate-800">Déposez le PDF ici ou choisissez un fichier</span>
          <span className="mt-1 text-xs text-slate-500">{fileName ? `Fichier vérifié : ${fileName}` : "Contrat de mission (PDF)"}</span>
          {fileError ? (
            <span className="mt-2 text-sm text-red-700" role="alert">
              {fileError}
            </span>
          ) : null}
          {/* No name: the file never leaves the browser, only its hash does. */}
          <input
            id="verifier-fichier"
            type="file"
            accept="application/pdf,.pdf"
            className="sr-only"
            aria-label="Fichier PDF du contrat"
            onChange={(e) => void checkFile(e.target.files?.[0])}
          />
        </label>
        <TextField
          label="Empreinte SHA-256"
          name="sha256"
          inputMode="text"
          autoComplete="off"
          spellCheck={false}
          placeholder="64 caractères, par exemple 3f2a…"
          value={hash}
          onChange={(e) => setHash(e.target.value)}
          error={fieldErrorOf(state, "sha256")}
        />
        <SubmitButton pending={pending} pendingLabel="Vérification…">
          Vérifier
        </SubmitButton>
      </form>
      {errorOf(state) && !fieldErrorOf(state, "sha256") ? <FormMessage kind="error">{errorOf(state)}</FormMessage> : null}
      {answer && !answer.found ? (
        <div
          role="status"
          data-testid="verify-result"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-3 text-sm text-red-800"
        >
          <p className="font-semibold">Ce document ne correspond à aucun contrat émis.</p>
          <p className="mt-1">Il n&apos;a pas été émis ici, ou il a été modifié depuis (un seul octet suffit à changer son empreinte).</p>
        </div>
      ) : null}
      {answer && answer.found ? (
        <div
          role="status"
          data-testid="verify-result"
          className="rounded-md border border-green-200 bg-green-50 px-3 py-3 text-sm text-green-900"
        >
          <p className="font-semibold">{answer.title}</p>
          <dl className="mt-2 space-y-1">
            {answer.lines.map(([label, value]) => (
              <div key={label} className="flex flex-col sm:flex-row sm:gap-2">
                <dt className="text-green-800 sm:w-40 sm:shrink-0">{label}</dt>
                <dd className={`font-medium ${label.startsWith("Empreinte") ? "break-all" : "break-words"}`}>{value}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
    </div>
  );
}

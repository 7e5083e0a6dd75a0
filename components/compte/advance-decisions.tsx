"use client";

import { useActionState, useState } from "react";
import { decideAdvances } from "@/lib/advances/staff-actions";
import { FormMessage } from "@/components/auth/form-bits";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { keepInputs } from "./keep-form";
import { errorOf, successOf, fieldErrorOf, initialActionState } from "@/lib/result";

export type StaffAdvanceRow = {
  key: string; // "id:version"
  worker: string;
  number: string;
  amount: string;
  createdAt: string;
  state: string;
  status: string;
  hours: string;
  /** The months whose hours count (not paid by a payslip yet). */
  months: string;
  available: string;
  /** Pending and above the available amount now: accepting it needs the confirmation. */
  overLimit: boolean;
  /** The flag set when the worker asked (or last changed the amount), with the available amount then. */
  askedOverCap: string | null;
};

export function AdvanceDecisions({ rows, reasons, today }: { rows: StaffAdvanceRow[]; reasons: string[]; today: string }) {
  const [state, action, pending] = useActionState(decideAdvances, initialActionState);
  const [decision, setDecision] = useState<"accept" | "refuse" | "pay">("accept");
  const [selected, setSelected] = useState<string[]>([]);
  const overSelected = rows.filter((r) => r.overLimit && selected.includes(r.key)).length;
  const confirmError = fieldErrorOf(state, "confirmOverCap");
  const selectable = rows.filter((r) => r.status !== "PAID" && r.status !== "REFUSED").map((r) => r.key);
  const allSelected = selectable.length > 0 && selectable.every((k) => selected.includes(k));
  /** "Tout sélectionner": checks (or unchecks) every selectable row of the page. */
  const toggleAll = (form: HTMLFormElement | null, on: boolean) => {
    if (!form) return;
    for (const box of form.querySelectorAll<HTMLInputElement>('input[name="sel"]:not(:disabled)')) box.checked = on;
    setSelected(on ? selectable : []);
  };
  return (
    <form
      action={action}
      onSubmit={keepInputs(action)}
      onChange={(e) => setSelected(new FormData(e.currentTarget).getAll("sel").map(String))}
      className="space-y-4"
    >
      {state?.ok ? <FormMessage kind="success">{successOf(state)}</FormMessage> : null}
      {errorOf(state) && !confirmError ? <FormMessage kind="error">{errorOf(state)}</FormMessage> : null}
      <Table caption="Demandes d'acompte pour ce versement">
        <THead>
          <tr>
            <Th>
              <input
                type="checkbox"
                aria-label="Tout sélectionner (cette page)"
                className="accent-brand-600 size-5"
                checked={allSelected}
                disabled={selectable.length === 0}
                onChange={(e) => {
                  e.stopPropagation();
                  toggleAll(e.currentTarget.form, e.currentTarget.checked);
                }}
              />
            </Th>
            <Th>Intérimaire</Th>
            <Th>Montant</Th>
            <Th>Demandé le</Th>
            <Th>Heures non payées</Th>
            <Th>Disponible</Th>
            <Th>État</Th>
          </tr>
        </THead>
        <TBody>
          {rows.map((r) => (
            <Tr key={r.key}>
              <Td label="Sélection">
                <input
                  type="checkbox"
                  name="sel"
                  value={r.key}
                  aria-label={`Sélectionner ${r.worker} (${r.amount})`}
                  className="accent-brand-600 size-5"
                  disabled={r.status === "PAID" || r.status === "REFUSED"}
                />
              </Td>
              <Td label="Intérimaire">
                <div className="font-medium">{r.worker}</div>
                <div className="text-xs text-slate-500">{r.number}</div>
              </Td>
              <Td label="Montant">
                <div className="max-w-48">
                  <div className={r.overLimit ? "font-semibold text-red-700" : "font-semibold"}>{r.amount}</div>
                  {r.overLimit ? <div className="text-xs text-red-700">au-delà du disponible</div> : null}
                  {r.askedOverCap ? <div className="text-xs text-orange-800">{r.askedOverCap}</div> : null}
                </div>
              </Td>
              <Td label="Demandé le" className="whitespace-nowrap">
                {r.createdAt}
              </Td>
              <Td label="Heures non payées">
                <div>
                  {r.hours}
                  {r.months ? <div className="text-xs text-slate-500">{r.months}</div> : null}
                </div>
              </Td>
              <Td label="Disponible">{r.available}</Td>
              <Td label="État">{r.state}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <fieldset className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
        <legend className="px-1 text-sm font-semibold text-slate-800">Traiter la sélection</legend>
        <div className="flex flex-wrap gap-4">
          {(
            [
              ["accept", "Accepter"],
              ["refuse", "Refuser"],
              ["pay", "Marquer comme versé"],
            ] as const
          ).map(([value, text]) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="decision"
                value={value}
                checked={decision === value}
                onChange={() => setDecision(value)}
                className="accent-brand-600"
              />
              {text}
            </label>
          ))}
        </div>
        {decision === "refuse" ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField label="Motif du refus" name="reasonChoice" defaultValue="">
              <option value="">Autre motif (à saisir)</option>
              {reasons.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </SelectField>
            <InputField label="Précision (texte libre)" name="reasonText" error={fieldErrorOf(state, "reasonText")} />
          </div>
        ) : null}
        {decision === "pay" ? (
          <InputField
            label="Date du virement"
            name="paidOn"
            type="date"
            defaultValue={today}
            max={today}
            className="max-w-xs"
            error={fieldErrorOf(state, "paidOn")}
          />
        ) : null}
        {decision === "accept" && (overSelected > 0 || confirmError) ? (
          <div className="space-y-2 rounded-lg border border-orange-200 bg-orange-50 p-3" data-testid="depassement">
            <p className="text-sm text-orange-900">
              {overSelected > 1
                ? `${overSelected} demandes de la sélection dépassent le montant disponible.`
                : overSelected === 1
                  ? "1 demande de la sélection dépasse le montant disponible."
                  : "La sélection dépasse le montant disponible."}{" "}
              Vérifiez-les avec les heures validées avant de les accepter.
            </p>
            <label className="flex items-start gap-2 text-sm font-medium text-slate-900">
              <input
                type="checkbox"
                name="confirmOverCap"
                value="1"
                className="accent-brand-600 mt-0.5 size-4"
                aria-invalid={confirmError ? true : undefined}
                aria-describedby={confirmError ? "confirmOverCap-error" : undefined}
              />
              Je confirme accepter au-delà du montant disponible
            </label>
            {confirmError ? (
              <p id="confirmOverCap-error" role="alert" className="text-sm text-red-700">
                {confirmError}
              </p>
            ) : null}
          </div>
        ) : null}
        <Button type="submit" disabled={pending}>
          {pending ? "Traitement…" : "Appliquer à la sélection"}
        </Button>
      </fieldset>
    </form>
  );
}

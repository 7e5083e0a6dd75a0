"use client";

import { useEffect, useId, useRef, useState } from "react";
import { controlClasses, Help, Label } from "@/components/ui/field";
import { cx } from "@/components/ui/cx";

export type ComboboxOption = { value: string; label: string };

const MIN_CHARS = 2;

/**
 * A search field that picks one row of a table too large for a <select>
 * (ARIA 1.2 combobox with a listbox popup): typing asks `endpoint?q=` for at
 * most 20 suggestions, arrows move through them, Enter picks, Escape closes.
 * The chosen value travels in a hidden input named `name`.
 */
export function SearchCombobox<T extends ComboboxOption>({
  label,
  name,
  endpoint,
  initial,
  required,
  error,
  hint,
  placeholder,
  onSelect,
}: {
  label: string;
  name: string;
  endpoint: string;
  initial: T | null;
  required?: boolean;
  error?: string;
  hint?: string;
  placeholder?: string;
  onSelect?: (option: T | null) => void;
}) {
  const baseId = useId();
  const inputId = `champ-${name}`;
  const listId = `${baseId}-liste`;
  const hintId = `${baseId}-aide`;
  const errorId = `${baseId}-erreur`;
  const statusId = `${baseId}-etat`;
  const [selected, setSelected] = useState<T | null>(initial);
  const [text, setText] = useState(initial?.label ?? "");
  const [options, setOptions] = useState<T[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const asked = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const search = (query: string) => {
    if (timer.current) clearTimeout(timer.current);
    const id = ++asked.current;
    if (query.trim().length < MIN_CHARS) {
      setOptions([]);
      setOpen(false);
      setStatus(query.trim() ? `Tapez au moins ${MIN_CHARS} caractères.` : "");
      return;
    }
    timer.current = setTimeout(() => {
      fetch(`${endpoint}?${new URLSearchParams({ q: query })}`, { headers: { accept: "application/json" } })
        .then((r) => (r.ok ? (r.json() as Promise<{ options: T[] }>) : Promise.reject(new Error(String(r.status)))))
        .then(({ options: found }) => {
          if (id !== asked.current) return;
          setOptions(found);
          setActive(found.length ? 0 : -1);
          setOpen(found.length > 0);
          setStatus(
            found.length === 0
              ? "Aucun résultat."
              : found.length >= 20
                ? "20 premiers résultats : précisez la recherche."
                : `${found.length} résultat${found.length > 1 ? "s" : ""}.`,
          );
        })
        .catch(() => {
          if (id === asked.current) setStatus("La recherche a échoué. Réessayez dans un instant.");
        });
    }, 150);
  };

  const choose = (option: T) => {
    setSelected(option);
    setText(option.label);
    setOpen(false);
    setStatus("");
    onSelect?.(option);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!options.length) return;
      if (!open) return setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i + step + options.length) % options.length);
    } else if (event.key === "Enter") {
      // Picking a suggestion must not submit the form.
      if (open && active >= 0) {
        event.preventDefault();
        choose(options[active]);
      } else if (!selected) event.preventDefault();
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        setOpen(false);
      }
    }
  };

  const describedBy = [hint ? hintId : null, error ? errorId : null, statusId].filter(Boolean).join(" ");
  return (
    <div className="relative space-y-1.5">
      <Label htmlFor={inputId} required={required}>
        {label}
      </Label>
      <input type="hidden" name={name} value={selected?.value ?? ""} />
      <input
        id={inputId}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        placeholder={placeholder}
        value={text}
        className={controlClasses(error)}
        onChange={(e) => {
          setText(e.target.value);
          if (selected) {
            setSelected(null);
            onSelect?.(null);
          }
          search(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => options.length && !selected && setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={label}
        hidden={!open}
        className="absolute z-20 mt-1 max-h-72 w-full overflow-y-auto rounded-lg border border-slate-300 bg-white py-1 text-sm shadow-lg"
      >
        {options.map((o, i) => (
          <li
            key={o.value}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            // mousedown, not click: the input keeps its focus, so blur does not close the list first.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(o);
            }}
            onMouseMove={() => setActive(i)}
            className={cx("cursor-pointer px-3 py-2", i === active ? "bg-brand-50 text-brand-900" : "text-slate-900")}
          >
            {o.label}
          </li>
        ))}
      </ul>
      <p id={statusId} role="status" className="text-sm text-slate-500">
        {status}
      </p>
      <Help hintId={hintId} hint={hint} errorId={errorId} error={error} />
    </div>
  );
}

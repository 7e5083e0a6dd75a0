"use client";

import { useOptimistic, useState, useTransition } from "react";
import { setNotificationPreference } from "@/lib/settings/actions";

type Item = { kind: string; label: string; description: string; enabled: boolean };

export function NotificationToggles({ items }: { items: Item[] }) {
  const [saved, setSaved] = useState(items);
  const [optimistic, setOptimistic] = useOptimistic(saved, (state, change: { kind: string; enabled: boolean }) =>
    state.map((i) => (i.kind === change.kind ? { ...i, enabled: change.enabled } : i)),
  );
  const [, startTransition] = useTransition();
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);

  const toggle = (item: Item, enabled: boolean) => {
    startTransition(async () => {
      setOptimistic({ kind: item.kind, enabled });
      const result = await setNotificationPreference(item.kind, enabled).catch(() => ({ ok: false }));
      if (result.ok) {
        setSaved((s) => s.map((i) => (i.kind === item.kind ? { ...i, enabled } : i)));
        setMessage({ kind: "ok", text: `« ${item.label} » : ${enabled ? "activée" : "désactivée"}. Enregistré.` });
      } else {
        setMessage({ kind: "error", text: "L'enregistrement a échoué. Vérifiez votre connexion et réessayez." });
      }
    });
  };

  return (
    <div className="mt-4 space-y-3">
      <p className="text-sm text-slate-600">
        Sélectionnez les actions pour lesquelles vous souhaitez être alerté. Chaque choix est enregistré immédiatement.
      </p>
      <ul className="divide-y divide-slate-100">
        {optimistic.map((item) => (
          <li key={item.kind} className="flex items-start justify-between gap-4 py-3">
            <label htmlFor={`notif-${item.kind}`} className="min-w-0">
              <span className="block font-medium text-slate-900">{item.label}</span>
              <span className="block text-sm text-slate-600">{item.description}</span>
            </label>
            <input
              id={`notif-${item.kind}`}
              type="checkbox"
              role="switch"
              checked={item.enabled}
              onChange={(e) => toggle(item, e.target.checked)}
              className="accent-brand-600 mt-1 size-6 shrink-0"
            />
          </li>
        ))}
      </ul>
      <p role="status" aria-live="polite" className={message?.kind === "error" ? "text-sm text-red-700" : "text-sm text-green-800"}>
        {message?.text}
      </p>
    </div>
  );
}

import { isPreview } from "@/lib/preview/env";
import { resetDemoData } from "@/lib/preview/actions";

/** Deploy previews only: the staff's "Réinitialiser la démonstration". */
export function ResetDemo() {
  if (!isPreview()) return null;
  return (
    <form action={resetDemoData} className="mt-8 rounded-lg border border-amber-200 bg-amber-50 p-4">
      <p className="text-sm text-amber-950">
        Aperçu de démonstration : remettre toutes les données à leur état initial (les sessions ouvertes sont fermées).
      </p>
      <button
        type="submit"
        className="mt-3 rounded-md border border-amber-300 bg-white px-3 py-2 text-sm font-medium text-slate-900 hover:bg-amber-100"
      >
        Réinitialiser la démonstration
      </button>
    </form>
  );
}

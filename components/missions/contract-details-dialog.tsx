"use client";

import { useEffect, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { MissionDetailsContent, type MissionDetails } from "./mission-details-dialog";

/**
 * One details dialog for a whole list of contracts: each row only has a plain
 * `<button data-details="<id>">` (server-rendered), and this component, rendered
 * once, opens the dialog for the row clicked (one delegated listener). The
 * details travel once, here, instead of one dialog and one client component per row.
 */
export function ContractDetailsDialog({ items }: { items: Record<string, MissionDetails> }) {
  const [openId, setOpenId] = useState<string | null>(null);
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const trigger = (event.target as Element | null)?.closest?.("button[data-details]");
      const id = trigger?.getAttribute("data-details");
      if (id && items[id]) setOpenId(id);
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [items]);
  const details = openId ? items[openId] : undefined;
  return (
    <Dialog
      title={details ? `Détail du contrat ${details.number}` : "Détail du contrat"}
      open={Boolean(details)}
      onOpenChange={(next) => {
        if (!next) setOpenId(null);
      }}
    >
      {details ? <MissionDetailsContent details={details} /> : null}
    </Dialog>
  );
}

"use client";

import { useEffect, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { MissionDetailsContent, type MissionDetails } from "./mission-details-dialog";

/** A place of mission and its client, shared by the contracts at that place. */
export type MissionPlace = Omit<MissionDetails, "number">;

/**
 * One details dialog for a whole list of contracts: each row only has a plain
 * `<button data-details="<id>">` (server-rendered), and this component, rendered
 * once, opens the dialog for the row clicked (one delegated listener). The
 * details travel once, here, instead of one dialog and one client component per
 * row; each place once too (`items` maps a contract id to its number and the
 * index of its place in `places`).
 */
export function ContractDetailsDialog({
  items,
  places,
}: {
  items: Record<string, [number: string, place: number]>;
  places: MissionPlace[];
}) {
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
  const item = openId ? items[openId] : undefined;
  const place = item ? places[item[1]] : undefined;
  const details = item && place ? { number: item[0], ...place } : undefined;
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

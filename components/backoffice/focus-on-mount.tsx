"use client";

import { useEffect } from "react";

/** Moves keyboard and screen-reader focus to an element when it appears (e.g. a confirmation's question). */
export function FocusOnMount({ targetId }: { targetId: string }) {
  useEffect(() => {
    document.getElementById(targetId)?.focus();
  }, [targetId]);
  return null;
}

"use client";

import type { SelectHTMLAttributes } from "react";

/** A select that submits its GET form as soon as it changes (the button stays for no-JS use). */
export function AutoSubmitSelect(props: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select {...props} onChange={(e) => e.currentTarget.form?.requestSubmit()} />;
}

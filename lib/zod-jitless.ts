// zod 4 compiles object parsers with `new Function` after probing for eval,
// which the CSP forbids (and reports). Its interpreted mode is enough for forms.
// Imported for its effect by the modules that parse with zod in the browser
// (lib/forms.ts, components/forms/use-action-form.ts), so that pages without
// them (the login page) do not load zod at all.
import { z } from "zod";

z.config({ jitless: true });

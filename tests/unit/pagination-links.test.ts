// The list addresses the pagination links build: filters kept, the paging parameters replaced.
import { describe, expect, it } from "vitest";
import { cursorHref } from "@/components/ui/cursor-pagination";
import { pageHref } from "@/components/ui/pagination";

describe("pageHref", () => {
  it("keeps the filters, repeated ones included, and sets the page", () => {
    expect(pageHref("/contrats", { etat: "a-signer", q: ["a", "b"], page: "4" }, 2)).toBe("/contrats?etat=a-signer&q=a&q=b&page=2");
  });
  it("drops the parameter for page 1 and the undefined filters", () => {
    expect(pageHref("/contrats", { etat: undefined, page: "3" }, 1)).toBe("/contrats");
  });
  it("uses the given parameter name", () => {
    expect(pageHref("/admin/validations", { p: "2", tri: "date" }, 3, "p")).toBe("/admin/validations?tri=date&p=3");
  });
});

describe("cursorHref", () => {
  it("replaces both cursors and the page number by the one cursor", () => {
    expect(cursorHref("/admin/audit", { action: "auth.login", avant: "x", apres: "y", page: "2" }, { apres: "c1" })).toBe(
      "/admin/audit?action=auth.login&apres=c1",
    );
  });
  it("goes back to the first page with no cursor", () => {
    expect(cursorHref("/admin/audit", { avant: "x" }, null)).toBe("/admin/audit");
  });
});

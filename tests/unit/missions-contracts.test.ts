import { describe, expect, it } from "vitest";
import {
  CODE_MAX_ATTEMPTS,
  activeFilterCount,
  canSign,
  codeExpiry,
  codeMatches,
  codeState,
  generateCode,
  hashCode,
  listQuery,
  maskPhone,
  parseListParams,
  resendDecision,
  stateDisplay,
} from "@/lib/contracts/rules";

const b = { contractId: "c1", userId: "u1", documentSha256: "a".repeat(64) };
const t0 = new Date("2026-11-27T10:00:00Z");
const row = (over: Partial<Parameters<typeof codeState>[0]> = {}) => ({
  ...b,
  expiresAt: codeExpiry(t0),
  usedAt: null,
  invalidatedAt: null,
  attempts: 0,
  ...over,
});

describe("contract states", () => {
  it("shows the guide's legend", () => {
    expect(stateDisplay("SIGNED")).toEqual({ label: "Valide", tone: "success" });
    expect(stateDisplay("AWAITING_SIGNATURE").label).toBe("Des éléments sont en attente de validation");
    expect(stateDisplay("INCOMPLETE").label).toBe("Incomplet");
  });
  it("signs only an issued contract awaiting signature", () => {
    expect(canSign({ state: "AWAITING_SIGNATURE", issuedSha256: "x" })).toBe(true);
    expect(canSign({ state: "AWAITING_SIGNATURE", issuedSha256: null })).toBe(false);
    expect(canSign({ state: "SIGNED", issuedSha256: "x" })).toBe(false);
    expect(canSign({ state: "INCOMPLETE", issuedSha256: "x" })).toBe(false);
  });
});

describe("list parameters", () => {
  it("reads sort, filters and page from the URL, ignoring junk", () => {
    const p = parseListParams({
      tri: "entreprise",
      ordre: "desc",
      "en-cours": "1",
      etat: "a-signer",
      par: "30",
      page: "3",
      date: "2026-02-30",
    });
    expect(p).toMatchObject({ sort: "entreprise", dir: "desc", current: true, state: "a-signer", perPage: 30, page: 3, date: null });
    expect(activeFilterCount(p)).toBe(2);
    expect(parseListParams({ tri: "drop table", par: "1000", page: "-2" })).toMatchObject({
      sort: "creation",
      dir: "desc",
      perPage: 15,
      page: 1,
    });
  });
  it("writes short links that round-trip", () => {
    const p = parseListParams({ tri: "debut", ordre: "asc", date: "2026-11-27", par: "50", page: "2" });
    expect(listQuery(p)).toBe("?tri=debut&ordre=asc&date=2026-11-27&par=50&page=2");
    expect(parseListParams(Object.fromEntries(new URLSearchParams(listQuery(p).slice(1))))).toEqual(p);
    expect(listQuery(parseListParams({}))).toBe("");
  });
});

describe("signing codes", () => {
  it("are six random digits", () => {
    const codes = new Set(Array.from({ length: 200 }, generateCode));
    for (const c of codes) expect(c).toMatch(/^\d{6}$/);
    expect(codes.size).toBeGreaterThan(190);
  });
  it("are stored hashed and bound to contract, user and document", () => {
    const h = hashCode("123456", b, "s");
    expect(h).not.toContain("123456");
    expect(codeMatches("123456", h, b, "s")).toBe(true);
    expect(codeMatches("123457", h, b, "s")).toBe(false);
    expect(codeMatches("123456", h, { ...b, contractId: "c2" }, "s")).toBe(false);
    expect(codeMatches("123456", h, { ...b, userId: "u2" }, "s")).toBe(false);
    expect(codeMatches("123456", h, { ...b, documentSha256: "b".repeat(64) }, "s")).toBe(false);
    expect(codeMatches("12345", h, b, "s")).toBe(false);
  });
  it("last ten minutes, once, and five wrong tries", () => {
    expect(codeState(row(), b, new Date(t0.getTime() + 9 * 60_000))).toBe("usable");
    expect(codeState(row(), b, new Date(t0.getTime() + 10 * 60_000))).toBe("expired");
    expect(codeState(row({ usedAt: t0 }), b, t0)).toBe("used");
    expect(codeState(row({ invalidatedAt: t0 }), b, t0)).toBe("invalidated");
    expect(codeState(row({ attempts: CODE_MAX_ATTEMPTS - 1 }), b, t0)).toBe("usable");
    expect(codeState(row({ attempts: CODE_MAX_ATTEMPTS }), b, t0)).toBe("locked");
    expect(codeState(row({ documentSha256: "c".repeat(64) }), b, t0)).toBe("other-document");
  });
  it("may be resent once a minute and five times an hour", () => {
    expect(resendDecision([], t0)).toEqual({ allowed: true });
    expect(resendDecision([new Date(t0.getTime() - 30_000)], t0)).toMatchObject({
      allowed: false,
      reason: "minute",
      retryAfterSeconds: 30,
    });
    expect(resendDecision([new Date(t0.getTime() - 61_000)], t0)).toEqual({ allowed: true });
    const five = [5, 4, 3, 2, 1.5].map((m) => new Date(t0.getTime() - m * 60_000));
    expect(resendDecision(five, t0)).toMatchObject({ allowed: false, reason: "hour" });
    const old = [65, 4, 3, 2, 1.5].map((m) => new Date(t0.getTime() - m * 60_000));
    expect(resendDecision(old, t0)).toEqual({ allowed: true });
  });
  it("mask the phone as the guide shows", () => {
    expect(maskPhone("+33612345608")).toBe("06 •• •• •• 08");
  });
});

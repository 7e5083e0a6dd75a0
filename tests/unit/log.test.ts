// The log lines keep personal data and secrets out (lib/log): masked in free
// texts, redacted as fields, and request ids of one shape only.
import { describe, expect, it } from "vitest";
import { createLogger, REQUEST_ID_PATTERN, safeError, scrub } from "@/lib/log";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}

describe("logs without personal data", () => {
  it("masks emails, query strings and long tokens in messages and stacks", () => {
    expect(scrub("no user lina.martin@example.fr in agency")).toBe("no user [email] in agency");
    expect(scrub("GET /reinitialiser?token=abc123&x=1 failed")).toBe("GET /reinitialiser?[query] failed");
    expect(scrub("bad key 3q2-9XfK_aZ8bb7c6d5e4f3g2h1i0jklmnop")).toBe("bad key [redacted]");
    // Short words and ids stay readable.
    expect(scrub("Contract c1 not found (P2025)")).toBe("Contract c1 not found (P2025)");
    const error = Object.assign(new Error("duplicate key for lina@example.fr"), { digest: "1833243742" });
    const safe = safeError(error);
    expect(safe).toMatchObject({ type: "Error", message: "duplicate key for [email]", digest: "1833243742" });
    expect(safe.stack).not.toContain("lina@example.fr");
  });

  it("redacts secret fields whatever the caller passes, and writes one JSON line per event", () => {
    const { logger, lines } = capture();
    logger.error(
      {
        event: "error",
        requestId: "0123456789ab",
        email: "lina@example.fr",
        user: { email: "x@y.fr", code: "987650" },
        headers: { cookie: "s=1" },
      },
      "boom",
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, event: "error", requestId: "0123456789ab", email: "[redacted]", msg: "boom" });
    expect(lines[0].user).toEqual({ email: "[redacted]", code: "[redacted]" });
    expect(lines[0].headers).toBe("[redacted]");
    expect(JSON.stringify(lines[0])).not.toMatch(/lina@|x@y|987650|s=1/);
  });

  it("takes request ids of 8 to 32 lowercase hex digits only", () => {
    expect(REQUEST_ID_PATTERN.test("0123456789ab")).toBe(true);
    for (const bad of ["<script>", "0123456", "ABCDEF0123", "a".repeat(33), "abc def012"]) expect(REQUEST_ID_PATTERN.test(bad)).toBe(false);
  });
});

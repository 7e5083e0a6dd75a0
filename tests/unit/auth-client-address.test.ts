import { describe, expect, it } from "vitest";
import { checkStartupSettings, clientAddress, publicOrigin, requestHost, trustedProxyHops } from "@/lib/http/client";

const h = (values: Record<string, string>) => new Headers(values);

describe("clientAddress", () => {
  it("with no proxy (0 hops) takes the socket address the server appends last, not what the client wrote", () => {
    expect(clientAddress(h({ "x-forwarded-for": "1.2.3.4, 203.0.113.9" }), 0)).toBe("203.0.113.9");
    expect(clientAddress(h({ "x-forwarded-for": "203.0.113.9" }), 0)).toBe("203.0.113.9");
  });
  it("rotating the client-set entries never changes the address", () => {
    const seen = new Set<string | null>();
    for (let i = 0; i < 50; i++) seen.add(clientAddress(h({ "x-forwarded-for": `10.0.${i}.1, 198.51.100.7` }), 0));
    expect([...seen]).toEqual(["198.51.100.7"]);
  });
  it("behind N proxies takes the entry N places from the right", () => {
    const headers = h({ "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" });
    expect(clientAddress(headers, 1)).toBe("203.0.113.9");
    expect(clientAddress(headers, 2)).toBe("6.6.6.6");
  });
  it("a list shorter than the hops gives no address rather than a client-chosen one", () => {
    expect(clientAddress(h({ "x-forwarded-for": "10.0.0.2" }), 1)).toBeNull();
    expect(clientAddress(h({}), 0)).toBeNull();
  });
  it("ignores X-Real-IP, which a client can set", () => {
    expect(clientAddress(h({ "x-real-ip": "6.6.6.6", "x-forwarded-for": "198.51.100.7" }), 0)).toBe("198.51.100.7");
  });
  it("writes IPv4-mapped IPv6 socket addresses as IPv4", () => {
    expect(clientAddress(h({ "x-forwarded-for": "::ffff:127.0.0.1" }), 0)).toBe("127.0.0.1");
  });
  it("reads TRUSTED_PROXY_HOPS, default 0, and refuses nonsense", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "2" })).toBe(2);
    expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: "yes" })).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});

describe("publicOrigin (links in emails)", () => {
  const evil = h({ host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
  it("uses APP_URL whatever the request says", () => {
    expect(publicOrigin({ APP_URL: "https://app.coop-emploi.fr/", NODE_ENV: "production" }, evil)).toBe("https://app.coop-emploi.fr");
  });
  it("refuses production without APP_URL", () => {
    expect(() => publicOrigin({ NODE_ENV: "production" }, evil)).toThrow(/APP_URL/);
    expect(() => checkStartupSettings({ NODE_ENV: "production" })).toThrow(/APP_URL/);
    expect(() => checkStartupSettings({ NODE_ENV: "production", APP_URL: "https://app.coop-emploi.fr" })).not.toThrow();
  });
  it("demo, test and preview fall back to localhost:PORT, never to the request's Host or X-Forwarded-Host", () => {
    for (const APP_ENV of ["demo", "test", "preview"]) {
      expect(publicOrigin({ NODE_ENV: "production", APP_ENV, PORT: "3300" }, evil)).toBe("http://localhost:3300");
    }
    expect(publicOrigin({ NODE_ENV: "development" }, evil)).toBe("http://localhost:3000");
  });
  it("believes X-Forwarded-Host only when a trusted proxy is configured", () => {
    const proxied = h({ "x-forwarded-host": "espace.coop-emploi.fr", "x-forwarded-proto": "https" });
    expect(publicOrigin({ APP_ENV: "demo", TRUSTED_PROXY_HOPS: "1" }, proxied)).toBe("https://espace.coop-emploi.fr");
    expect(publicOrigin({ APP_ENV: "demo", TRUSTED_PROXY_HOPS: "0" }, proxied)).toBe("http://localhost:3000");
  });
  it("requestHost (same-origin checks) ignores X-Forwarded-Host without a trusted proxy", () => {
    const headers = h({ host: "127.0.0.1:3300", "x-forwarded-host": "evil.example" });
    expect(requestHost(headers, 0)).toBe("127.0.0.1:3300");
    expect(requestHost(headers, 1)).toBe("evil.example");
  });
});
